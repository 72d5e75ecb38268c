import { parseIsoDate } from '@capaian/kinerja';
import { checkNewAppraisalPeriod, defaultPeriodName, overlapViolation, rangesOverlap, type NewAppraisalPeriod } from './appraisal-period';

const codes = (p: NewAppraisalPeriod) => checkNewAppraisalPeriod(p).map((v) => `${v.field}:${v.code}`);

describe('parseIsoDate as periods use it', () => {
  it.each(['2026-01-31', '2024-02-29', '2026-12-31'])('accepts %s', (s) => expect(parseIsoDate(s)).not.toBeNull());
  it.each(['2026-02-29', '2026-02-30', '2026-13-01', '2026-00-10', '2026-1-5', '2026-01-01T00:00:00Z', '', '31-01-2026'])('rejects %s', (s) =>
    expect(parseIsoDate(s)).toBeNull(),
  );
});

describe('checkNewAppraisalPeriod', () => {
  it('accepts a month, a quarter and a year', () => {
    expect(codes({ year: 2026, kind: 'bulanan', startDate: '2026-02-01', endDate: '2026-02-28' })).toEqual([]);
    expect(codes({ year: 2026, kind: 'triwulanan', startDate: '2026-04-01', endDate: '2026-06-30' })).toEqual([]);
    expect(codes({ year: 2026, kind: 'tahunan', startDate: '2026-01-01', endDate: '2026-12-31' })).toEqual([]);
  });

  it('requires the end strictly after the start', () => {
    expect(codes({ year: 2026, kind: 'tahunan', startDate: '2026-05-01', endDate: '2026-05-01' })).toEqual(['endDate:TANGGAL_SELESAI_TIDAK_SETELAH_MULAI']);
    expect(codes({ year: 2026, kind: 'tahunan', startDate: '2026-05-01', endDate: '2026-04-30' })).toEqual(['endDate:TANGGAL_SELESAI_TIDAK_SETELAH_MULAI']);
  });

  it('keeps both dates inside the stated year', () => {
    expect(codes({ year: 2026, kind: 'tahunan', startDate: '2026-07-01', endDate: '2027-06-30' })).toEqual(['endDate:PERIODE_DI_LUAR_TAHUN']);
    expect(codes({ year: 2027, kind: 'bulanan', startDate: '2026-03-01', endDate: '2026-03-31' })).toEqual(['startDate:PERIODE_DI_LUAR_TAHUN', 'endDate:PERIODE_DI_LUAR_TAHUN']);
  });

  it('keeps a monthly period in one month and a quarterly one in one quarter', () => {
    expect(codes({ year: 2026, kind: 'bulanan', startDate: '2026-01-15', endDate: '2026-02-14' })).toEqual(['endDate:PERIODE_BULANAN_MELEWATI_BULAN']);
    expect(codes({ year: 2026, kind: 'triwulanan', startDate: '2026-03-01', endDate: '2026-05-31' })).toEqual(['endDate:PERIODE_TRIWULAN_MELEWATI_TRIWULAN']);
    // A partial month is allowed (e.g. a late start); the rule is about straddling.
    expect(codes({ year: 2026, kind: 'bulanan', startDate: '2026-01-10', endDate: '2026-01-31' })).toEqual([]);
  });

  it('reports impossible calendar dates per field', () => {
    expect(codes({ year: 2026, kind: 'bulanan', startDate: '2026-02-30', endDate: '2026-13-01' })).toEqual(['startDate:TANGGAL_TIDAK_VALID', 'endDate:TANGGAL_TIDAK_VALID']);
  });

  it('reports every calendar rule as invalid input (400): the request alone shows it', () => {
    const all = [
      ...checkNewAppraisalPeriod({ year: 2026, kind: 'tahunan', startDate: '2026-05-01', endDate: '2026-04-01' }),
      ...checkNewAppraisalPeriod({ year: 2027, kind: 'bulanan', startDate: '2026-01-15', endDate: '2026-02-14' }),
      ...checkNewAppraisalPeriod({ year: 2026, kind: 'triwulanan', startDate: '2026-03-01', endDate: '2026-05-31' }),
      ...checkNewAppraisalPeriod({ year: 2026, kind: 'bulanan', startDate: '2026-02-30', endDate: '2026-02-31' }),
    ];
    expect(all.length).toBeGreaterThanOrEqual(5);
    expect(all.every((v) => v.kind === 'invalid')).toBe(true);
  });

  it('gives messages in Bahasa Indonesia that name the date, not a code identifier', () => {
    const [order] = checkNewAppraisalPeriod({ year: 2026, kind: 'tahunan', startDate: '2026-05-01', endDate: '2026-04-01' });
    expect(order.message).toBe('Tanggal selesai harus setelah tanggal mulai');
    const [invalid] = checkNewAppraisalPeriod({ year: 2026, kind: 'tahunan', startDate: '2026-02-30', endDate: '2026-04-01' });
    expect(invalid.message).toBe('Tanggal mulai bukan tanggal kalender yang valid (YYYY-MM-DD)');
    const [outside] = checkNewAppraisalPeriod({ year: 2026, kind: 'tahunan', startDate: '2026-07-01', endDate: '2027-06-30' });
    expect(outside.message).toBe('Tanggal selesai harus berada di tahun 2026');
  });
});

describe('rangesOverlap', () => {
  const jan = { startDate: '2026-01-01', endDate: '2026-01-31' };
  it('is inclusive of shared boundary days', () => {
    expect(rangesOverlap(jan, { startDate: '2026-01-31', endDate: '2026-02-27' })).toBe(true);
    expect(rangesOverlap(jan, { startDate: '2026-02-01', endDate: '2026-02-28' })).toBe(false);
  });
  it('detects containment both ways and is symmetric', () => {
    const mid = { startDate: '2026-01-10', endDate: '2026-01-20' };
    expect(rangesOverlap(jan, mid)).toBe(true);
    expect(rangesOverlap(mid, jan)).toBe(true);
    expect(rangesOverlap({ startDate: '2025-12-01', endDate: '2025-12-31' }, jan)).toBe(false);
  });
});

describe('defaultPeriodName', () => {
  it('names months, quarters and years in Indonesian', () => {
    expect(defaultPeriodName({ year: 2026, kind: 'bulanan', startDate: '2026-08-01', endDate: '2026-08-31' })).toBe('Agustus 2026');
    expect(defaultPeriodName({ year: 2026, kind: 'triwulanan', startDate: '2026-10-01', endDate: '2026-12-31' })).toBe('Triwulan IV 2026');
    expect(defaultPeriodName({ year: 2026, kind: 'tahunan', startDate: '2026-01-01', endDate: '2026-12-31' })).toBe('Tahun 2026');
  });
});

describe('overlapViolation', () => {
  it('is a conflict naming the clash when known', () => {
    const v = overlapViolation('bulanan', { name: 'Januari 2026', startDate: '2026-01-01', endDate: '2026-01-31' });
    expect(v).toMatchObject({ kind: 'conflict', code: 'PERIODE_TUMPANG_TINDIH' });
    expect(v.message).toBe('Periode bulanan ini tumpang tindih dengan periode bulanan yang sudah ada (Januari 2026, 2026-01-01 s.d. 2026-01-31)');
    expect(overlapViolation('tahunan').message).toBe('Periode tahunan ini tumpang tindih dengan periode tahunan yang sudah ada');
  });
});
