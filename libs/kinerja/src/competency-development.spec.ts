import {
  assessYearlyJp,
  CompetencyDevelopmentPolicyError,
  DEFAULT_COMPETENCY_DEVELOPMENT_POLICY,
  parseCompetencyDevelopmentPolicy,
} from './competency-development';
import { JENIS_ASN } from './jenis-asn';

describe('yearly competency development per kind of ASN', () => {
  it('has a rule for every kind of ASN', () => {
    expect(Object.keys(DEFAULT_COMPETENCY_DEVELOPMENT_POLICY).sort()).toEqual([...JENIS_ASN].sort());
  });

  it.each([
    ['PNS', 19, false, 1],
    ['PNS', 20, true, 0],
    ['PNS', 64, true, 0],
    ['CPNS', 0, false, 20],
  ] as const)('%s with %i JP: meets the 20 JP minimum = %s (short %i)', (kind, jp, meets, short) => {
    const a = assessYearlyJp(kind, jp);
    expect(a).toMatchObject({ meetsMinimum: meets, shortfallJp: short, compliant: meets, maximumJp: null, remainingAllowanceJp: null, exceedsMaximum: false });
  });

  it.each(['PPPK', 'PPPK_PARUH_WAKTU'] as const)('never reports a %s below 20 JP as non-compliant: 24 JP is a ceiling', (kind) => {
    for (const jp of [0, 8, 19]) expect(assessYearlyJp(kind, jp)).toMatchObject({ meetsMinimum: true, shortfallJp: 0, compliant: true, minimumJp: null });
    expect(assessYearlyJp(kind, 10).remainingAllowanceJp).toBe(14);
    expect(assessYearlyJp(kind, 24)).toMatchObject({ exceedsMaximum: false, remainingAllowanceJp: 0, compliant: true });
    expect(assessYearlyJp(kind, 25)).toMatchObject({ exceedsMaximum: true, remainingAllowanceJp: 0, compliant: false });
  });

  it('refuses nonsense totals', () => {
    expect(() => assessYearlyJp('PNS', -1)).toThrow(RangeError);
    expect(() => assessYearlyJp('PNS', Number.NaN)).toThrow(RangeError);
    expect(() => assessYearlyJp('HONORER' as never, 10)).toThrow(RangeError);
  });
});

describe('parseCompetencyDevelopmentPolicy', () => {
  it('keeps the defaults without an override', () => {
    expect(parseCompetencyDevelopmentPolicy(undefined)).toBe(DEFAULT_COMPETENCY_DEVELOPMENT_POLICY);
    expect(parseCompetencyDevelopmentPolicy('  ')).toBe(DEFAULT_COMPETENCY_DEVELOPMENT_POLICY);
  });

  it('merges a JSON override field by field; null removes a bound', () => {
    const policy = parseCompetencyDevelopmentPolicy('{"PPPK": {"maximumJp": 30}, "CPNS": {"minimumJp": null}, "PNS": {"maximumJp": 80}}');
    expect(policy.PPPK).toEqual({ minimumJp: null, maximumJp: 30 });
    expect(policy.PPPK_PARUH_WAKTU).toEqual({ minimumJp: null, maximumJp: 24 });
    expect(policy.CPNS).toEqual({ minimumJp: null, maximumJp: null });
    expect(policy.PNS).toEqual({ minimumJp: 20, maximumJp: 80 });
    expect(assessYearlyJp('PPPK', 28, policy).compliant).toBe(true);
    expect(assessYearlyJp('CPNS', 0, policy).compliant).toBe(true);
  });

  it('accepts an already parsed object', () => {
    expect(parseCompetencyDevelopmentPolicy({ PNS: { minimumJp: 24 } }).PNS.minimumJp).toBe(24);
  });

  it('refuses an override it cannot use, listing every problem', () => {
    const attempt = () =>
      parseCompetencyDevelopmentPolicy('{"PPPK": {"maximumJp": -1, "minimalJp": 20}, "HONORER": {}, "PNS": {"minimumJp": 30, "maximumJp": 24}, "CPNS": 20}');
    expect(attempt).toThrow(CompetencyDevelopmentPolicyError);
    try {
      attempt();
    } catch (error) {
      const problems = (error as CompetencyDevelopmentPolicyError).problems;
      expect(problems).toHaveLength(5);
      expect(problems.join('\n')).toMatch(/HONORER/);
      expect(problems.join('\n')).toMatch(/minimalJp/);
      expect(problems.join('\n')).toMatch(/PNS: minimumJp 30 is above maximumJp 24/);
    }
    expect(() => parseCompetencyDevelopmentPolicy('{"PNS": 20')).toThrow(/not JSON/);
    expect(() => parseCompetencyDevelopmentPolicy('[1]')).toThrow(CompetencyDevelopmentPolicyError);
    expect(() => parseCompetencyDevelopmentPolicy('{"PNS": {"minimumJp": 20.5}}')).toThrow(/whole number/);
  });
});
