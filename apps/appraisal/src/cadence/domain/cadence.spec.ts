import { calendarPeriods, checkCadence, defaultCadence, objectionDeadline, periodsOfSkp } from './cadence';

describe('cadence', () => {
  it('makes twelve months or four quarters with their deadlines', () => {
    const monthly = calendarPeriods(defaultCadence(2026));
    expect(monthly).toHaveLength(12);
    expect(monthly[1]).toEqual({ number: 2, name: 'Februari 2026', start: '2026-02-01', end: '2026-02-28', reportDue: '2026-03-05', feedbackDue: '2026-03-10' });
    expect(monthly[11].feedbackDue).toBe('2027-01-10');
    const quarterly = calendarPeriods({ ...defaultCadence(2024), frequency: 'TRIWULANAN' });
    expect(quarterly.map((p) => [p.name, p.start, p.end])).toEqual([
      ['Triwulan I 2024', '2024-01-01', '2024-03-31'],
      ['Triwulan II 2024', '2024-04-01', '2024-06-30'],
      ['Triwulan III 2024', '2024-07-01', '2024-09-30'],
      ['Triwulan IV 2024', '2024-10-01', '2024-12-31'],
    ]);
  });

  it('gives an SKP only the periods its dates touch', () => {
    expect(periodsOfSkp(defaultCadence(2026), '2026-01-01', '2026-06-15').map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(periodsOfSkp(defaultCadence(2026), '2026-06-16', '2026-12-31').map((p) => p.number)).toEqual([6, 7, 8, 9, 10, 11, 12]);
  });

  it('checks its dates and counts the objection window in days', () => {
    expect(checkCadence(defaultCadence(2026))).toEqual([]);
    expect(checkCadence({ ...defaultCadence(2026), planningDeadline: '2025-12-31', ratingDeadline: '2026-12-31' }).map((v) => v.code)).toEqual([
      'TANGGAL_JADWAL_DI_LUAR_TAHUN',
      'BATAS_PENILAIAN_TIDAK_VALID',
    ]);
    expect(objectionDeadline(defaultCadence(2026), '2027-01-20')).toBe('2027-02-03');
  });
});
