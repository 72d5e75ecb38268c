import type { BentukPengembangan, Lingkup } from './bentuk-pengembangan';

/**
 * How a finished activity turns into recognised Jam Pelajaran (domain.md §4.5). The numbers come
 * from one institutional guideline, and a Perwali or LAN can change them, so they are data: a
 * deployment passes its own KonfigurasiKonversiJp instead of editing code.
 */
export type AturanKonversiJp =
  /** The JP printed on the certificate (STTPP), plus a percentage when the activity is international. */
  | { cara: 'sertifikat'; bonusInternasionalPersen: number }
  /** A fixed number of JP per day of attendance, by scope. */
  | { cara: 'per_hari'; jpPerHari: Record<Lingkup, number> };

export type KonfigurasiKonversiJp = Record<BentukPengembangan, AturanKonversiJp>;

const sertifikat: AturanKonversiJp = { cara: 'sertifikat', bonusInternasionalPersen: 0 };

export const konversiJpBawaan: KonfigurasiKonversiJp = {
  pelatihan_klasikal: { cara: 'sertifikat', bonusInternasionalPersen: 20 },
  seminar: { cara: 'per_hari', jpPerHari: { nasional: 4, internasional: 6 } },
  workshop: { cara: 'per_hari', jpPerHari: { nasional: 5, internasional: 7 } },
  pelatihan_dasar: sertifikat,
  pka: sertifikat,
  pkp: sertifikat,
  pkn_i: sertifikat,
  pkn_ii: sertifikat,
  // Non-classical formats count "per the LAN non-classical guideline" [V S11], whose tables were not
  // available to this research: until BKPSDM supplies them, the JP stated on the verified evidence count.
  e_learning: sertifikat,
  coaching: sertifikat,
  mentoring: sertifikat,
  detasering: sertifikat,
  benchmarking: sertifikat,
  magang: sertifikat,
  belajar_mandiri: sertifikat,
  komunitas_belajar: sertifikat,
};

export interface KegiatanSelesai {
  bentuk: BentukPengembangan;
  lingkup: Lingkup;
  /** JP printed on the certificate; required when the rule is `sertifikat`. */
  jpSertifikat?: number;
  /** Days attended; required when the rule is `per_hari`. */
  jumlahHari?: number;
}

export class KonversiJpError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'KonversiJpError';
  }
}

function nonNegativeInt(value: number | undefined, code: string, message: string): number {
  if (value === undefined || !Number.isInteger(value) || value < 0) throw new KonversiJpError(code, message);
  return value;
}

/**
 * Recognised JP for one activity. Fractions round down: the ledger never recognises more
 * than was earned (17 JP + 20% = 20.4 → 20).
 */
export function hitungJpDiakui(kegiatan: KegiatanSelesai, konfigurasi: KonfigurasiKonversiJp = konversiJpBawaan): number {
  const aturan = Object.hasOwn(konfigurasi, kegiatan.bentuk) ? konfigurasi[kegiatan.bentuk] : undefined;
  if (!aturan) throw new KonversiJpError('BENTUK_TANPA_ATURAN_JP', `Tidak ada aturan konversi JP untuk bentuk ${kegiatan.bentuk}`);
  if (aturan.cara === 'sertifikat') {
    const jp = nonNegativeInt(kegiatan.jpSertifikat, 'JP_SERTIFIKAT_WAJIB', 'JP pada sertifikat wajib diisi dengan bilangan bulat ≥ 0');
    const persen = kegiatan.lingkup === 'internasional' ? aturan.bonusInternasionalPersen : 0;
    return Math.floor((jp * (100 + persen)) / 100);
  }
  const hari = nonNegativeInt(kegiatan.jumlahHari, 'JUMLAH_HARI_WAJIB', 'Jumlah hari wajib diisi dengan bilangan bulat ≥ 0');
  return hari * aturan.jpPerHari[kegiatan.lingkup];
}

/** The most JP an activity of this form and length can be worth, or null when only the certificate decides. */
export function jpMaksimumPerKegiatan(
  bentuk: BentukPengembangan,
  lingkup: Lingkup,
  jumlahHari: number,
  konfigurasi: KonfigurasiKonversiJp = konversiJpBawaan,
): number | null {
  const aturan = Object.hasOwn(konfigurasi, bentuk) ? konfigurasi[bentuk] : undefined;
  return aturan?.cara === 'per_hari' ? jumlahHari * aturan.jpPerHari[lingkup] : null;
}

export interface KebijakanJpTahunan {
  /** PNS: at least 20 JP a year (PP 11/2017 jo PP 17/2020 Pasal 203(4)). */
  minimumJp: number;
  /** Optional yearly ceiling on recognised JP (e.g. a PPPK cap, unverified [R]); none by default. */
  maksimumDiakuiJp?: number;
}

export const kebijakanJpPnsBawaan: KebijakanJpTahunan = { minimumJp: 20 };

export interface EntriJp {
  /** The activity's last day (`YYYY-MM-DD`): JP count in the year the activity ends. */
  tanggalSelesai: string;
  jp: number;
  /** JP count only once the certificate is verified (domain.md §5.11). */
  sertifikatTerverifikasi: boolean;
}

export interface RekapJpTahunan {
  tahun: number;
  totalJp: number;
  memenuhi: boolean;
  kekuranganJp: number;
}

export function rekapJpTahunan(entri: readonly EntriJp[], tahun: number, kebijakan: KebijakanJpTahunan = kebijakanJpPnsBawaan): RekapJpTahunan {
  const prefix = `${String(tahun).padStart(4, '0')}-`;
  const diakui = entri.filter((e) => e.sertifikatTerverifikasi && e.tanggalSelesai.startsWith(prefix)).reduce((sum, e) => sum + e.jp, 0);
  const totalJp = kebijakan.maksimumDiakuiJp === undefined ? diakui : Math.min(diakui, kebijakan.maksimumDiakuiJp);
  return { tahun, totalJp, memenuhi: totalJp >= kebijakan.minimumJp, kekuranganJp: Math.max(0, kebijakan.minimumJp - totalJp) };
}
