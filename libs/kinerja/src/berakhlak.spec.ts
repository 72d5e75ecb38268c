import { BERAKHLAK_CODES, BERAKHLAK_VALUES, berakhlakValue, isBerakhlakValue, missingBerakhlakValues } from './berakhlak';

describe('BerAKHLAK core values', () => {
  it('has the seven values in the order of the acronym, each with three behaviour guides', () => {
    expect(BERAKHLAK_VALUES.map((v) => v.name)).toEqual(['Berorientasi Pelayanan', 'Akuntabel', 'Kompeten', 'Harmonis', 'Loyal', 'Adaptif', 'Kolaboratif']);
    expect(BERAKHLAK_VALUES.map((v) => v.name[0]).join('')).toBe('BAKHLAK');
    for (const v of BERAKHLAK_VALUES) {
      expect(v.guides).toHaveLength(3);
      expect(v.code).toMatch(/^[A-Z_]+$/);
    }
    expect(new Set(BERAKHLAK_CODES).size).toBe(7);
  });

  it('finds a value by code', () => {
    expect(berakhlakValue('BERORIENTASI_PELAYANAN').guides[0]).toBe('Memahami dan memenuhi kebutuhan masyarakat');
    expect(isBerakhlakValue('LOYAL')).toBe(true);
    expect(isBerakhlakValue('JUJUR')).toBe(false);
  });

  it('lists the values an SKP lacks', () => {
    expect(missingBerakhlakValues(BERAKHLAK_CODES)).toEqual([]);
    expect(missingBerakhlakValues(['AKUNTABEL', 'KOMPETEN', 'HARMONIS', 'LOYAL', 'ADAPTIF'])).toEqual(['BERORIENTASI_PELAYANAN', 'KOLABORATIF']);
  });
});
