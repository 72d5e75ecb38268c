import { checkProgramBaru, formatRupiah, type ProgramBaru } from './program-pengembangan';

const valid: ProgramBaru = {
  nama: 'Pelatihan Analisis Kebijakan',
  bentuk: 'pelatihan_klasikal',
  lingkup: 'nasional',
  penyelenggara: 'BKPSDM Kota Palembang',
  jp: 40,
  tanggalMulai: '2026-05-04',
  tanggalSelesai: '2026-05-08',
  kuota: 30,
  pagu: 45_000_000,
  biayaPerPeserta: 1_500_000,
};
const codes = (p: Partial<ProgramBaru>) => checkProgramBaru({ ...valid, ...p }).map((v) => `${v.field}:${v.code}`);

describe('checkProgramBaru', () => {
  it('accepts a program whose allocation equals the pagu', () => {
    expect(codes({})).toEqual([]);
  });

  it('allows a one-day activity but not an end before the start', () => {
    expect(codes({ bentuk: 'seminar', jp: 4, tanggalMulai: '2026-05-04', tanggalSelesai: '2026-05-04' })).toEqual([]);
    expect(codes({ tanggalSelesai: '2026-05-03' })).toEqual(['tanggalSelesai:TANGGAL_SELESAI_SEBELUM_MULAI']);
  });

  it('rejects allocations above the pagu, exactly at the boundary', () => {
    expect(codes({ pagu: 44_999_999 })).toEqual(['pagu:PAGU_TIDAK_MENCUKUPI']);
    expect(checkProgramBaru({ ...valid, pagu: 44_999_999 })[0].message).toContain('Rp45.000.000');
  });

  it('computes the allocation without floating-point overflow', () => {
    expect(codes({ kuota: 100_000, biayaPerPeserta: 9_000_000_000_000, pagu: Number.MAX_SAFE_INTEGER })).toEqual(['pagu:PAGU_TIDAK_MENCUKUPI']);
  });

  it('caps JP of per-day formats by the conversion (seminar 4 JP/day nationally)', () => {
    const seminar = { bentuk: 'seminar' as const, tanggalMulai: '2026-05-04', tanggalSelesai: '2026-05-05' };
    expect(codes({ ...seminar, jp: 8 })).toEqual([]);
    expect(codes({ ...seminar, jp: 9 })).toEqual(['jp:JP_MELEBIHI_KONVERSI']);
    expect(codes({ ...seminar, lingkup: 'internasional', jp: 12 })).toEqual([]);
  });

  it('reports impossible dates per field', () => {
    expect(codes({ tanggalMulai: '2026-02-30' })).toEqual(['tanggalMulai:TANGGAL_TIDAK_VALID']);
  });
});

describe('formatRupiah', () => {
  it('groups thousands with dots', () => {
    expect(formatRupiah(0)).toBe('Rp0');
    expect(formatRupiah(1_500_000)).toBe('Rp1.500.000');
    expect(formatRupiah(12n)).toBe('Rp12');
  });
});
