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
  const { now, atRisk } = standing(p, policy);
  return { ...now, employeeId: p.employeeId, plannedJp: p.plannedJp, atRisk };
}

function standing(p: Omit<PersonYear, 'employeeId'>, policy: CompetencyDevelopmentPolicy): { now: YearlyJpAssessment; atRisk: boolean } {
  const jenis = isJenisAsn(p.jenisAsn) ? p.jenisAsn : 'PNS';
  const now = assessYearlyJp(jenis, p.recognisedJp, policy);
  const reachable = assessYearlyJp(jenis, p.recognisedJp + p.plannedJp, policy);
  return { now, atRisk: !reachable.meetsMinimum };
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

/**
 * People of an OPD who stand alike in a year: the same kind of ASN, JP recognised and JP planned.
 * The report is computed from these counts, so the database sends a few hundred groups instead of
 * every employee of the city.
 */
export interface PersonYearGroup extends Omit<PersonYear, 'employeeId'> {
  people: number;
}

/** The OPD's figures from its people. */
export function opdCompliance(people: readonly PersonYear[], policy: CompetencyDevelopmentPolicy = DEFAULT_COMPETENCY_DEVELOPMENT_POLICY): OpdCompliance {
  return opdComplianceOfGroups(
    people.map((p) => ({ jenisAsn: p.jenisAsn, recognisedJp: p.recognisedJp, plannedJp: p.plannedJp, people: 1 })),
    policy,
  );
}

/** The OPD's figures from its people counted by how they stand (each group judged once, counted `people` times). */
export function opdComplianceOfGroups(groups: readonly PersonYearGroup[], policy: CompetencyDevelopmentPolicy = DEFAULT_COMPETENCY_DEVELOPMENT_POLICY): OpdCompliance {
  let employees = 0;
  let withMinimum = 0;
  let compliant = 0;
  let atRisk = 0;
  let totalJp = 0;
  for (const g of groups) {
    const { now, atRisk: risky } = standing(g, policy);
    employees += g.people;
    totalJp += g.recognisedJp * g.people;
    if (now.minimumJp !== null) {
      withMinimum += g.people;
      if (now.compliant) compliant += g.people;
    }
    if (risky) atRisk += g.people;
  }
  const compliancePercent = withMinimum === 0 ? 100 : Math.round((compliant * 1000) / withMinimum) / 10;
  return { employees, withMinimum, compliant, atRisk, totalJp, compliancePercent };
}
