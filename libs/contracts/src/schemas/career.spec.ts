import { createEnvelope } from '../envelope';
import { ContractViolationError, contractFor, validateEnvelope } from '../registry';
import { Topics, topicDefinitions } from '../topics';
import {
  BudgetAllocationChangedV1,
  BudgetThresholdReachedV1,
  EnrolmentChangedV1,
  JpAtRiskV1,
  JpCorrectedV1,
  JpRecognisedV1,
  type BudgetEventData,
  type EnrolmentEventData,
  type JpAtRiskEventData,
  type JpEventData,
} from './career';

const enrolment: EnrolmentEventData = {
  enrolmentId: 'en1',
  sessionId: 's1',
  programId: 'p1',
  programName: 'Pelatihan Analisis Data',
  employeeId: 'e1',
  nip: '199203152019031004',
  opdCode: 'DISKOMINFO',
  origin: 'NOMINASI',
  transition: 'registered',
  fromStatus: null,
  status: 'DIAJUKAN',
  startDate: '2026-05-04',
  endDate: '2026-05-06',
  reason: null,
};
const jp: JpEventData = { employeeId: 'e1', nip: '199203152019031004', opdCode: 'DISKOMINFO', year: 2026, jp: 30, source: 'PENDAFTARAN', sourceId: 'en1', yearTotalJp: 30 };
const atRisk: JpAtRiskEventData = { employeeId: 'e1', nip: '199203152019031004', opdCode: 'DISKOMINFO', year: 2026, totalJp: 4, plannedJp: 0, minimumJp: 20, shortfallJp: 16 };
const budget: BudgetEventData = { budgetId: 'b1', fiscalYear: 2026, ownerCode: 'DISKOMINFO', allocated: 10_000_000, committed: 2_000_000, realized: 0, balance: 8_000_000 };

const check = (type: string, data: unknown) => validateEnvelope(createEnvelope({ source: '/capaian/career', type, subject: 'x', data }));

describe('career contracts', () => {
  it('puts each event on its registered topic', () => {
    const registered = topicDefinitions.map((t) => t.name);
    expect(contractFor(EnrolmentChangedV1).topic).toBe(Topics.careerEnrolment);
    for (const t of [JpRecognisedV1, JpCorrectedV1, JpAtRiskV1]) expect(contractFor(t).topic).toBe(Topics.careerJp);
    for (const t of [BudgetAllocationChangedV1, BudgetThresholdReachedV1]) expect(contractFor(t).topic).toBe(Topics.careerBudget);
    for (const topic of [Topics.careerEnrolment, Topics.careerJp, Topics.careerBudget]) expect(registered).toContain(topic);
  });

  it('accepts well-formed payloads', () => {
    expect(() => check(EnrolmentChangedV1, enrolment)).not.toThrow();
    expect(() => check(EnrolmentChangedV1, { ...enrolment, transition: 'cancelled', fromStatus: 'DISETUJUI', status: 'DIBATALKAN', reason: 'Sakit' })).not.toThrow();
    expect(() => check(JpRecognisedV1, jp)).not.toThrow();
    expect(() => check(JpCorrectedV1, { ...jp, jp: -4, source: 'KOREKSI', yearTotalJp: 26 })).not.toThrow();
    expect(() => check(JpAtRiskV1, atRisk)).not.toThrow();
    expect(() => check(BudgetAllocationChangedV1, { ...budget, change: -1_000_000 })).not.toThrow();
    expect(() => check(BudgetThresholdReachedV1, { ...budget, thresholdPercent: 20 })).not.toThrow();
  });

  it('refuses unknown statuses, fractional or negative rupiah, a NIP that is not 18 digits and extra fields', () => {
    expect(() => check(EnrolmentChangedV1, { ...enrolment, status: 'SELESAI_SEBAGIAN' })).toThrow(ContractViolationError);
    expect(() => check(EnrolmentChangedV1, { ...enrolment, transition: 'teleported' })).toThrow(ContractViolationError);
    expect(() => check(BudgetAllocationChangedV1, { ...budget, balance: -1 })).toThrow(ContractViolationError);
    expect(() => check(BudgetAllocationChangedV1, { ...budget, allocated: 10.5 })).toThrow(ContractViolationError);
    expect(() => check(JpRecognisedV1, { ...jp, nip: '1992' })).toThrow(ContractViolationError);
    expect(() => check(JpRecognisedV1, { ...jp, hours: 3 })).toThrow(ContractViolationError);
    expect(() => check(JpAtRiskV1, { ...atRisk, shortfallJp: 0 })).toThrow(ContractViolationError);
  });
});
