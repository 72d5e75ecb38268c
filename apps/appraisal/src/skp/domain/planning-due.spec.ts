import { TestClock } from '@capaian/shared/scheduling';
import { isPlanningAnnouncedOn, needsPlanning, opdsDueForPlanningNotice } from './planning-due';

describe('planning due notice', () => {
  it('announces from leadDays before the planning deadline through the deadline day, by the shared clock', () => {
    const clock = new TestClock('2026-01-23T23:59:00Z'); // 24 January, 06.59 WIB
    expect(isPlanningAnnouncedOn('2026-01-31', clock.today(), 7)).toBe(true);
    clock.set('2026-01-23T16:59:00Z'); // 23 January, 23.59 WIB
    expect(isPlanningAnnouncedOn('2026-01-31', clock.today(), 7)).toBe(false);
    expect(isPlanningAnnouncedOn('2026-01-31', '2026-01-31', 7)).toBe(true);
    expect(isPlanningAnnouncedOn('2026-01-31', '2026-02-01', 7)).toBe(false);
  });

  it('follows each OPD its own deadline', () => {
    const opds = [
      { code: 'DISKOMINFO', planningDeadline: '2026-01-31' },
      { code: 'BAPPEDA', planningDeadline: '2026-02-27' },
    ];
    expect(opdsDueForPlanningNotice(opds, '2026-01-26', 7).map((o) => o.code)).toEqual(['DISKOMINFO']);
    expect(opdsDueForPlanningNotice(opds, '2026-02-20', 7).map((o) => o.code)).toEqual(['BAPPEDA']);
    expect(opdsDueForPlanningNotice(opds, '2026-02-10', 7)).toEqual([]);
  });

  it('counts a submitted or set SKP as planned, not a draft or a returned one', () => {
    expect(needsPlanning([])).toBe(true);
    expect(needsPlanning(['DRAFT'])).toBe(true);
    expect(needsPlanning(['DIKEMBALIKAN', 'DITUTUP'])).toBe(true);
    expect(needsPlanning(['DRAFT', 'DIAJUKAN'])).toBe(false);
    expect(needsPlanning(['DITETAPKAN'])).toBe(false);
  });
});
