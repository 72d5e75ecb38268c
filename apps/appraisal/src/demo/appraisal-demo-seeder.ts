import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { BERAKHLAK_CODES, Clock, isoDate } from '@capaian/kinerja';
import type { Principal } from '@capaian/shared/auth';
import { DataSource } from 'typeorm';
import { SetCadence } from '../cadence/use-cases/set-cadence';
import type { Frequency } from '../cadence/domain/cadence';
import type { CreateSkpDto } from '../skp/dto/create-skp.dto';
import { CreateSkp } from '../skp/use-cases/create-skp';
import { SetSkp } from '../skp/use-cases/set-skp';
import { SubmitSkp } from '../skp/use-cases/submit-skp';
import { cascadeReadiness, type CascadeMember, type ProjectedDemoPerson, type Readiness } from './demo-readiness';

/** The demo users of docs/conventions.md by NIP. */
const DEMO = {
  hendra: '197906012005011002',
  ahmad: '197512251998031001',
  siti: '198507222010012003',
  dimas: '199203152019031004',
  putri: '199505052023212005',
} as const;

/** DISKOMINFO's cascade: Ahmad (head, set by BKPSDM) → Siti → Dimas and Putri. */
const CASCADE: readonly CascadeMember[] = [
  { nip: DEMO.ahmad, name: 'Ahmad Fauzi', penilaiNip: null },
  { nip: DEMO.siti, name: 'Siti Rahmawati', penilaiNip: DEMO.ahmad },
  { nip: DEMO.dimas, name: 'Dimas Pratama', penilaiNip: DEMO.siti },
  { nip: DEMO.putri, name: 'Putri Lestari', penilaiNip: DEMO.siti },
];

function principal(nip: string, roles: string[] = ['pegawai']): Principal {
  return { subject: `demo-seed:${nip}`, username: nip, nip, roles, isServiceAccount: false, token: '' };
}

const expectations = Object.fromEntries(BERAKHLAK_CODES.map((c) => [c, 'Menunjukkan perilaku ini secara konsisten dalam pelayanan sehari-hari']));

function skp(year: number, description: string, parentRhkId: string | null, indicator: Partial<CreateSkpDto['rhk'][number]['indicators'][number]>): CreateSkpDto {
  return {
    year,
    pendekatan: 'KUANTITATIF',
    rhk: [
      {
        kind: 'UTAMA',
        description,
        parentRhkId,
        indicators: [{ description: `${description} (indikator)`, aspek: 'KUANTITAS', target: 12, unit: 'laporan', direction: 'NAIK', evidenceRequired: true, ...indicator }],
      },
    ],
    annex: { resources: ['Anggaran DPA Diskominfo', 'Aplikasi pengaduan'], accountability: ['Laporan bulanan kepada pejabat penilai'], consequences: ['Sesuai ketentuan disiplin PNS'] },
  } as CreateSkpDto;
}

/**
 * Appraisal's demo data on top of personnel's Palembang demo (read from this service's projection):
 * a cadence for every OPD of the year (monthly; every fifth OPD quarterly) and the SKP cascade of
 * DISKOMINFO's demo users — Ahmad's and Siti's set, Dimas's set, Putri's submitted and waiting
 * for Siti. Idempotent: what exists is left alone.
 */
