/**
 * Predikat kinerja pegawai from the two ratings (PermenPANRB 6/2022 Lampiran; domain.md §4.2).
 * The predikat is never entered directly: it is always this function of the ratings (domain.md §5.8).
 */
export const RATINGS = ['DI_ATAS', 'SESUAI', 'DI_BAWAH'] as const;
export type Rating = (typeof RATINGS)[number];

export const PREDIKAT_PEGAWAI = ['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'] as const;
export type PredikatPegawai = (typeof PREDIKAT_PEGAWAI)[number];

export const PREDIKAT_ORGANISASI = ['ISTIMEWA', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'] as const;
export type PredikatOrganisasi = (typeof PREDIKAT_ORGANISASI)[number];

export const labelRating: Record<Rating, string> = {
  DI_ATAS: 'Di Atas Ekspektasi',
  SESUAI: 'Sesuai Ekspektasi',
  DI_BAWAH: 'Di Bawah Ekspektasi',
};

export const labelPredikatPegawai: Record<PredikatPegawai, string> = {
  SANGAT_BAIK: 'Sangat Baik',
  BAIK: 'Baik',
  BUTUH_PERBAIKAN: 'Butuh Perbaikan',
  KURANG: 'Kurang/Misconduct',
  SANGAT_KURANG: 'Sangat Kurang',
};

/** Rows: rating hasil kerja; columns: rating perilaku kerja. Written as the regulation's table. */
const MATRIX: Record<Rating, Record<Rating, PredikatPegawai>> = {
  DI_ATAS: { DI_BAWAH: 'KURANG', SESUAI: 'BAIK', DI_ATAS: 'SANGAT_BAIK' },
  SESUAI: { DI_BAWAH: 'KURANG', SESUAI: 'BAIK', DI_ATAS: 'BAIK' },
  DI_BAWAH: { DI_BAWAH: 'SANGAT_KURANG', SESUAI: 'BUTUH_PERBAIKAN', DI_ATAS: 'BUTUH_PERBAIKAN' },
};

export function predikatPegawai(hasilKerja: Rating, perilaku: Rating): PredikatPegawai {
  // Guards callers that pass unchecked strings (own keys only, so `constructor` is no rating):
  // an unknown rating is a bug, not a predikat.
  const row = Object.hasOwn(MATRIX, hasilKerja) ? MATRIX[hasilKerja] : undefined;
  const predikat = row && Object.hasOwn(row, perilaku) ? row[perilaku] : undefined;
  if (!predikat) throw new RangeError(`unknown rating pair ${String(hasilKerja)}/${String(perilaku)}`);
  return predikat;
}

/**
 * A unit leader's rating hasil kerja follows the unit's organisation predikat (domain.md §5.9):
 * Istimewa → Di Atas, Baik → Sesuai, otherwise Di Bawah. The mapping is marked "confirm" in the
 * research, so it is a parameter with this default rather than a constant.
 */
export const pemetaanPimpinanUnitBawaan: Record<PredikatOrganisasi, Rating> = {
  ISTIMEWA: 'DI_ATAS',
  BAIK: 'SESUAI',
  BUTUH_PERBAIKAN: 'DI_BAWAH',
  KURANG: 'DI_BAWAH',
  SANGAT_KURANG: 'DI_BAWAH',
};

export function ratingHasilKerjaPimpinanUnit(
  predikatOrganisasi: PredikatOrganisasi,
  pemetaan: Record<PredikatOrganisasi, Rating> = pemetaanPimpinanUnitBawaan,
): Rating {
  const rating = Object.hasOwn(pemetaan, predikatOrganisasi) ? pemetaan[predikatOrganisasi] : undefined;
  if (!rating) throw new RangeError(`unknown predikat organisasi ${String(predikatOrganisasi)}`);
  return rating;
}
