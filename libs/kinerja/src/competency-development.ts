import { JENIS_ASN, type JenisAsn } from './jenis-asn';

/**
 * The yearly competency-development duty, per kind of ASN, as configuration:
 *
 * - PNS (and CPNS, who are PNS candidates under the same rule): at least 20 JP a year — PP 11/2017
 *   on PNS management as amended by PP 17/2020, Pasal 203 ayat (4). How the development is planned,
 *   run and evaluated: Perlan LAN 10/2018.
 * - PPPK (and PPPK paruh waktu): at most 24 JP a year of the work contract — PP 49/2018 on PPPK
 *   management, Pasal 39 — with the procedure in Perlan LAN 15/2020. A ceiling, not a target: a
 *   PPPK with fewer than 20 JP (or none) is never reported as non-compliant.
 *
 * A Perwali or a new regulation can change the numbers, so a deployment overrides them with
 * `parseCompetencyDevelopmentPolicy` (a JSON value, e.g. from an environment variable) instead of
 * editing code.
 */
export interface YearlyJpRule {
  /** The least JP a year the employee is owed and must reach; null when there is no minimum. */
  readonly minimumJp: number | null;
  /** The most JP a year the agency may give; null when there is no ceiling. */
  readonly maximumJp: number | null;
}

export type CompetencyDevelopmentPolicy = Readonly<Record<JenisAsn, YearlyJpRule>>;

export const DEFAULT_COMPETENCY_DEVELOPMENT_POLICY: CompetencyDevelopmentPolicy = {
  PNS: { minimumJp: 20, maximumJp: null },
  CPNS: { minimumJp: 20, maximumJp: null },
  PPPK: { minimumJp: null, maximumJp: 24 },
  PPPK_PARUH_WAKTU: { minimumJp: null, maximumJp: 24 },
};

export interface YearlyJpAssessment {
  readonly jenisAsn: JenisAsn;
  readonly totalJp: number;
  readonly minimumJp: number | null;
  readonly maximumJp: number | null;
  /** True when there is no minimum, or the total reaches it. */
  readonly meetsMinimum: boolean;
  /** JP still missing to reach the minimum; 0 without a minimum. */
  readonly shortfallJp: number;
  /** True when a ceiling exists and the total is above it. */
  readonly exceedsMaximum: boolean;
  /** JP that may still be given this year under the ceiling; null without a ceiling. */
  readonly remainingAllowanceJp: number | null;
  /** Meets the minimum and stays within the ceiling. */
  readonly compliant: boolean;
}

/** Where one employee stands on the yearly duty, from the JP recognised in that year. */
export function assessYearlyJp(jenisAsn: JenisAsn, totalJp: number, policy: CompetencyDevelopmentPolicy = DEFAULT_COMPETENCY_DEVELOPMENT_POLICY): YearlyJpAssessment {
  if (!Number.isFinite(totalJp) || totalJp < 0) throw new RangeError(`JP total must be a non-negative number, got ${totalJp}`);
  const rule = Object.hasOwn(policy, jenisAsn) ? policy[jenisAsn] : undefined;
  if (!rule) throw new RangeError(`no competency-development rule for ${String(jenisAsn)}`);
  const meetsMinimum = rule.minimumJp === null || totalJp >= rule.minimumJp;
  const exceedsMaximum = rule.maximumJp !== null && totalJp > rule.maximumJp;
  return {
    jenisAsn,
    totalJp,
    minimumJp: rule.minimumJp,
    maximumJp: rule.maximumJp,
    meetsMinimum,
    shortfallJp: rule.minimumJp === null ? 0 : Math.max(0, rule.minimumJp - totalJp),
    exceedsMaximum,
    remainingAllowanceJp: rule.maximumJp === null ? null : Math.max(0, rule.maximumJp - totalJp),
    compliant: meetsMinimum && !exceedsMaximum,
  };
}

/** Error of a policy override that cannot be used; the service refuses to start with it. */
export class CompetencyDevelopmentPolicyError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid competency-development policy: ${problems.join('; ')}`);
    this.name = 'CompetencyDevelopmentPolicyError';
  }
}

/**
 * Reads an override of the defaults, e.g. `{"PPPK": {"maximumJp": 30}, "CPNS": {"minimumJp": null}}`:
 * kinds of ASN and fields not named keep the base value; `null` removes a bound. Either a JSON text
 * (an environment variable) or an already parsed object. Empty or absent input gives the base.
 * Anything else (an unknown kind or field, a negative or fractional number, a minimum above the
 * ceiling) is refused with every problem listed, so a typo never silently changes the rule.
 */
export function parseCompetencyDevelopmentPolicy(
  raw: string | Record<string, unknown> | null | undefined,
  base: CompetencyDevelopmentPolicy = DEFAULT_COMPETENCY_DEVELOPMENT_POLICY,
): CompetencyDevelopmentPolicy {
  if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '')) return base;
  let value: unknown = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch (error) {
      throw new CompetencyDevelopmentPolicyError([`not JSON (${(error as Error).message})`]);
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new CompetencyDevelopmentPolicyError(['expected an object keyed by kind of ASN']);

  const problems: string[] = [];
  const result: Record<JenisAsn, YearlyJpRule> = { ...base };
  for (const [kind, override] of Object.entries(value)) {
    if (!(JENIS_ASN as readonly string[]).includes(kind)) {
      problems.push(`unknown kind of ASN "${kind}" (expected one of ${JENIS_ASN.join(', ')})`);
      continue;
    }
    if (typeof override !== 'object' || override === null || Array.isArray(override)) {
      problems.push(`${kind}: expected an object with minimumJp and/or maximumJp`);
      continue;
    }
    const rule: { minimumJp: number | null; maximumJp: number | null } = { ...base[kind as JenisAsn] };
    for (const [field, bound] of Object.entries(override)) {
      if (field !== 'minimumJp' && field !== 'maximumJp') {
        problems.push(`${kind}: unknown field "${field}" (expected minimumJp or maximumJp)`);
        continue;
      }
      if (bound !== null && !(typeof bound === 'number' && Number.isInteger(bound) && bound >= 0)) {
        problems.push(`${kind}.${field}: expected a non-negative whole number of JP or null, got ${JSON.stringify(bound)}`);
        continue;
      }
      rule[field] = bound;
    }
    if (rule.minimumJp !== null && rule.maximumJp !== null && rule.minimumJp > rule.maximumJp) {
      problems.push(`${kind}: minimumJp ${rule.minimumJp} is above maximumJp ${rule.maximumJp}`);
    }
    result[kind as JenisAsn] = rule;
  }
  if (problems.length > 0) throw new CompetencyDevelopmentPolicyError(problems);
  return result;
}
