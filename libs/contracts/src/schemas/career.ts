import type { EventContract } from '../registry';
import { Topics } from '../topics';

/**
 * Events of the career service. Enrolment events travel on `career.enrolment.v1` keyed by the
 * enrolment id (every transition, in order); JP events on `career.jp.v1` keyed by the employee id;
 * budget events on `career.budget.v1` keyed by the budget id. Payloads name the employee (id, NIP)
 * and the OPD so that notification and reporting can act without asking career.
 */
export const EnrolmentChangedV1 = 'capaian.career.enrolment.changed.v1';
export const JpRecognisedV1 = 'capaian.career.jp.recognised.v1';
export const JpCorrectedV1 = 'capaian.career.jp.corrected.v1';
/** As the year ends (1 October, 1 November, 1 December): one event per employee who cannot reach the yearly minimum with what they hold. */
export const JpAtRiskV1 = 'capaian.career.jp.at-risk.v1';
export const BudgetAllocationChangedV1 = 'capaian.career.budget.allocation-changed.v1';
export const BudgetThresholdReachedV1 = 'capaian.career.budget.threshold-reached.v1';

export const CAREER_ENROLMENT_STATUSES = ['DAFTAR_TUNGGU', 'DIAJUKAN', 'DIVERIFIKASI', 'DISETUJUI', 'LULUS', 'TIDAK_LULUS', 'SERTIFIKAT_DIUNGGAH', 'SELESAI', 'DITOLAK', 'DIBATALKAN'] as const;

export interface EnrolmentEventData {
  enrolmentId: string;
  sessionId: string;
  programId: string;
  programName: string;
  employeeId: string;
  nip: string;
  opdCode: string | null;
  origin: 'NOMINASI' | 'MANDIRI';
  /** registered, waitlisted, promoted, verified, rejected, approved, attendance-recorded, passed, failed, certificate-uploaded, jp-recognised, cancelled */
  transition: string;
  fromStatus: string | null;
  status: string;
  startDate: string;
  endDate: string;
  reason: string | null;
}

export interface JpEventData {
  employeeId: string;
  nip: string;
  opdCode: string | null;
  year: number;
  jp: number;
  /** PENDAFTARAN (an enrolment), KLAIM_EKSTERNAL (outside the platform), KOREKSI */
  source: string;
  sourceId: string;
  /** The employee's recognised JP that year after this entry. */
  yearTotalJp: number;
}

export interface JpAtRiskEventData {
  employeeId: string;
  nip: string;
  opdCode: string | null;
  year: number;
  /** JP recognised so far this year. */
  totalJp: number;
  /** JP of approved places that may still bring a certificate this year. */
  plannedJp: number;
  minimumJp: number;
  /** JP missing even if every planned place ends with a certificate. */
  shortfallJp: number;
}

export interface BudgetEventData {
  budgetId: string;
  fiscalYear: number;
  ownerCode: string;
  allocated: number;
  committed: number;
  realized: number;
  balance: number;
  /** For allocation changes: the signed change in rupiah. */
  change?: number;
  thresholdPercent?: number;
}

const id = { type: 'string', minLength: 1, maxLength: 64 } as const;
const nip = { type: 'string', pattern: '^\\d{18}$' } as const;
const date = { type: 'string', format: 'date' } as const;
const rupiah = { type: 'integer', minimum: 0 } as const;
const nullableCode = { type: 'string', maxLength: 64, nullable: true } as const;
const status = { type: 'string', enum: [...CAREER_ENROLMENT_STATUSES] } as const;

function schema(properties: Record<string, unknown>, required: string[]): object {
  return { type: 'object', required, properties, additionalProperties: false };
}

const enrolment = schema(
  {
    enrolmentId: id,
    sessionId: id,
    programId: id,
    programName: { type: 'string', maxLength: 200 },
    employeeId: id,
    nip,
    opdCode: nullableCode,
    origin: { type: 'string', enum: ['NOMINASI', 'MANDIRI'] },
    transition: { type: 'string', enum: ['registered', 'waitlisted', 'promoted', 'verified', 'rejected', 'approved', 'attendance-recorded', 'passed', 'failed', 'certificate-uploaded', 'jp-recognised', 'cancelled'] },
    fromStatus: { ...status, enum: [...CAREER_ENROLMENT_STATUSES, null], nullable: true },
    status,
    startDate: date,
    endDate: date,
    reason: { type: 'string', maxLength: 4000, nullable: true },
  },
  ['enrolmentId', 'sessionId', 'programId', 'programName', 'employeeId', 'nip', 'opdCode', 'origin', 'transition', 'fromStatus', 'status', 'startDate', 'endDate', 'reason'],
);

const jp = schema(
  {
    employeeId: id,
    nip,
    opdCode: nullableCode,
    year: { type: 'integer', minimum: 2000, maximum: 2100 },
    jp: { type: 'integer' },
    source: { type: 'string', enum: ['PENDAFTARAN', 'KLAIM_EKSTERNAL', 'KOREKSI'] },
    sourceId: id,
    yearTotalJp: { type: 'integer' },
  },
  ['employeeId', 'nip', 'opdCode', 'year', 'jp', 'source', 'sourceId', 'yearTotalJp'],
);

const atRisk = schema(
  {
    employeeId: id,
    nip,
    opdCode: nullableCode,
    year: { type: 'integer', minimum: 2000, maximum: 2100 },
    totalJp: { type: 'integer' },
    plannedJp: { type: 'integer', minimum: 0 },
    minimumJp: { type: 'integer', minimum: 0 },
    shortfallJp: { type: 'integer', minimum: 1 },
  },
  ['employeeId', 'nip', 'opdCode', 'year', 'totalJp', 'plannedJp', 'minimumJp', 'shortfallJp'],
);

const budget = schema(
  {
    budgetId: id,
    fiscalYear: { type: 'integer', minimum: 2000, maximum: 2100 },
    ownerCode: { type: 'string', minLength: 1, maxLength: 64 },
    allocated: rupiah,
    committed: rupiah,
    realized: rupiah,
    balance: rupiah,
    change: { type: 'integer' },
    thresholdPercent: { type: 'integer', minimum: 0, maximum: 100 },
  },
  ['budgetId', 'fiscalYear', 'ownerCode', 'allocated', 'committed', 'realized', 'balance'],
);

export const careerContracts: EventContract[] = [
  { type: EnrolmentChangedV1, topic: Topics.careerEnrolment, schema: enrolment },
  { type: JpRecognisedV1, topic: Topics.careerJp, schema: jp },
  { type: JpCorrectedV1, topic: Topics.careerJp, schema: jp },
  { type: JpAtRiskV1, topic: Topics.careerJp, schema: atRisk },
  { type: BudgetAllocationChangedV1, topic: Topics.careerBudget, schema: budget },
  { type: BudgetThresholdReachedV1, topic: Topics.careerBudget, schema: budget },
];
