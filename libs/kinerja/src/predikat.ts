/**
 * Ratings and predikat of ASN performance (PermenPANRB 6/2022 on ASN performance management,
 * Lampiran; the organisation predikat and the unit head's rule from SE MenPANRB 3/2023).
 *
 * The predikat of an employee is never entered: it is always `employeePredikat(hasil kerja, perilaku)`
 * and changes only through a new rating (with a reason) or a keberatan decision.
 */

/** The three levels of rating hasil kerja and rating perilaku kerja. */
export const RATINGS = ['DI_ATAS', 'SESUAI', 'DI_BAWAH'] as const;
export type Rating = (typeof RATINGS)[number];

/** Predikat kinerja pegawai, best first. */
export const EMPLOYEE_PREDIKATS = ['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'] as const;
export type EmployeePredikat = (typeof EMPLOYEE_PREDIKATS)[number];

/** Predikat kinerja organisasi (of an OPD or a unit), best first. */
export const ORGANISATION_PREDIKATS = ['ISTIMEWA', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'] as const;
export type OrganisationPredikat = (typeof ORGANISATION_PREDIKATS)[number];

export const RATING_LABELS: Readonly<Record<Rating, string>> = {
  DI_ATAS: 'Di Atas Ekspektasi',
  SESUAI: 'Sesuai Ekspektasi',
  DI_BAWAH: 'Di Bawah Ekspektasi',
};

export const EMPLOYEE_PREDIKAT_LABELS: Readonly<Record<EmployeePredikat, string>> = {
  SANGAT_BAIK: 'Sangat Baik',
  BAIK: 'Baik',
  BUTUH_PERBAIKAN: 'Butuh Perbaikan',
  KURANG: 'Kurang/Misconduct',
  SANGAT_KURANG: 'Sangat Kurang',
};

export const ORGANISATION_PREDIKAT_LABELS: Readonly<Record<OrganisationPredikat, string>> = {
  ISTIMEWA: 'Istimewa',
  BAIK: 'Baik',
  BUTUH_PERBAIKAN: 'Butuh Perbaikan',
  KURANG: 'Kurang',
  SANGAT_KURANG: 'Sangat Kurang',
};

export function isRating(value: unknown): value is Rating {
  return typeof value === 'string' && (RATINGS as readonly string[]).includes(value);
}

export function isOrganisationPredikat(value: unknown): value is OrganisationPredikat {
  return typeof value === 'string' && (ORGANISATION_PREDIKATS as readonly string[]).includes(value);
}

/**
 * Rows: rating hasil kerja; columns: rating perilaku kerja. Written as the table of the Lampiran of
 * PermenPANRB 6/2022, so a reviewer can compare it cell by cell.
 */
const MATRIX: Readonly<Record<Rating, Readonly<Record<Rating, EmployeePredikat>>>> = {
  DI_ATAS: { DI_BAWAH: 'KURANG', SESUAI: 'BAIK', DI_ATAS: 'SANGAT_BAIK' },
  SESUAI: { DI_BAWAH: 'KURANG', SESUAI: 'BAIK', DI_ATAS: 'BAIK' },
  DI_BAWAH: { DI_BAWAH: 'SANGAT_KURANG', SESUAI: 'BUTUH_PERBAIKAN', DI_ATAS: 'BUTUH_PERBAIKAN' },
};

/** Predikat kinerja pegawai from rating hasil kerja × rating perilaku kerja (PermenPANRB 6/2022 Lampiran). */
export function employeePredikat(ratingHasilKerja: Rating, ratingPerilaku: Rating): EmployeePredikat {
  // Own keys only, so an unchecked string such as `constructor` is no rating: an unknown rating is
  // a bug of the caller, not a predikat.
  const row = Object.hasOwn(MATRIX, ratingHasilKerja) ? MATRIX[ratingHasilKerja] : undefined;
  const predikat = row && Object.hasOwn(row, ratingPerilaku) ? row[ratingPerilaku] : undefined;
  if (!predikat) throw new RangeError(`unknown rating pair ${String(ratingHasilKerja)}/${String(ratingPerilaku)}`);
  return predikat;
}

/** How a unit head's rating hasil kerja follows the predikat of the unit they lead. */
export type UnitHeadRatingMapping = Readonly<Record<OrganisationPredikat, Rating>>;

/**
 * A unit head's rating hasil kerja is not rated indicator by indicator: it follows the predikat
 * kinerja organisasi of the unit they lead (SE MenPANRB 3/2023). The circular names the link, not a
 * table, so the mapping is configuration with this default: Istimewa → Di Atas, Baik → Sesuai,
 * anything lower → Di Bawah (to be confirmed by BKPSDM).
 */
export const DEFAULT_UNIT_HEAD_RATING_MAPPING: UnitHeadRatingMapping = {
  ISTIMEWA: 'DI_ATAS',
  BAIK: 'SESUAI',
  BUTUH_PERBAIKAN: 'DI_BAWAH',
  KURANG: 'DI_BAWAH',
  SANGAT_KURANG: 'DI_BAWAH',
};

export function unitHeadRatingHasilKerja(
  organisationPredikat: OrganisationPredikat,
  mapping: UnitHeadRatingMapping = DEFAULT_UNIT_HEAD_RATING_MAPPING,
): Rating {
  const rating = Object.hasOwn(mapping, organisationPredikat) ? mapping[organisationPredikat] : undefined;
  if (!rating) throw new RangeError(`unknown organisation predikat ${String(organisationPredikat)}`);
  return rating;
}

/** The unit head's predikat in one step: the unit's predikat decides hasil kerja, their own rating perilaku the rest. */
export function unitHeadPredikat(
  organisationPredikat: OrganisationPredikat,
  ratingPerilaku: Rating,
  mapping: UnitHeadRatingMapping = DEFAULT_UNIT_HEAD_RATING_MAPPING,
): EmployeePredikat {
  return employeePredikat(unitHeadRatingHasilKerja(organisationPredikat, mapping), ratingPerilaku);
}
