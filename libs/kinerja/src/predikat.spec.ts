import {
  DEFAULT_UNIT_HEAD_RATING_MAPPING,
  EMPLOYEE_PREDIKAT_LABELS,
  EMPLOYEE_PREDIKATS,
  employeePredikat,
  isOrganisationPredikat,
  isRating,
  ORGANISATION_PREDIKATS,
  RATINGS,
  unitHeadPredikat,
  unitHeadRatingHasilKerja,
  type EmployeePredikat,
  type Rating,
  type UnitHeadRatingMapping,
} from './predikat';

describe('employeePredikat (PermenPANRB 6/2022 matrix)', () => {
  // [hasil kerja, perilaku, predikat]: all nine cells of the regulation's table, written out independently.
  const table: [Rating, Rating, EmployeePredikat][] = [
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
    expect(employeePredikat(hasil, perilaku)).toBe(expected);
  });

  it('covers every pair of ratings', () => {
    expect(table).toHaveLength(RATINGS.length * RATINGS.length);
  });

  it('only the top-right cell gives Sangat Baik', () => {
    expect(table.filter(([h, p]) => employeePredikat(h, p) === 'SANGAT_BAIK')).toEqual([['DI_ATAS', 'DI_ATAS', 'SANGAT_BAIK']]);
  });

  it('rejects an unknown rating instead of inventing a predikat', () => {
    expect(() => employeePredikat('LUAR_BIASA' as Rating, 'SESUAI')).toThrow(RangeError);
    expect(() => employeePredikat('SESUAI', 'constructor' as Rating)).toThrow(RangeError);
  });

  it('labels every predikat in Bahasa Indonesia', () => {
    for (const p of EMPLOYEE_PREDIKATS) expect(EMPLOYEE_PREDIKAT_LABELS[p]).toMatch(/^[A-Z]/);
    expect(EMPLOYEE_PREDIKAT_LABELS.KURANG).toBe('Kurang/Misconduct');
  });

  it('recognises its own codes only', () => {
    expect(isRating('SESUAI')).toBe(true);
    expect(isRating('toString')).toBe(false);
    expect(isOrganisationPredikat('ISTIMEWA')).toBe(true);
    expect(isOrganisationPredikat('SANGAT_BAIK')).toBe(false);
  });
});

describe('the unit head follows the unit (SE MenPANRB 3/2023)', () => {
  it('maps the organisation predikat to rating hasil kerja by default', () => {
    expect(unitHeadRatingHasilKerja('ISTIMEWA')).toBe('DI_ATAS');
    expect(unitHeadRatingHasilKerja('BAIK')).toBe('SESUAI');
    expect(unitHeadRatingHasilKerja('BUTUH_PERBAIKAN')).toBe('DI_BAWAH');
    expect(unitHeadRatingHasilKerja('KURANG')).toBe('DI_BAWAH');
    expect(unitHeadRatingHasilKerja('SANGAT_KURANG')).toBe('DI_BAWAH');
    expect(Object.keys(DEFAULT_UNIT_HEAD_RATING_MAPPING).sort()).toEqual([...ORGANISATION_PREDIKATS].sort());
  });

  it('gives the head of an Istimewa unit Sangat Baik only with behaviour above expectation', () => {
    expect(unitHeadPredikat('ISTIMEWA', 'DI_ATAS')).toBe('SANGAT_BAIK');
    expect(unitHeadPredikat('ISTIMEWA', 'SESUAI')).toBe('BAIK');
    expect(unitHeadPredikat('KURANG', 'DI_ATAS')).toBe('BUTUH_PERBAIKAN');
  });

  it('follows a configured mapping', () => {
    const custom: UnitHeadRatingMapping = { ...DEFAULT_UNIT_HEAD_RATING_MAPPING, BUTUH_PERBAIKAN: 'SESUAI' };
    expect(unitHeadRatingHasilKerja('BUTUH_PERBAIKAN', custom)).toBe('SESUAI');
    expect(unitHeadPredikat('BUTUH_PERBAIKAN', 'SESUAI', custom)).toBe('BAIK');
  });

  it('rejects an unknown organisation predikat', () => {
    expect(() => unitHeadRatingHasilKerja('SANGAT_BAIK' as never)).toThrow(RangeError);
  });
});
