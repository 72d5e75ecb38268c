import { createEnvelope } from '../envelope';
import { ContractViolationError, contractFor, validateEnvelope } from '../registry';
import { Topics } from '../topics';
import { EvaluationFinalizedV1, ObjectionDecidedV1, PlanningDueV1, RatingDueV1, ReportDueV1, SkpLinkedRhkChangedV1, SkpRevisedV1, SkpSetV1, type EvaluationEventData, type ReportDueEventData, type SkpEventData } from './appraisal';

const skp: SkpEventData = {
  skpId: 'b7c1f7e2-1d1e-4c55-9d53-6f0d6a1c0001',
  lineageId: 'b7c1f7e2-1d1e-4c55-9d53-6f0d6a1c0001',
  version: 1,
  employeeId: 'e-1',
  nip: '199203152019031004',
  opdCode: 'DISKOMINFO',
  year: 2026,
  startDate: '2026-01-01',
  endDate: '2026-12-31',
  status: 'DITETAPKAN',
  penilaiNip: '198507222010012003',
  reason: null,
};
const finalized: EvaluationEventData = {
  skpId: skp.skpId,
  employeeId: 'e-1',
  nip: skp.nip,
  opdCode: 'DISKOMINFO',
  year: 2026,
  period: null,
  evaluationId: 'ev-1',
  ratingHasilKerja: 'DI_ATAS',
  ratingPerilaku: 'SESUAI',
  predikat: 'BAIK',
  penilaiNip: skp.penilaiNip,
};
const reportDue: ReportDueEventData = {
  skpId: skp.skpId,
  employeeId: 'e-1',
  nip: skp.nip,
  opdCode: 'DISKOMINFO',
  year: 2026,
  period: 1,
  periodName: 'Januari 2026',
  periodStart: '2026-01-01',
  periodEnd: '2026-01-31',
  reportDue: '2026-02-05',
  penilaiNip: skp.penilaiNip,
};
const planningDue = { employeeId: 'e-1', nip: skp.nip, opdCode: 'DISKOMINFO', year: 2027, planningDeadline: '2027-01-31', penilaiNip: skp.penilaiNip, atasanPenilaiNip: null };
const ratingDue = {
  skpId: skp.skpId,
  employeeId: 'e-1',
  nip: skp.nip,
  opdCode: 'DISKOMINFO',
  year: 2026,
  startDate: '2026-01-01',
  endDate: '2026-12-31',
  penilaiNip: '198507222010012003',
  atasanPenilaiNip: null,
  ratingDeadline: '2027-01-31',
};
const envelope = (type: string, data: unknown) => createEnvelope({ source: '/capaian/appraisal', type, subject: skp.skpId, data });
const problems = (type: string, data: unknown) => {
  try {
    validateEnvelope(envelope(type, data));
    return [];
  } catch (e) {
    return (e as ContractViolationError).problems;
  }
};

describe('appraisal contracts', () => {
  it('put SKP events on appraisal.skp.v1 and evaluation events on appraisal.evaluation.v1', () => {
    expect(contractFor(SkpSetV1).topic).toBe(Topics.appraisalSkp);
    expect(contractFor(EvaluationFinalizedV1).topic).toBe(Topics.appraisalEvaluation);
  });

  it('accept the events as the service produces them', () => {
    expect(problems(SkpSetV1, skp)).toEqual([]);
    expect(problems(SkpRevisedV1, { ...skp, status: 'DIGANTI', reason: 'Dialog kinerja', newVersionId: 'b7c1f7e2-1d1e-4c55-9d53-6f0d6a1c0002' })).toEqual([]);
    expect(problems(SkpLinkedRhkChangedV1, { ...skp, changedRhkIds: ['r-1'], penilaiSkpId: 's-2' })).toEqual([]);
    expect(problems(EvaluationFinalizedV1, finalized)).toEqual([]);
    expect(problems(ObjectionDecidedV1, { ...finalized, objectionId: 'o-1', accepted: true })).toEqual([]);
    expect(problems(ReportDueV1, reportDue)).toEqual([]);
    expect(contractFor(ReportDueV1).topic).toBe(Topics.appraisalEvaluation);
    expect(problems(PlanningDueV1, planningDue)).toEqual([]);
    expect(contractFor(PlanningDueV1).topic).toBe(Topics.appraisalSkp);
    expect(problems(RatingDueV1, ratingDue)).toEqual([]);
    expect(contractFor(RatingDueV1).topic).toBe(Topics.appraisalEvaluation);
  });

  it('refuse a due notice without its deadline, or a rating due without the penilai who rates', () => {
    expect(problems(PlanningDueV1, { ...planningDue, planningDeadline: undefined }).join()).toContain('planningDeadline');
    expect(problems(PlanningDueV1, { ...planningDue, opdCode: null }).join()).toContain('opdCode');
    expect(problems(RatingDueV1, { ...ratingDue, penilaiNip: null }).join()).toContain('penilaiNip');
    expect(problems(RatingDueV1, { ...ratingDue, ratingDeadline: '31 Januari 2027' }).join()).toContain('ratingDeadline');
  });

  it('refuse what a consumer could not rely on', () => {
    expect(problems(SkpRevisedV1, { ...skp, status: 'DIGANTI' }).join()).toContain('newVersionId');
    expect(problems(EvaluationFinalizedV1, { ...finalized, predikat: 'LUAR_BIASA' }).join()).toContain('predikat');
    expect(problems(EvaluationFinalizedV1, { ...finalized, nip: '1992' }).join()).toContain('nip');
    expect(problems(ReportDueV1, { ...reportDue, reportDue: '5 Februari 2026' }).join()).toContain('reportDue');
    expect(problems(ReportDueV1, { ...reportDue, period: null }).join()).toContain('period');
    expect(problems(ObjectionDecidedV1, finalized).join()).toContain('accepted');
    expect(problems(SkpSetV1, { ...skp, extra: 1 }).join()).toContain('additional');
  });
});
