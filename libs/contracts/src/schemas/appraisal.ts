import type { EventContract } from '../registry';
import { Topics } from '../topics';

/**
 * Events of the appraisal service. SKP events travel on `appraisal.skp.v1` keyed by the SKP's
 * lineage (every version of one SKP in order); evaluation events on `appraisal.evaluation.v1`
 * keyed by the SKP id. Every payload names the employee (id, NIP), the OPD and the year, so that
 * notification and career can act without asking appraisal.
 */
export const SkpSubmittedV1 = 'capaian.appraisal.skp.submitted.v1';
export const SkpSetV1 = 'capaian.appraisal.skp.set.v1';
export const SkpReturnedV1 = 'capaian.appraisal.skp.returned.v1';
/** A set SKP was revised after a dialogue: this version is kept, `newVersionId` is the new draft. */
export const SkpRevisedV1 = 'capaian.appraisal.skp.revised.v1';
/** Closed on a transfer or promotion (or by BKPSDM); a new SKP opens for the new position. */
export const SkpClosedV1 = 'capaian.appraisal.skp.closed.v1';
/** An RHK of the penilai's SKP that this SKP links to (intervensi) changed or was removed. */
export const SkpLinkedRhkChangedV1 = 'capaian.appraisal.skp.linked-rhk-changed.v1';

export const RealizationReportedV1 = 'capaian.appraisal.evaluation.realization-reported.v1';
export const FeedbackGivenV1 = 'capaian.appraisal.evaluation.feedback-given.v1';
export const EvaluationRatedV1 = 'capaian.appraisal.evaluation.rated.v1';
export const ObjectionFiledV1 = 'capaian.appraisal.evaluation.objection-filed.v1';
export const ObjectionDecidedV1 = 'capaian.appraisal.evaluation.objection-decided.v1';
/** The result is final (the objection window lapsed, or the objection was decided): career and notification build on it. */
export const EvaluationFinalizedV1 = 'capaian.appraisal.evaluation.finalized.v1';
/**
 * A period's realization report is due soon and not reported yet (announced once per SKP and
 * period by appraisal's daily job, a few days before the deadline): notification reminds the
 * employee. `realization-reported` for the same SKP and period is the awaited answer.
 */
export const ReportDueV1 = 'capaian.appraisal.evaluation.report-due.v1';
/**
 * An employee has no submitted or set SKP for the year as the OPD's planning deadline approaches
 * (announced once per employee and year by appraisal's daily job): notification reminds the
 * employee. `skp.submitted` for the same employee and year is the awaited answer. Keyed by the NIP.
 */
export const PlanningDueV1 = 'capaian.appraisal.skp.planning-due.v1';
/**
 * A set or closed SKP is ratable and not rated as the OPD's rating deadline approaches (announced
 * once per SKP by appraisal's daily job): notification reminds the SKP's acting penilai.
 * `evaluation.rated` for the same SKP is the awaited answer.
 */
export const RatingDueV1 = 'capaian.appraisal.evaluation.rating-due.v1';

export type AppraisalRating = 'DI_ATAS' | 'SESUAI' | 'DI_BAWAH';
export type AppraisalPredikat = 'SANGAT_BAIK' | 'BAIK' | 'BUTUH_PERBAIKAN' | 'KURANG' | 'SANGAT_KURANG';

export interface SkpEventData {
  skpId: string;
  lineageId: string;
  version: number;
  employeeId: string;
  nip: string;
  opdCode: string | null;
  year: number;
  startDate: string;
  endDate: string;
  status: string;
  penilaiNip: string | null;
  /** Notes of a return, reason of a revision or closing; null otherwise. */
  reason: string | null;
  /** For `revised`: the id of the new draft version. */
  newVersionId?: string;
  /** For `linked-rhk-changed`: the penilai's RHK ids that changed, and the penilai's SKP. */
  changedRhkIds?: string[];
  penilaiSkpId?: string;
}

export interface EvaluationEventData {
  skpId: string;
  employeeId: string;
  nip: string;
  opdCode: string | null;
  year: number;
  /** The calendar period number (realization and feedback events); null for year-end events. */
  period: number | null;
  evaluationId: string | null;
  ratingHasilKerja: AppraisalRating | null;
  ratingPerilaku: AppraisalRating | null;
  predikat: AppraisalPredikat | null;
  /** Objection events: the objection, and whether it was accepted (decided only). */
  objectionId?: string;
  accepted?: boolean;
  penilaiNip: string | null;
}

export interface ReportDueEventData {
  skpId: string;
  employeeId: string;
  nip: string;
  opdCode: string | null;
  year: number;
  /** The calendar period number (1–12 monthly, 1–4 quarterly) and its name (`Januari 2026`, `Triwulan I 2026`). */
  period: number;
  periodName: string;
  periodStart: string;
  periodEnd: string;
  /** The last day (Asia/Jakarta) on which the realization may be reported. */
  reportDue: string;
  penilaiNip: string | null;
}

export interface PlanningDueEventData {
  employeeId: string;
  nip: string;
  opdCode: string;
  year: number;
  /** The OPD's planning deadline for the year (Asia/Jakarta date). */
  planningDeadline: string;
  penilaiNip: string | null;
  atasanPenilaiNip: string | null;
}

export interface RatingDueEventData {
  skpId: string;
  employeeId: string;
  nip: string;
  opdCode: string | null;
  year: number;
  startDate: string;
  endDate: string;
  /** The SKP's acting penilai, who rates. */
  penilaiNip: string;
  atasanPenilaiNip: string | null;
  /** The last day (Asia/Jakarta) on which a rating is accepted. */
  ratingDeadline: string;
}

