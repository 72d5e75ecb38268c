import { predikatPegawai, ratingHasilKerjaPimpinanUnit, type Rating, type PredikatPegawai } from './predikat';

describe('predikatPegawai (PermenPANRB 6/2022 matrix)', () => {
  // [hasil kerja, perilaku, predikat]: all nine cells of domain.md §4.2, written out independently.
  const table: [Rating, Rating, PredikatPegawai][] = [
    ['DI_ATAS', 'DI_BAWAH', 'KURANG'],
    ['DI_ATAS', 'SESUAI', 'BAIK'],
    ['DI_ATAS', 'DI_ATAS', 'SANGAT_BAIK'],
    ['SESUAI', 'DI_BAWAH', 'KURANG'],
    ['SESUAI', 'SESUAI', 'BAIK'],
    ['SESUAI', 'DI_ATAS', 'BAIK'],
    ['DI_BAWAH', 'DI_BAWAH', 'SANGAT_KURANG'],
    ['DI_BAWAH', 'SESUAI', 'BUTUH_PERBAIKAN'],
    ['DI_BAWAH', 'DI_ATAS', 'BUTUH_PERBAIKAN'],
  ];

  it.each(table)('hasil kerja %s × perilaku %s → %s', (hasil, perilaku, expected) => {
    expect(predikatPegawai(hasil, perilaku)).toBe(expected);
  });

  it('only the top-right cell gives Sangat Baik', () => {
    const sangatBaik = table.filter(([h, p]) => predikatPegawai(h, p) === 'SANGAT_BAIK');
    expect(sangatBaik).toEqual([['DI_ATAS', 'DI_ATAS', 'SANGAT_BAIK']]);
  });

  it('rejects an unknown rating instead of inventing a predikat', () => {
    expect(() => predikatPegawai('LUAR_BIASA' as Rating, 'SESUAI')).toThrow(RangeError);
    expect(() => predikatPegawai('SESUAI', 'constructor' as Rating)).toThrow(RangeError);
  });
});

describe('ratingHasilKerjaPimpinanUnit', () => {
  it('maps the organisation predikat by default', () => {
    expect(ratingHasilKerjaPimpinanUnit('ISTIMEWA')).toBe('DI_ATAS');
    expect(ratingHasilKerjaPimpinanUnit('BAIK')).toBe('SESUAI');
    expect(ratingHasilKerjaPimpinanUnit('BUTUH_PERBAIKAN')).toBe('DI_BAWAH');
    expect(ratingHasilKerjaPimpinanUnit('SANGAT_KURANG')).toBe('DI_BAWAH');
  });

  it('accepts a configured mapping', () => {
    const custom = { ISTIMEWA: 'DI_ATAS', BAIK: 'SESUAI', BUTUH_PERBAIKAN: 'SESUAI', KURANG: 'DI_BAWAH', SANGAT_KURANG: 'DI_BAWAH' } as const;
    expect(ratingHasilKerjaPimpinanUnit('BUTUH_PERBAIKAN', custom)).toBe('SESUAI');
  });
});
