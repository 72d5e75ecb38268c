import { assessYearlyJp, DEFAULT_COMPETENCY_DEVELOPMENT_POLICY, isJenisAsn, type CompetencyDevelopmentPolicy, type YearlyJpAssessment } from '@capaian/kinerja';

/** One employee's year as the ledger sees it. */
export interface PersonYear {
  employeeId: string;
  jenisAsn: string;
  /** JP recognised this year (verified certificates and verified outside claims). */
  recognisedJp: number;
  /** JP of places still running toward a certificate this year (approved or later, not yet recognised). */
  plannedJp: number;
}

export type PersonCompliance = YearlyJpAssessment & { employeeId: string; plannedJp: number; atRisk: boolean };

/**
 * Where one person stands: the kernel's policy per kind of ASN on the JP recognised, and whether they
 * are at risk — owed a minimum they will not reach even if every place they hold ends with a
 * certificate. An unknown kind of ASN is judged as PNS (the strictest duty) rather than skipped.
 */
export function personCompliance(p: PersonYear, policy: CompetencyDevelopmentPolicy = DEFAULT_COMPETENCY_DEVELOPMENT_POLICY): PersonCompliance {
  const jenis = isJenisAsn(p.jenisAsn) ? p.jenisAsn : 'PNS';
  const now = assessYearlyJp(jenis, p.recognisedJp, policy);
  const reachable = assessYearlyJp(jenis, p.recognisedJp + p.plannedJp, policy);
  return { ...now, employeeId: p.employeeId, plannedJp: p.plannedJp, atRisk: !reachable.meetsMinimum };
}

export interface OpdCompliance {
  employees: number;
  /** Employees with a minimum duty (PNS/CPNS by default). */
  withMinimum: number;
  compliant: number;
  atRisk: number;
  totalJp: number;
  /** Compliant share of those with a minimum, in percent with one decimal; 100 when nobody owes a minimum. */
  compliancePercent: number;
}

/** The OPD's figures from its people. */
export function opdCompliance(people: readonly PersonYear[], policy: CompetencyDevelopmentPolicy = DEFAULT_COMPETENCY_DEVELOPMENT_POLICY): OpdCompliance {
  let withMinimum = 0;
  let compliant = 0;
  let atRisk = 0;
  let totalJp = 0;
  for (const p of people) {
    const c = personCompliance(p, policy);
    totalJp += p.recognisedJp;
    if (c.minimumJp !== null) {
      withMinimum += 1;
      if (c.compliant) compliant += 1;
    }
    if (c.atRisk) atRisk += 1;
  }
  const compliancePercent = withMinimum === 0 ? 100 : Math.round((compliant * 1000) / withMinimum) / 10;
  return { employees: people.length, withMinimum, compliant, atRisk, totalJp, compliancePercent };
}
