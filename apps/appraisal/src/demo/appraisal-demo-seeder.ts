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

/** The demo users of docs/conventions.md by NIP. */
const DEMO = {
  hendra: '197906012005011002',
  ahmad: '197512251998031001',
  siti: '198507222010012003',
  dimas: '199203152019031004',
  putri: '199505052023212005',
} as const;

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

  /** Waits (up to `waitMs`) for the projection to hold the demo users, which the running service consumes from Kafka. */
  async waitForPersonnel(waitMs: number): Promise<boolean> {
    const deadline = Date.now() + waitMs;
    for (;;) {
      // The four people of the cascade, Putri with her penilai (appraisers arrive in their own event).
      const cascade = [DEMO.ahmad, DEMO.siti, DEMO.dimas, DEMO.putri];
      const [row] = await this.dataSource.query(
        `SELECT count(*)::int AS n FROM personnel_employee WHERE nip = ANY($1) AND core_version IS NOT NULL AND (nip <> $2 OR penilai_nip IS NOT NULL)`,
        [cascade, DEMO.putri],
      );
      if (row.n === cascade.length) return true;
      if (Date.now() > deadline) return false;
      await new Promise((r) => setTimeout(r, 2000));
    }
  }

  async run(): Promise<{ year: number; cadences: number; skps: number }> {
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
    const [already] = await this.dataSource.query(`SELECT 1 FROM skp WHERE nip = $1 AND year = $2`, [DEMO.ahmad, year]);
    if (!already) {
      const plan = skp(year, 'Meningkatnya kualitas layanan informasi publik Kota Palembang', null, { description: 'Indeks kepuasan masyarakat atas layanan informasi', aspek: 'KUALITAS', target: 85, unit: 'indeks' });
      // The seeds' examples: satisfaction, compliance with regulations (and below: complaints handled, innovations adopted).
      plan.rhk.push({ kind: 'UTAMA', description: 'Terselenggaranya tata kelola informasi sesuai regulasi', parentRhkId: null, indicators: [{ description: 'Persentase kepatuhan terhadap regulasi keterbukaan informasi', aspek: 'KUALITAS', target: 100, unit: 'persen', direction: 'NAIK', evidenceRequired: true }] } as CreateSkpDto['rhk'][number]);
      const ahmad = await this.create.execute(principal(DEMO.ahmad), plan);
      await this.submit.execute(principal(DEMO.ahmad), ahmad.id);
      await this.set.execute(admin, ahmad.id, { expectations });
      const siti = await this.create.execute(principal(DEMO.siti), skp(year, 'Meningkatnya penanganan pengaduan masyarakat secara daring', ahmad.rhk[0].id, { description: 'Pengaduan masyarakat yang ditangani', target: 1200, unit: 'pengaduan' }));
      await this.submit.execute(principal(DEMO.siti), siti.id);
      await this.set.execute(principal(DEMO.ahmad), siti.id, { expectations });
      const dimas = await this.create.execute(principal(DEMO.dimas), skp(year, 'Tersedianya aplikasi pengaduan yang andal', siti.rhk[0].id, { description: 'Inovasi layanan yang diadopsi', target: 2, unit: 'inovasi', aspek: 'KUANTITAS' }));
      await this.submit.execute(principal(DEMO.dimas), dimas.id);
      await this.set.execute(principal(DEMO.siti), dimas.id, { expectations });
      const putri = await this.create.execute(principal(DEMO.putri), skp(year, 'Terverifikasinya pengaduan masyarakat tepat waktu', siti.rhk[0].id, { description: 'Rata-rata waktu verifikasi pengaduan', aspek: 'WAKTU', target: 2, unit: 'hari kerja', direction: 'TURUN', evidenceRequired: false }));
      await this.submit.execute(principal(DEMO.putri), putri.id);
      skps = 4;
    }
    this.logger.log(`demo data: ${cadences} cadences, ${skps} SKPs for ${year}`);
    return { year, cadences, skps };
  }
}
