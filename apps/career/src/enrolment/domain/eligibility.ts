import { assessYearlyJp, DEFAULT_COMPETENCY_DEVELOPMENT_POLICY, isJenisAsn, type CompetencyDevelopmentPolicy, type JenisJabatan, type Violation } from '@capaian/kinerja';
import { DEFAULT_LEADERSHIP_TRAINING, type DevelopmentForm, type LeadershipTrainingMapping } from '../../development-program/domain/development-form';
import { EnrolmentMessages as M } from '../enrolment.messages';

export interface EligibilityProgram {
  form: DevelopmentForm;
  jp: number;
  /** Position kinds the program is for; empty means the form's default (leadership trainings) or everyone. */
  eligiblePositionKinds: readonly string[];
}

export interface EligibilityPerson {
  status: string;
  jenisAsn: string;
  /** Personnel's position-kind code (JenisJabatan), null without a position. */
  positionKind: string | null;
}

/** Position kinds a program admits: its own list, else the leadership-training mapping for its form, else all (null). */
export function admittedPositionKinds(program: Pick<EligibilityProgram, 'form' | 'eligiblePositionKinds'>, mapping: LeadershipTrainingMapping = DEFAULT_LEADERSHIP_TRAINING): readonly string[] | null {
  if (program.eligiblePositionKinds.length > 0) return program.eligiblePositionKinds;
  const kinds = (Object.keys(mapping) as JenisJabatan[]).filter((k) => mapping[k] === program.form);
  return kinds.length > 0 ? kinds : null;
}

const LABEL: Record<string, string> = {
  JPT_UTAMA: 'JPT utama',
  JPT_MADYA: 'JPT madya',
  JPT_PRATAMA: 'JPT pratama',
  ADMINISTRATOR: 'administrator',
  PENGAWAS: 'pengawas',
  PELAKSANA: 'pelaksana',
  FUNGSIONAL_KEAHLIAN: 'fungsional keahlian',
  FUNGSIONAL_KETERAMPILAN: 'fungsional keterampilan',
};
const label = (kind: string | null) => (kind ? (LABEL[kind] ?? kind.toLowerCase().replace(/_/g, ' ')) : 'tidak ada');

/**
 * Whether a person may take a program: active, in a position kind the program admits (PKA for
 * administrators, PKP for pengawas unless the program says otherwise), and — for a kind of ASN with
 * a yearly JP ceiling (PPPK) — not pushed beyond it by this program on top of what they already have
 * or are enrolled in this year.
 */
export function checkEligibility(
  program: EligibilityProgram,
  person: EligibilityPerson,
  jpThisYear: number,
  policy: CompetencyDevelopmentPolicy = DEFAULT_COMPETENCY_DEVELOPMENT_POLICY,
): Violation[] {
  const out: Violation[] = [];
  if (person.status !== 'AKTIF' && person.status !== 'CUTI') out.push(M.violation('PEGAWAI_TIDAK_AKTIF'));
  const admitted = admittedPositionKinds(program);
  if (admitted && (!person.positionKind || !admitted.includes(person.positionKind))) {
    out.push(M.violation('TIDAK_MEMENUHI_SYARAT_JABATAN', { allowed: admitted.map(label).join(', '), actual: label(person.positionKind) }));
  }
  if (isJenisAsn(person.jenisAsn)) {
    const after = assessYearlyJp(person.jenisAsn, jpThisYear + program.jp, policy);
    if (after.exceedsMaximum) out.push(M.violation('BATAS_JP_PPPK_TERLAMPAUI', { max: after.maximumJp }));
  }
  return out;
}

export interface DatedPlace {
  sessionId: string;
  startDate: string;
  endDate: string;
}

/** The first of the person's other places whose dates overlap the candidate session (inclusive), or null. */
export function overlappingPlace(candidate: DatedPlace, others: readonly DatedPlace[]): DatedPlace | null {
  return others.find((o) => o.sessionId !== candidate.sessionId && o.startDate <= candidate.endDate && candidate.startDate <= o.endDate) ?? null;
}
