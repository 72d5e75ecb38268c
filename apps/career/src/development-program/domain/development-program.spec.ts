import { checkNewDevelopmentProgram, formatRupiah, type NewDevelopmentProgram } from './development-program';

const valid: NewDevelopmentProgram = {
  name: 'Pelatihan Analisis Kebijakan',
  form: 'pelatihan_klasikal',
  scope: 'nasional',
  organizer: 'BKPSDM Kota Palembang',
  jp: 40,
  startDate: '2026-05-04',
  endDate: '2026-05-08',
  quota: 30,
  budgetCeiling: 45_000_000,
  costPerParticipant: 1_500_000,
};
const codes = (p: Partial<NewDevelopmentProgram>) => checkNewDevelopmentProgram({ ...valid, ...p }).map((v) => `${v.field}:${v.code}`);

describe('checkNewDevelopmentProgram', () => {
  it('accepts a program whose allocation equals the pagu', () => {
    expect(codes({})).toEqual([]);
  });

  it('allows a one-day activity but not an end before the start', () => {
    expect(codes({ form: 'seminar', jp: 4, startDate: '2026-05-04', endDate: '2026-05-04' })).toEqual([]);
    expect(codes({ endDate: '2026-05-03' })).toEqual(['endDate:TANGGAL_SELESAI_SEBELUM_MULAI']);
  });

  it('rejects allocations above the pagu, exactly at the boundary, as invalid input', () => {
    expect(codes({ budgetCeiling: 44_999_999 })).toEqual(['budgetCeiling:PAGU_TIDAK_MENCUKUPI']);
    const [v] = checkNewDevelopmentProgram({ ...valid, budgetCeiling: 44_999_999 });
    expect(v.kind).toBe('invalid');
    expect(v.message).toBe('Pagu Rp44.999.999 tidak mencukupi untuk kuota × biaya per peserta (Rp45.000.000)');
  });

  it('computes the allocation without floating-point overflow', () => {
    expect(codes({ quota: 100_000, costPerParticipant: 9_000_000_000_000, budgetCeiling: Number.MAX_SAFE_INTEGER })).toEqual(['budgetCeiling:PAGU_TIDAK_MENCUKUPI']);
  });

  it('caps JP of per-day forms by the conversion (seminar 4 JP/day nationally)', () => {
    const seminar = { form: 'seminar' as const, startDate: '2026-05-04', endDate: '2026-05-05' };
    expect(codes({ ...seminar, jp: 8 })).toEqual([]);
    expect(codes({ ...seminar, jp: 9 })).toEqual(['jp:JP_MELEBIHI_KONVERSI']);
    expect(codes({ ...seminar, scope: 'internasional', jp: 12 })).toEqual([]);
    expect(checkNewDevelopmentProgram({ ...valid, ...seminar, jp: 9 })[0].message).toContain('paling banyak 8 JP');
  });

  it('reports impossible dates per field, in words a user reads', () => {
    expect(codes({ startDate: '2026-02-30' })).toEqual(['startDate:TANGGAL_TIDAK_VALID']);
    const [v] = checkNewDevelopmentProgram({ ...valid, startDate: '2026-02-30' });
    expect(v.message).toBe('Tanggal mulai bukan tanggal kalender yang valid (YYYY-MM-DD)');
    expect(checkNewDevelopmentProgram({ ...valid, endDate: '2026-05-03' })[0].message).toBe('Tanggal selesai tidak boleh sebelum tanggal mulai');
  });
});

describe('formatRupiah', () => {
  it('groups thousands with dots', () => {
    expect(formatRupiah(0)).toBe('Rp0');
    expect(formatRupiah(1_500_000)).toBe('Rp1.500.000');
    expect(formatRupiah(12n)).toBe('Rp12');
  });
});
