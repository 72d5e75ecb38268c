import { calendarPeriods, checkCadence, defaultCadence, objectionDeadline, periodsOfSkp } from './cadence';

describe('cadence', () => {
  it('makes twelve months or four quarters with their deadlines', () => {
    const monthly = calendarPeriods(defaultCadence(2026));
    expect(monthly).toHaveLength(12);
    expect(monthly[1]).toEqual({ nomor: 2, nama: 'Februari 2026', mulai: '2026-02-01', selesai: '2026-02-28', batasLaporan: '2026-03-05', batasUmpanBalik: '2026-03-10' });
    expect(monthly[11].batasUmpanBalik).toBe('2027-01-10');
    const quarterly = calendarPeriods({ ...defaultCadence(2024), frekuensi: 'TRIWULANAN' });
    expect(quarterly.map((p) => [p.nama, p.mulai, p.selesai])).toEqual([
      ['Triwulan I 2024', '2024-01-01', '2024-03-31'],
      ['Triwulan II 2024', '2024-04-01', '2024-06-30'],
      ['Triwulan III 2024', '2024-07-01', '2024-09-30'],
      ['Triwulan IV 2024', '2024-10-01', '2024-12-31'],
    ]);
  });

  it('gives an SKP only the periods its dates touch', () => {
    expect(periodsOfSkp(defaultCadence(2026), '2026-01-01', '2026-06-15').map((p) => p.nomor)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(periodsOfSkp(defaultCadence(2026), '2026-06-16', '2026-12-31').map((p) => p.nomor)).toEqual([6, 7, 8, 9, 10, 11, 12]);
  });

  it('checks its dates and counts the objection window in days', () => {
    expect(checkCadence(defaultCadence(2026))).toEqual([]);
    expect(checkCadence({ ...defaultCadence(2026), batasPerencanaan: '2025-12-31', batasPenilaian: '2026-12-31' }).map((v) => v.code)).toEqual([
      'TANGGAL_JADWAL_DI_LUAR_TAHUN',
      'BATAS_PENILAIAN_TIDAK_VALID',
    ]);
    expect(objectionDeadline(defaultCadence(2026), '2027-01-20')).toBe('2027-02-03');
  });
});