const id = { type: 'string', minLength: 1, maxLength: 64 } as const;
const nip = { type: 'string', pattern: '^\\d{18}$' } as const;
const nullableNip = { type: 'string', pattern: '^\\d{18}$', nullable: true } as const;
const date = { type: 'string', format: 'date' } as const;
const year = { type: 'integer', minimum: 2000, maximum: 2100 } as const;
const nullableCode = { type: 'string', maxLength: 64, nullable: true } as const;
const rating = { type: 'string', enum: ['DI_ATAS', 'SESUAI', 'DI_BAWAH', null], nullable: true } as const;
const predikat = { type: 'string', enum: ['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG', null], nullable: true } as const;

const skpProperties = {
  skpId: id,
  lineageId: id,
  version: { type: 'integer', minimum: 1 },
  employeeId: id,
  nip,
  opdCode: nullableCode,
  year,
  startDate: date,
  endDate: date,
  status: { type: 'string', enum: ['DRAFT', 'DIAJUKAN', 'DITETAPKAN', 'DIKEMBALIKAN', 'DIGANTI', 'DITUTUP'] },
  penilaiNip: nullableNip,
  reason: { type: 'string', maxLength: 4000, nullable: true },
  newVersionId: id,
  changedRhkIds: { type: 'array', items: id, maxItems: 200 },
  penilaiSkpId: id,
} as const;
const skpRequired = ['skpId', 'lineageId', 'version', 'employeeId', 'nip', 'opdCode', 'year', 'startDate', 'endDate', 'status', 'penilaiNip', 'reason'];

const evaluationProperties = {
  skpId: id,
  employeeId: id,
  nip,
  opdCode: nullableCode,
  year,
  period: { type: 'integer', minimum: 1, maximum: 12, nullable: true },
  evaluationId: { ...id, nullable: true },
  ratingHasilKerja: rating,
  ratingPerilaku: rating,
  predikat,
  objectionId: id,
  accepted: { type: 'boolean' },
  penilaiNip: nullableNip,
} as const;
const evaluationRequired = ['skpId', 'employeeId', 'nip', 'opdCode', 'year', 'period', 'evaluationId', 'ratingHasilKerja', 'ratingPerilaku', 'predikat', 'penilaiNip'];

const reportDueProperties = {
  skpId: id,
  employeeId: id,
  nip,
  opdCode: nullableCode,
  year,
  period: { type: 'integer', minimum: 1, maximum: 12 },
  periodName: { type: 'string', minLength: 1, maxLength: 64 },
  periodStart: date,
  periodEnd: date,
  reportDue: date,
  penilaiNip: nullableNip,
} as const;

const planningDueProperties = {
  employeeId: id,
  nip,
  opdCode: { type: 'string', minLength: 1, maxLength: 64 },
  year,
  planningDeadline: date,
  penilaiNip: nullableNip,
  atasanPenilaiNip: nullableNip,
} as const;

const ratingDueProperties = {
  skpId: id,
  employeeId: id,
  nip,
  opdCode: nullableCode,
  year,
  startDate: date,
  endDate: date,
  penilaiNip: nip,
  atasanPenilaiNip: nullableNip,
  ratingDeadline: date,
} as const;

function schema(properties: Record<string, unknown>, required: string[], extra: string[] = []): object {
  return { type: 'object', required: [...required, ...extra], properties, additionalProperties: false };
}

export const appraisalContracts: EventContract[] = [
  { type: SkpSubmittedV1, topic: Topics.appraisalSkp, schema: schema(skpProperties, skpRequired) },
  { type: SkpSetV1, topic: Topics.appraisalSkp, schema: schema(skpProperties, skpRequired) },
  { type: SkpReturnedV1, topic: Topics.appraisalSkp, schema: schema(skpProperties, skpRequired) },
  { type: SkpRevisedV1, topic: Topics.appraisalSkp, schema: schema(skpProperties, skpRequired, ['newVersionId']) },
  { type: SkpClosedV1, topic: Topics.appraisalSkp, schema: schema(skpProperties, skpRequired) },
  { type: SkpLinkedRhkChangedV1, topic: Topics.appraisalSkp, schema: schema(skpProperties, skpRequired, ['changedRhkIds', 'penilaiSkpId']) },
  { type: RealizationReportedV1, topic: Topics.appraisalEvaluation, schema: schema(evaluationProperties, evaluationRequired) },
  { type: FeedbackGivenV1, topic: Topics.appraisalEvaluation, schema: schema(evaluationProperties, evaluationRequired) },
  { type: EvaluationRatedV1, topic: Topics.appraisalEvaluation, schema: schema(evaluationProperties, evaluationRequired) },
  { type: ObjectionFiledV1, topic: Topics.appraisalEvaluation, schema: schema(evaluationProperties, evaluationRequired, ['objectionId']) },
  { type: ObjectionDecidedV1, topic: Topics.appraisalEvaluation, schema: schema(evaluationProperties, evaluationRequired, ['objectionId', 'accepted']) },
  { type: EvaluationFinalizedV1, topic: Topics.appraisalEvaluation, schema: schema(evaluationProperties, evaluationRequired) },
  { type: ReportDueV1, topic: Topics.appraisalEvaluation, schema: schema(reportDueProperties, Object.keys(reportDueProperties)) },
  { type: PlanningDueV1, topic: Topics.appraisalSkp, schema: schema(planningDueProperties, Object.keys(planningDueProperties)) },
  { type: RatingDueV1, topic: Topics.appraisalEvaluation, schema: schema(ratingDueProperties, Object.keys(ratingDueProperties)) },
];
