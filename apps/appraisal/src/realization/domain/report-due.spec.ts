import { defaultCadence, type Cadence } from '../../cadence/domain/cadence';
import { isAnnouncedOn, periodsDueForNotice } from './report-due';

describe('report due notice', () => {
  const monthly = defaultCadence(2026); // report within 5 days after the month
  const quarterly: Cadence = { ...monthly, frequency: 'TRIWULANAN', reportDays: 10 };

  it('announces a period from leadDays before its deadline through the deadline day', () => {
    const january = { start: '2026-01-01', reportDue: '2026-02-05' };
    expect(isAnnouncedOn(january, '2026-02-01', 3)).toBe(false);
    expect(isAnnouncedOn(january, '2026-02-02', 3)).toBe(true);
    expect(isAnnouncedOn(january, '2026-02-05', 3)).toBe(true);
    expect(isAnnouncedOn(january, '2026-02-06', 3)).toBe(false);
  });

  it('never before the period starts, even with a long lead', () => {
    expect(isAnnouncedOn({ start: '2026-03-01', reportDue: '2026-03-31' }, '2026-02-27', 40)).toBe(false);
    expect(isAnnouncedOn({ start: '2026-03-01', reportDue: '2026-03-31' }, '2026-03-01', 40)).toBe(true);
  });

  it('finds the due periods of one SKP by its dates and the OPD calendar', () => {
    expect(periodsDueForNotice(monthly, '2026-01-01', '2026-12-31', '2026-02-03', 3).map((p) => p.name)).toEqual(['Januari 2026']);
    expect(periodsDueForNotice(monthly, '2026-01-01', '2026-12-31', '2026-02-10', 3)).toEqual([]);
    // December of last year's SKP is due in January.
    expect(periodsDueForNotice(defaultCadence(2025), '2025-01-01', '2025-12-31', '2026-01-04', 3).map((p) => p.reportDue)).toEqual(['2026-01-05']);
    // An SKP that starts in February has no January to report.
    expect(periodsDueForNotice(monthly, '2026-02-01', '2026-12-31', '2026-02-03', 3)).toEqual([]);
    expect(periodsDueForNotice(quarterly, '2026-01-01', '2026-12-31', '2026-04-08', 3).map((p) => [p.name, p.reportDue])).toEqual([['Triwulan I 2026', '2026-04-10']]);
  });
});
