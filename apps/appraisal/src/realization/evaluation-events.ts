import type { EvaluationEventData } from '@capaian/contracts';
import type { SkpState } from '../skp/domain/skp';

/** The common part of every `appraisal.evaluation.v1` payload. */
export function evaluationEventData(s: SkpState, extra: Partial<EvaluationEventData> = {}): EvaluationEventData {
  return {
    skpId: s.id,
    employeeId: s.snapshot.employeeId,
    nip: s.snapshot.nip,
    opdCode: s.snapshot.opd?.code ?? null,
    year: s.year,
    period: null,
    evaluationId: null,
    ratingHasilKerja: null,
    ratingPerilaku: null,
    predikat: null,
    penilaiNip: s.penilaiNip,
    ...extra,
  };
}
