import { assessYearlyJp, DEFAULT_COMPETENCY_DEVELOPMENT_POLICY, type CompetencyDevelopmentPolicy, type IsoDate, type JenisAsn, type YearlyJpAssessment } from '@capaian/kinerja';
import { DevelopmentProgramMessages as M } from '../development-program.messages';
import { DEVELOPMENT_FORM_INFO, type DevelopmentForm, type Scope } from './development-form';

/**
 * How a finished activity turns into recognised Jam Pelajaran. The numbers come from one
 * institutional guideline (classical training: the JP on the certificate, +20% when international;
 * seminar 4/6 JP per day; workshop 5/7 JP per day; non-classical: per LAN's non-classical
 * guideline), and a Perwali or LAN can change them, so they are data: a deployment passes its own
 * `JpConversion` instead of editing code.
 */
export type JpConversionRule =
  /** The JP printed on the certificate (STTPP), plus a percentage when the activity is international. */
  | { method: 'certificate'; internationalBonusPercent: number }
  /** A fixed number of JP per day of attendance, by scope. */
  | { method: 'per-day'; jpPerDay: Readonly<Record<Scope, number>> };

export type JpConversion = Readonly<Record<DevelopmentForm, JpConversionRule>>;

const certificate: JpConversionRule = { method: 'certificate', internationalBonusPercent: 0 };

export const DEFAULT_JP_CONVERSION: JpConversion = {
  pelatihan_klasikal: { method: 'certificate', internationalBonusPercent: 20 },
  seminar: { method: 'per-day', jpPerDay: { nasional: 4, internasional: 6 } },
  workshop: { method: 'per-day', jpPerDay: { nasional: 5, internasional: 7 } },
  pelatihan_dasar: certificate,
  pka: certificate,
  pkp: certificate,
  pkn_i: certificate,
  pkn_ii: certificate,
  // Non-classical forms count "per the LAN non-classical guideline", whose tables BKPSDM has not
  // supplied yet: until then, the JP stated on the verified evidence count.
  e_learning: certificate,
  coaching: certificate,
  mentoring: certificate,
  detasering: certificate,
  benchmarking: certificate,
  magang: certificate,
  belajar_mandiri: certificate,
  komunitas_belajar: certificate,
};

export interface FinishedActivity {
  form: DevelopmentForm;
  scope: Scope;
  /** JP printed on the certificate; required when the rule is `certificate`. */
  certificateJp?: number;
  /** Days attended; required when the rule is `per-day`. */
  days?: number;
}

function ruleFor(form: DevelopmentForm, conversion: JpConversion): JpConversionRule {
  const rule = Object.hasOwn(conversion, form) ? conversion[form] : undefined;
  if (!rule) throw M.error('BENTUK_TANPA_ATURAN_JP', { form: DEVELOPMENT_FORM_INFO[form]?.label ?? 'ini' }, 'form');
  return rule;
}

function nonNegativeInt(value: number | undefined): value is number {
  return value !== undefined && Number.isInteger(value) && value >= 0;
}

/**
 * Recognised JP for one activity. Fractions round down: the ledger never recognises more than was
 * earned (17 JP + 20% = 20.4 → 20).
 */
export function recognisedJp(activity: FinishedActivity, conversion: JpConversion = DEFAULT_JP_CONVERSION): number {
  const rule = ruleFor(activity.form, conversion);
  if (rule.method === 'certificate') {
    if (!nonNegativeInt(activity.certificateJp)) throw M.error('JP_SERTIFIKAT_WAJIB', {}, 'certificateJp');
    const percent = activity.scope === 'internasional' ? rule.internationalBonusPercent : 0;
    return Math.floor((activity.certificateJp * (100 + percent)) / 100);
  }
  if (!nonNegativeInt(activity.days)) throw M.error('JUMLAH_HARI_WAJIB', {}, 'days');
  return activity.days * rule.jpPerDay[activity.scope];
}

/** The most JP an activity of this form and length can be worth, or null when only the certificate decides. */
export function maxJpForActivity(form: DevelopmentForm, scope: Scope, days: number, conversion: JpConversion = DEFAULT_JP_CONVERSION): number | null {
  const rule = Object.hasOwn(conversion, form) ? conversion[form] : undefined;
  return rule?.method === 'per-day' ? days * rule.jpPerDay[scope] : null;
}

export interface JpLedgerEntry {
  /** The activity's last day: JP count in the year the activity ends. */
  endDate: IsoDate;
  jp: number;
  /** JP count only once the certificate is verified. */
  certificateVerified: boolean;
}

export interface YearlyJpSummary extends YearlyJpAssessment {
  year: number;
}

/**
 * One employee's year: verified JP of activities ending that year, judged by the policy of their
 * kind of ASN (the kernel's competency-development policy: PNS at least 20 JP; PPPK at most 24, a
 * ceiling only, so a PPPK below 20 is still compliant).
 */
export function yearlyJpSummary(
  entries: readonly JpLedgerEntry[],
  year: number,
  jenisAsn: JenisAsn,
  policy: CompetencyDevelopmentPolicy = DEFAULT_COMPETENCY_DEVELOPMENT_POLICY,
): YearlyJpSummary {
  const prefix = `${String(year).padStart(4, '0')}-`;
  const total = entries.filter((e) => e.certificateVerified && e.endDate.startsWith(prefix)).reduce((sum, e) => sum + e.jp, 0);
  return { year, ...assessYearlyJp(jenisAsn, total, policy) };
}