@Injectable()
export class AppraisalDemoSeeder {
  private readonly logger = new Logger('AppraisalDemo');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly setCadence: SetCadence,
    private readonly create: CreateSkp,
    private readonly submit: SubmitSkp,
    private readonly set: SetSkp,
    private readonly clock: Clock,
  ) {}

  /**
   * The cascade as appraisal's projection holds it now: per NIP the newest copy, the one the SKP use
   * cases resolve a person to. (The shared topics also carry the test stacks' demo people under the
   * same NIPs; an older copy with the right penilai once made the seed go ahead too early.)
   */
  async readiness(): Promise<Readiness> {
    const projected: ProjectedDemoPerson[] = await this.dataSource.query(
      `SELECT DISTINCT ON (nip) nip, penilai_nip AS "penilaiNip" FROM personnel_employee
       WHERE nip = ANY($1) AND core_version IS NOT NULL ORDER BY nip, core_version DESC`,
      [CASCADE.map((c) => c.nip)],
    );
    return cascadeReadiness(CASCADE, projected);
  }

  /**
   * Waits (up to `waitMs`) for the projection to hold the demo cascade with its penilai, which the
   * running service consumes from Kafka; `progress` hears how far it is every few seconds.
   */
  async waitForPersonnel(waitMs: number, progress?: (r: Readiness, waitedMs: number) => void, pollMs = 2000): Promise<boolean> {
    const started = Date.now();
    for (;;) {
      const r = await this.readiness();
      if (r.ready) return true;
      const waited = Date.now() - started;
      if (waited >= waitMs) return false;
      progress?.(r, waited);
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  }

  /** Every demo user of the cascade has an SKP this year (whatever its state since): the seed leaves SKPs alone. */
  async cascadePresent(year = this.clock.year()): Promise<boolean> {
    const [row] = await this.dataSource.query(`SELECT count(DISTINCT nip)::int AS n FROM skp WHERE nip = ANY($1) AND year = $2`, [CASCADE.map((c) => c.nip), year]);
    return row.n === CASCADE.length;
  }

  /** Cadences for OPDs without one this year, and the cascade's missing steps unless `skps: false`. */
  async run(options: { skps?: boolean } = {}): Promise<{ year: number; cadences: number; skps: number }> {
    const year = this.clock.year();
    const admin = principal(DEMO.hendra, ['pegawai', 'admin-bkpsdm']);
    const opds: { code: string }[] = await this.dataSource.query(`SELECT code FROM personnel_unit WHERE level = 1 AND status = 'AKTIF' ORDER BY code`);
    let cadences = 0;
    for (const [i, opd] of opds.entries()) {
      const [exists] = await this.dataSource.query(`SELECT 1 FROM opd_cadence WHERE opd_code = $1 AND year = $2`, [opd.code, year]);
      if (exists) continue;
      const frequency: Frequency = i % 5 === 4 ? 'TRIWULANAN' : 'BULANAN';
      await this.setCadence.execute(admin, year, opd.code, { frequency, planningDeadline: isoDate(year, 1, 31), reportDays: 5, feedbackDays: 10, ratingDeadline: isoDate(year + 1, 1, 31), objectionDays: 14 });
      cadences++;
    }
    let skps = 0;
    const setter = (penilaiNip: string | null) => (penilaiNip ? principal(penilaiNip) : admin);
    if (options.skps !== false) {
      // Step by step, each skipped when done: a run stopped half-way (a restart) is completed by the next.
      // Each SKP is set by the penilai it records (Ahmad for Siti, Siti for Dimas; the Sekda, or BKPSDM
      // when none is named, for the OPD head): the projection may move an open SKP to another penilai
      // between its creation and this step, while it is still taking in personnel's events.
      const ahmad = await this.ensureSkp(year, DEMO.ahmad, setter, () => {
        const plan = skp(year, 'Meningkatnya kualitas layanan informasi publik Kota Palembang', null, { description: 'Indeks kepuasan masyarakat atas layanan informasi', aspek: 'KUALITAS', target: 85, unit: 'indeks' });
        // The seeds' examples: satisfaction, compliance with regulations (and below: complaints handled, innovations adopted).
        plan.rhk.push({ kind: 'UTAMA', description: 'Terselenggaranya tata kelola informasi sesuai regulasi', parentRhkId: null, indicators: [{ description: 'Persentase kepatuhan terhadap regulasi keterbukaan informasi', aspek: 'KUALITAS', target: 100, unit: 'persen', direction: 'NAIK', evidenceRequired: true }] } as CreateSkpDto['rhk'][number]);
        return plan;
      });
      const siti = await this.ensureSkp(year, DEMO.siti, setter, () => skp(year, 'Meningkatnya penanganan pengaduan masyarakat secara daring', ahmad.rhkId, { description: 'Pengaduan masyarakat yang ditangani', target: 1200, unit: 'pengaduan' }));
      const dimas = await this.ensureSkp(year, DEMO.dimas, setter, () => skp(year, 'Tersedianya aplikasi pengaduan yang andal', siti.rhkId, { description: 'Inovasi layanan yang diadopsi', target: 2, unit: 'inovasi', aspek: 'KUANTITAS' }));
      // Putri's stays submitted, waiting for Siti.
      const putri = await this.ensureSkp(year, DEMO.putri, () => null, () => skp(year, 'Terverifikasinya pengaduan masyarakat tepat waktu', siti.rhkId, { description: 'Rata-rata waktu verifikasi pengaduan', aspek: 'WAKTU', target: 2, unit: 'hari kerja', direction: 'TURUN', evidenceRequired: false }));
      skps = [ahmad, siti, dimas, putri].filter((s) => s.created).length;
    }
    this.logger.log(`demo data: ${cadences} cadences, ${skps} SKPs for ${year}`);
    return { year, cadences, skps };
  }

  /**
   * The person's SKP of the year: created if missing, submitted if a draft, set by whom `setBy` names
   * (given the penilai the SKP records) if submitted.
   */
  private async ensureSkp(
    year: number,
    nip: string,
    setBy: (penilaiNip: string | null) => Principal | null,
    plan: () => CreateSkpDto,
  ): Promise<{ id: string; rhkId: string; created: boolean }> {
    const [row]: { id: string; status: string; content: { rhk: { id: string }[] } }[] = await this.dataSource.query(
      `SELECT id, status, content FROM skp WHERE nip = $1 AND year = $2 AND status NOT IN ('DIGANTI', 'DITUTUP') ORDER BY version DESC LIMIT 1`,
      [nip, year],
    );
    let current = row ? { id: row.id, status: row.status, rhkId: row.content.rhk[0]?.id } : null;
    const created = !current;
    if (!current) {
      const s = await this.create.execute(principal(nip), plan());
      current = { id: s.id, status: s.status, rhkId: s.rhk[0].id };
    }
    if (current.status === 'DRAFT') current.status = (await this.submit.execute(principal(nip), current.id)).status;
    if (current.status === 'DIAJUKAN') {
      const [{ penilai_nip: penilaiNip }] = await this.dataSource.query(`SELECT penilai_nip FROM skp WHERE id = $1`, [current.id]);
      const by = setBy(penilaiNip);
      if (by) await this.set.execute(by, current.id, { expectations });
    }
    return { id: current.id, rhkId: current.rhkId, created };
  }
}
