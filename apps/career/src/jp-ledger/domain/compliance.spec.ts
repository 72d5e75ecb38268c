import { DEFAULT_COMPETENCY_DEVELOPMENT_POLICY } from '@capaian/kinerja';
import { opdCompliance, opdComplianceOfGroups, personCompliance } from './compliance';

describe('JP compliance per kind of ASN', () => {
  it('holds a PNS to at least 20 JP and flags the one who cannot reach it with what they are enrolled in', () => {
    expect(personCompliance({ employeeId: 'a', jenisAsn: 'PNS', recognisedJp: 20, plannedJp: 0 })).toMatchObject({ compliant: true, atRisk: false, shortfallJp: 0 });
    expect(personCompliance({ employeeId: 'b', jenisAsn: 'PNS', recognisedJp: 8, plannedJp: 12 })).toMatchObject({ compliant: false, atRisk: false, shortfallJp: 12 });
    expect(personCompliance({ employeeId: 'c', jenisAsn: 'CPNS', recognisedJp: 8, plannedJp: 4 })).toMatchObject({ compliant: false, atRisk: true });
  });

  it('never reports a PPPK below 20 JP as non-compliant or at risk (24 JP is a ceiling)', () => {
    expect(personCompliance({ employeeId: 'd', jenisAsn: 'PPPK', recognisedJp: 0, plannedJp: 0 })).toMatchObject({ compliant: true, atRisk: false, minimumJp: null, maximumJp: 24 });
    expect(personCompliance({ employeeId: 'e', jenisAsn: 'PPPK', recognisedJp: 25, plannedJp: 0 })).toMatchObject({ compliant: false, exceedsMaximum: true });
  });

  it('follows a configured policy', () => {
    const strict = { ...DEFAULT_COMPETENCY_DEVELOPMENT_POLICY, PNS: { minimumJp: 40, maximumJp: null } };
    expect(personCompliance({ employeeId: 'a', jenisAsn: 'PNS', recognisedJp: 20, plannedJp: 0 }, strict)).toMatchObject({ compliant: false, atRisk: true });
  });

  it('sums an OPD', () => {
    const people = [
      { employeeId: 'a', jenisAsn: 'PNS', recognisedJp: 24, plannedJp: 0 },
      { employeeId: 'b', jenisAsn: 'PNS', recognisedJp: 0, plannedJp: 40 },
      { employeeId: 'c', jenisAsn: 'PNS', recognisedJp: 0, plannedJp: 0 },
      { employeeId: 'd', jenisAsn: 'PPPK', recognisedJp: 3, plannedJp: 0 },
    ];
    expect(opdCompliance(people)).toEqual({ employees: 4, withMinimum: 3, compliant: 1, atRisk: 1, totalJp: 27, compliancePercent: 33.3 });
    expect(opdCompliance([])).toMatchObject({ compliancePercent: 100 });
  });

  it('sums an OPD from people counted by how they stand, as from the people one by one', () => {
    const strict = { ...DEFAULT_COMPETENCY_DEVELOPMENT_POLICY, PPPK: { minimumJp: 8, maximumJp: 24 } };
    const groups = [
      { jenisAsn: 'PNS', recognisedJp: 24, plannedJp: 0, people: 3 },
      { jenisAsn: 'PNS', recognisedJp: 4, plannedJp: 16, people: 2 },
      { jenisAsn: 'CPNS', recognisedJp: 0, plannedJp: 8, people: 4 },
      { jenisAsn: 'PPPK', recognisedJp: 28, plannedJp: 0, people: 2 },
      { jenisAsn: 'PPPK', recognisedJp: 4, plannedJp: 0, people: 5 },
      { jenisAsn: 'TIDAK_DIKENAL', recognisedJp: 12, plannedJp: 0, people: 1 },
    ];
    const people = groups.flatMap((g, i) => Array.from({ length: g.people }, (_, j) => ({ employeeId: `${i}-${j}`, jenisAsn: g.jenisAsn, recognisedJp: g.recognisedJp, plannedJp: g.plannedJp })));
    for (const policy of [DEFAULT_COMPETENCY_DEVELOPMENT_POLICY, strict]) expect(opdComplianceOfGroups(groups, policy)).toEqual(opdCompliance(people, policy));
    expect(opdComplianceOfGroups(groups)).toEqual({ employees: 17, withMinimum: 10, compliant: 3, atRisk: 5, totalJp: 168, compliancePercent: 30 });
    expect(opdComplianceOfGroups([])).toEqual(opdCompliance([]));
  });
});
