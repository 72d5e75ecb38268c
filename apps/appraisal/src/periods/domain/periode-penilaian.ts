import { compareIsoDates, parseIsoDate } from '@capaian/kinerja';

/**
 * Periode penilaian: the window in which realizations are reported and rated (domain.md W3:
 * monthly or quarterly, chosen by the instansi, plus the annual evaluation of W4).
 * Pure rules, no framework: the HTTP layer maps violations to problem+json.
 */
export const JENIS_PERIODE = ['bulanan', 'triwulanan', 'tahunan'] as const;
export type JenisPeriode = (typeof JENIS_PERIODE)[number];

export interface RentangTanggal {
  tanggalMulai: string;
  tanggalSelesai: string;
}

export interface PeriodeBaru extends RentangTanggal {
  tahun: number;
  jenis: JenisPeriode;
}

/** One broken rule, named by the field a user should correct. */
export interface PelanggaranAturan {
  field: string;
  code: string;
  message: string;
}

const NAMA_BULAN = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
const ROMAWI = ['I', 'II', 'III', 'IV'];

function triwulanOf(month: number): number {
  return Math.floor((month - 1) / 3) + 1;
}

/**
 * Every rule a new period breaks, in field order (empty when valid):
 * real calendar dates, end strictly after start, both inside `tahun` (one calendar year), and a
 * monthly period inside one month, a quarterly one inside one quarter, so that reports per month
 * or quarter (TPP uses monthly data) never straddle two.
 */
export function checkPeriodeBaru(input: PeriodeBaru): PelanggaranAturan[] {
  const out: PelanggaranAturan[] = [];
  const mulai = parseIsoDate(input.tanggalMulai);
  const selesai = parseIsoDate(input.tanggalSelesai);
  if (!mulai) out.push({ field: 'tanggalMulai', code: 'TANGGAL_TIDAK_VALID', message: 'DateParts mulai bukan tanggal kalender yang valid (YYYY-MM-DD)' });
  if (!selesai) out.push({ field: 'tanggalSelesai', code: 'TANGGAL_TIDAK_VALID', message: 'DateParts selesai bukan tanggal kalender yang valid (YYYY-MM-DD)' });
  if (!mulai || !selesai) return out;

  if (mulai.year !== input.tahun) {
    out.push({ field: 'tanggalMulai', code: 'PERIODE_DI_LUAR_TAHUN', message: `DateParts mulai harus berada di tahun ${input.tahun}` });
  }
  if (selesai.year !== input.tahun) {
    out.push({ field: 'tanggalSelesai', code: 'PERIODE_DI_LUAR_TAHUN', message: `DateParts selesai harus berada di tahun ${input.tahun}` });
  }
  if (compareIsoDates(input.tanggalSelesai, input.tanggalMulai) <= 0) {
    out.push({ field: 'tanggalSelesai', code: 'TANGGAL_SELESAI_TIDAK_SETELAH_MULAI', message: 'DateParts selesai harus setelah tanggal mulai' });
    return out;
  }
  if (mulai.year !== selesai.year) return out; // already reported; month/quarter checks would only repeat it
  if (input.jenis === 'bulanan' && mulai.month !== selesai.month) {
    out.push({ field: 'tanggalSelesai', code: 'PERIODE_BULANAN_MELEWATI_BULAN', message: 'Periode bulanan harus berada dalam satu bulan kalender' });
  }
  if (input.jenis === 'triwulanan' && triwulanOf(mulai.month) !== triwulanOf(selesai.month)) {
    out.push({ field: 'tanggalSelesai', code: 'PERIODE_TRIWULAN_MELEWATI_TRIWULAN', message: 'Periode triwulanan harus berada dalam satu triwulan' });
  }
  return out;
}

/** Inclusive on both ends: a period ending on 31 January overlaps one starting on 31 January. */
export function tumpangTindih(a: RentangTanggal, b: RentangTanggal): boolean {
  return compareIsoDates(a.tanggalMulai, b.tanggalSelesai) <= 0 && compareIsoDates(b.tanggalMulai, a.tanggalSelesai) <= 0;
}

/** A readable default name: `Januari 2026`, `Triwulan I 2026`, `Tahun 2026`. Assumes a valid period. */
export function namaBawaan(input: PeriodeBaru): string {
  const mulai = parseIsoDate(input.tanggalMulai);
  if (!mulai) return `Periode ${input.tahun}`;
  switch (input.jenis) {
    case 'bulanan':
      return `${NAMA_BULAN[mulai.month - 1]} ${input.tahun}`;
    case 'triwulanan':
      return `Triwulan ${ROMAWI[triwulanOf(mulai.month) - 1]} ${input.tahun}`;
    case 'tahunan':
      return `Tahun ${input.tahun}`;
  }
}
