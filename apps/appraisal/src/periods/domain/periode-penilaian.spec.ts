import { checkPeriodeBaru, namaBawaan, tumpangTindih, type PeriodeBaru } from './periode-penilaian';
import { parseIsoDate } from '@capaian/kinerja';

const codes = (p: PeriodeBaru) => checkPeriodeBaru(p).map((v) => `${v.field}:${v.code}`);

describe('parseIsoDate', () => {
  it.each(['2026-01-31', '2024-02-29', '2026-12-31'])('accepts %s', (s) => expect(parseIsoDate(s)).not.toBeNull());
  it.each(['2026-02-29', '2026-02-30', '2026-13-01', '2026-00-10', '2026-1-5', '2026-01-01T00:00:00Z', '', '31-01-2026'])('rejects %s', (s) =>
    expect(parseIsoDate(s)).toBeNull(),
  );
});

describe('checkPeriodeBaru', () => {
  it('accepts a month, a quarter and a year', () => {
    expect(codes({ tahun: 2026, jenis: 'bulanan', tanggalMulai: '2026-02-01', tanggalSelesai: '2026-02-28' })).toEqual([]);
    expect(codes({ tahun: 2026, jenis: 'triwulanan', tanggalMulai: '2026-04-01', tanggalSelesai: '2026-06-30' })).toEqual([]);
    expect(codes({ tahun: 2026, jenis: 'tahunan', tanggalMulai: '2026-01-01', tanggalSelesai: '2026-12-31' })).toEqual([]);
  });

  it('requires the end strictly after the start', () => {
    expect(codes({ tahun: 2026, jenis: 'tahunan', tanggalMulai: '2026-05-01', tanggalSelesai: '2026-05-01' })).toEqual([
      'tanggalSelesai:TANGGAL_SELESAI_TIDAK_SETELAH_MULAI',
    ]);
    expect(codes({ tahun: 2026, jenis: 'tahunan', tanggalMulai: '2026-05-01', tanggalSelesai: '2026-04-30' })).toEqual([
      'tanggalSelesai:TANGGAL_SELESAI_TIDAK_SETELAH_MULAI',
    ]);
  });

  it('keeps both dates inside the stated year', () => {
    expect(codes({ tahun: 2026, jenis: 'tahunan', tanggalMulai: '2026-07-01', tanggalSelesai: '2027-06-30' })).toEqual([
      'tanggalSelesai:PERIODE_DI_LUAR_TAHUN',
    ]);
    expect(codes({ tahun: 2027, jenis: 'bulanan', tanggalMulai: '2026-03-01', tanggalSelesai: '2026-03-31' })).toEqual([
      'tanggalMulai:PERIODE_DI_LUAR_TAHUN',
      'tanggalSelesai:PERIODE_DI_LUAR_TAHUN',
    ]);
  });

  it('keeps a monthly period in one month and a quarterly one in one quarter', () => {
    expect(codes({ tahun: 2026, jenis: 'bulanan', tanggalMulai: '2026-01-15', tanggalSelesai: '2026-02-14' })).toEqual([
      'tanggalSelesai:PERIODE_BULANAN_MELEWATI_BULAN',
    ]);
    expect(codes({ tahun: 2026, jenis: 'triwulanan', tanggalMulai: '2026-03-01', tanggalSelesai: '2026-05-31' })).toEqual([
      'tanggalSelesai:PERIODE_TRIWULAN_MELEWATI_TRIWULAN',
    ]);
    // A partial month is allowed (e.g. a late start); the rule is about straddling.
    expect(codes({ tahun: 2026, jenis: 'bulanan', tanggalMulai: '2026-01-10', tanggalSelesai: '2026-01-31' })).toEqual([]);
  });

  it('reports impossible calendar dates per field', () => {
    expect(codes({ tahun: 2026, jenis: 'bulanan', tanggalMulai: '2026-02-30', tanggalSelesai: '2026-13-01' })).toEqual([
      'tanggalMulai:TANGGAL_TIDAK_VALID',
      'tanggalSelesai:TANGGAL_TIDAK_VALID',
    ]);
  });

  it('gives messages in Bahasa Indonesia', () => {
    const [v] = checkPeriodeBaru({ tahun: 2026, jenis: 'tahunan', tanggalMulai: '2026-05-01', tanggalSelesai: '2026-04-01' });
    expect(v.message).toBe('DateParts selesai harus setelah tanggal mulai');
  });
});

describe('tumpangTindih', () => {
  const jan = { tanggalMulai: '2026-01-01', tanggalSelesai: '2026-01-31' };
  it('is inclusive of shared boundary days', () => {
    expect(tumpangTindih(jan, { tanggalMulai: '2026-01-31', tanggalSelesai: '2026-02-27' })).toBe(true);
    expect(tumpangTindih(jan, { tanggalMulai: '2026-02-01', tanggalSelesai: '2026-02-28' })).toBe(false);
  });
  it('detects containment both ways and is symmetric', () => {
    const mid = { tanggalMulai: '2026-01-10', tanggalSelesai: '2026-01-20' };
    expect(tumpangTindih(jan, mid)).toBe(true);
    expect(tumpangTindih(mid, jan)).toBe(true);
    expect(tumpangTindih({ tanggalMulai: '2025-12-01', tanggalSelesai: '2025-12-31' }, jan)).toBe(false);
  });
});

describe('namaBawaan', () => {
  it('names months, quarters and years in Indonesian', () => {
    expect(namaBawaan({ tahun: 2026, jenis: 'bulanan', tanggalMulai: '2026-08-01', tanggalSelesai: '2026-08-31' })).toBe('Agustus 2026');
    expect(namaBawaan({ tahun: 2026, jenis: 'triwulanan', tanggalMulai: '2026-10-01', tanggalSelesai: '2026-12-31' })).toBe('Triwulan IV 2026');
    expect(namaBawaan({ tahun: 2026, jenis: 'tahunan', tanggalMulai: '2026-01-01', tanggalSelesai: '2026-12-31' })).toBe('Tahun 2026');
  });
});
