import { addDaysIso } from './dates';
import type { DataSource } from 'typeorm';
import { BudgetRepository } from '../budget/infrastructure/budget.repository';
import type { DevelopmentForm } from '../development-program/domain/development-form';
import { DevelopmentProgramRepository } from '../development-program/infrastructure/development-program.repository';
import { PartnerRepository } from '../partner/infrastructure/partner.repository';
import { SessionRepository } from '../session/infrastructure/session.repository';

interface DemoProgram {
  name: string;
  form: DevelopmentForm;
  organizer: string;
  jp: number;
  days: number;
  /** Days from today to the first day. */
  startsIn: number;
  quota: number;
  cost: number;
  competencies: string[];
  eligiblePositionKinds?: string[];
  partner?: 'unsri' | 'iai';
  online?: boolean;
}

const PROGRAMS: DemoProgram[] = [
  { name: 'Pelatihan Kepemimpinan Administrator (PKA) Angkatan I', form: 'pka', organizer: 'BPSDM Provinsi Sumatera Selatan', jp: 480, days: 90, startsIn: 45, quota: 30, cost: 37_500_000, competencies: ['kepemimpinan kinerja', 'inovasi pelayanan'] },
  { name: 'Pelatihan Kepemimpinan Pengawas (PKP) Angkatan I', form: 'pkp', organizer: 'BPSDM Provinsi Sumatera Selatan', jp: 360, days: 60, startsIn: 40, quota: 40, cost: 25_000_000, competencies: ['kepemimpinan operasional'] },
  { name: 'Pelatihan Analisis Data Pemerintahan', form: 'pelatihan_klasikal', organizer: 'Universitas Sriwijaya', jp: 24, days: 3, startsIn: 30, quota: 30, cost: 2_000_000, competencies: ['analisis data', 'literasi digital'], partner: 'unsri' },
  { name: 'Pelatihan Pengelolaan Arsip Dinamis', form: 'pelatihan_klasikal', organizer: 'Ikatan Arsiparis Indonesia', jp: 20, days: 3, startsIn: 35, quota: 25, cost: 1_750_000, competencies: ['kearsipan'], eligiblePositionKinds: ['PELAKSANA', 'FUNGSIONAL_KETERAMPILAN', 'FUNGSIONAL_KEAHLIAN'], partner: 'iai' },
  { name: 'Seminar Keamanan Siber Pemerintah Daerah', form: 'seminar', organizer: 'DISKOMINFO Kota Palembang', jp: 8, days: 2, startsIn: 20, quota: 150, cost: 0, competencies: ['keamanan informasi'], online: true },
  { name: 'E-Learning Literasi Digital ASN', form: 'e_learning', organizer: 'BKPSDM Kota Palembang', jp: 12, days: 14, startsIn: 10, quota: 500, cost: 0, competencies: ['literasi digital'], online: true },
];

const OPD_BUDGETS: [string, number][] = [
  ['BKPSDM', 2_500_000_000],
  ['DISKOMINFO', 250_000_000],
  ['BAPPEDA', 200_000_000],
  ['DINKES', 300_000_000],
  ['DISDIK', 350_000_000],
  ['BPKAD', 150_000_000],
];

/**
 * Career's demo data for `npm start`: two partners with agreements, six programs each with one
 * session whose registration is open today, and budgets of this and next fiscal year for BKPSDM and
 * a few OPDs. Written through the repositories (the only writers of those tables); idempotent.
 */
export async function loadCareerDemo(ds: DataSource, today: string, now: Date): Promise<{ loaded: boolean; programs: number; budgets: number }> {
  const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM partner`);
  if (n > 0) return { loaded: false, programs: 0, budgets: 0 };
  const partners = new PartnerRepository();
  const programs = new DevelopmentProgramRepository();
  const sessions = new SessionRepository();
  const budgets = new BudgetRepository();
  const year = Number(today.slice(0, 4));
  return ds.transaction(async (m) => {
    const unsri = await partners.insert(m, { name: 'Universitas Sriwijaya', kind: 'LEMBAGA_PENDIDIKAN', city: 'Palembang', createdAt: now, createdBy: 'demo' });
    const iai = await partners.insert(m, { name: 'Ikatan Arsiparis Indonesia Wilayah Sumatera Selatan', kind: 'ORGANISASI_PROFESI', city: 'Palembang', createdAt: now, createdBy: 'demo' });
    const agreements = {
      unsri: await partners.insertAgreement(m, { partnerId: unsri.id, kind: 'PKS', number: `PKS/BKPSDM-UNSRI/${year}`, validFrom: `${year}-01-01`, validUntil: `${year + 1}-12-31`, quota: 300, createdAt: now }),
      iai: await partners.insertAgreement(m, { partnerId: iai.id, kind: 'MOU', number: `MOU/BKPSDM-IAI/${year}`, validFrom: `${year}-01-01`, validUntil: `${year + 2}-12-31`, quota: 100, createdAt: now }),
    };
    for (const p of PROGRAMS) {
      const startDate = addDaysIso(today, p.startsIn);
      const endDate = addDaysIso(startDate, p.days - 1);
      const program = await programs.insert(m, {
        name: p.name, form: p.form, scope: 'nasional', organizer: p.organizer, jp: p.jp, startDate, endDate, quota: p.quota,
        budgetCeiling: p.quota * p.cost, costPerParticipant: p.cost, status: 'DIBUKA', createdAt: now, createdBy: 'demo',
        competencies: p.competencies, eligiblePositionKinds: p.eligiblePositionKinds ?? [], stages: [],
      });
      const agreement = p.partner ? agreements[p.partner] : null;
      await sessions.insert(m, {
        programId: program.id, partnerId: agreement?.partnerId ?? null, agreementId: agreement?.id ?? null, startDate, endDate,
        registrationOpens: addDaysIso(today, -7), registrationCloses: addDaysIso(startDate, -3), online: p.online ?? false,
        location: p.online ? null : 'Aula BKPSDM Kota Palembang', quota: p.quota, costPerParticipant: p.cost, createdAt: now, createdBy: 'demo',
      });
      if (agreement) await partners.useSeats(m, agreement.id, p.quota);
    }
    for (const fiscalYear of [year, year + 1]) {
      for (const [owner, amount] of OPD_BUDGETS) {
        await budgets.ensure(m, fiscalYear, owner, now);
        await budgets.changeAllocation(m, fiscalYear, owner, amount, { actor: 'demo', at: now, note: `Alokasi demo ${fiscalYear}` });
      }
    }
    return { loaded: true, programs: PROGRAMS.length, budgets: OPD_BUDGETS.length * 2 };
  });
}
