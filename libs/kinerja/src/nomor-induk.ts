import { addYears, isoDate, isValidCalendarDate, todayInJakarta, type IsoDate } from './dates';
import { isPppk, type JenisAsn, type JenisKelamin } from './jenis-asn';

/**
 * NIP (PNS, Perka BKN 22/2007) and NI PPPK: both 18 digits, with no checksum.
 * What makes a number real is uniqueness and a match against SIASN; here we only refuse numbers
 * that cannot be right: impossible dates, an appointment before working age, a sex digit that is
 * neither 1 nor 2 or contradicts the recorded sex, sequence 000.
 *
 * NIP:     YYYYMMDD (birth) YYYYMM (TMT CPNS) S (1 male, 2 female) NNN (sequence)
 * NI PPPK: YYYYMMDD (birth) YYYY (appointment year) KK (code, 21 observed; not hard-coded) S NNN
 */
export interface NomorIndukError {
  /** Stable machine code, e.g. NIP_TANGGAL_LAHIR_TIDAK_VALID. */
  code: string;
  /** Message in Bahasa Indonesia. */
  message: string;
}

export interface NomorIndukParts {
  jenis: 'NIP' | 'NI_PPPK';
  tanggalLahir: IsoDate;
  jenisKelamin: JenisKelamin;
  nomorUrut: string;
  /** NIP only: TMT CPNS as YYYY-MM. */
  tmtCpns?: string;
  /** NI PPPK only. */
  tahunPengangkatan?: number;
  /** NI PPPK only: the two-digit code after the appointment year. */
  kodePppk?: string;
}

export type NomorIndukResult = { valid: true; parts: NomorIndukParts; errors: [] } | { valid: false; parts?: undefined; errors: NomorIndukError[] };

export interface NomorIndukOptions {
  /** "Today" for the not-in-the-future checks; defaults to today in Asia/Jakarta. */
  referenceDate?: IsoDate;
  /** Minimum age at appointment (TMT CPNS or PPPK appointment year); default 18. */
  minimumAge?: number;
  /** How far after referenceDate a TMT may lie (a NIP is issued before its TMT); default 1 year. */
  maxYearsAhead?: number;
  /** Accepted NI PPPK codes; default: any two digits except 00. Configuration, not code: BKN issues other codes. */
  kodePppkDiizinkan?: readonly string[];
  /** Earliest NI PPPK appointment year; default 2019 (the first PPPK intake under PP 49/2018). */
  tahunPppkMinimum?: number;
  /** When given, the birth date and sex encoded in the number must match them. */
  tanggalLahir?: IsoDate;
  jenisKelamin?: JenisKelamin;
}

const EIGHTEEN_DIGITS = /^\d{18}$/;

/** Removes the spaces, dots and dashes people type into NIPs ("19790601 200501 1 002"). */
export function normalizeNomorInduk(raw: string): string {
  return raw.replace(/[\s.-]/g, '');
}

function birthDateOf(value: string, prefix: string, errors: NomorIndukError[], options: NomorIndukOptions): IsoDate | undefined {
  const y = Number(value.slice(0, 4));
  const m = Number(value.slice(4, 6));
  const d = Number(value.slice(6, 8));
  const today = options.referenceDate ?? todayInJakarta();
  // Do not apply the NIK "+40 for women" rule here: NIPs never use it (Perka BKN 22/2007).
  if (!isValidCalendarDate(y, m, d) || y < 1900 || isoDate(y, m, d) > today) {
    errors.push({ code: `${prefix}_TANGGAL_LAHIR_TIDAK_VALID`, message: `Digit 1–8 ${label(prefix)} bukan tanggal lahir yang valid (YYYYMMDD)` });
    return undefined;
  }
  return isoDate(y, m, d);
}

function label(prefix: string): string {
  return prefix === 'NIP' ? 'NIP' : 'NI PPPK';
}

function sexAndSequence(value: string, prefix: string, errors: NomorIndukError[], options: NomorIndukOptions): JenisKelamin | undefined {
  const digit = value[14];
  let sex: JenisKelamin | undefined;
  if (digit === '1') sex = 'L';
  else if (digit === '2') sex = 'P';
  else errors.push({ code: `${prefix}_JENIS_KELAMIN_TIDAK_VALID`, message: `Digit ke-15 ${label(prefix)} harus 1 (laki-laki) atau 2 (perempuan)` });
  if (sex && options.jenisKelamin && options.jenisKelamin !== sex) {
    errors.push({
      code: `${prefix}_JENIS_KELAMIN_TIDAK_SESUAI`,
      message: `Digit jenis kelamin ${label(prefix)} (${digit}) tidak sesuai dengan jenis kelamin pegawai (${options.jenisKelamin})`,
    });
  }
  if (value.slice(15) === '000') {
    errors.push({ code: `${prefix}_NOMOR_URUT_TIDAK_VALID`, message: `Nomor urut ${label(prefix)} (digit 16–18) tidak boleh 000` });
  }
  return sex;
}

function checkBirthDateMatches(birth: IsoDate | undefined, prefix: string, errors: NomorIndukError[], options: NomorIndukOptions) {
  if (birth && options.tanggalLahir && options.tanggalLahir !== birth) {
    errors.push({
      code: `${prefix}_TANGGAL_LAHIR_TIDAK_SESUAI`,
      message: `Tanggal lahir pada ${label(prefix)} (${birth}) tidak sesuai dengan tanggal lahir pegawai (${options.tanggalLahir})`,
    });
  }
}

export function validateNip(value: string, options: NomorIndukOptions = {}): NomorIndukResult {
  if (typeof value !== 'string' || !EIGHTEEN_DIGITS.test(value)) {
    return { valid: false, errors: [{ code: 'NIP_FORMAT_TIDAK_VALID', message: 'NIP harus terdiri dari tepat 18 digit angka' }] };
  }
  const errors: NomorIndukError[] = [];
  const birth = birthDateOf(value, 'NIP', errors, options);
  checkBirthDateMatches(birth, 'NIP', errors, options);

  const ty = Number(value.slice(8, 12));
  const tm = Number(value.slice(12, 14));
  let tmt: string | undefined;
  if (!isValidCalendarDate(ty, tm, 1) || ty < 1900) {
    errors.push({ code: 'NIP_TMT_TIDAK_VALID', message: 'Digit 9–14 NIP bukan TMT CPNS yang valid (YYYYMM)' });
  } else {
    tmt = `${value.slice(8, 12)}-${value.slice(12, 14)}`;
    const tmtDate = isoDate(ty, tm, 1);
    const latest = addYears(options.referenceDate ?? todayInJakarta(), options.maxYearsAhead ?? 1);
    if (tmtDate > latest) {
      errors.push({ code: 'NIP_TMT_DI_MASA_DEPAN', message: 'TMT CPNS pada NIP terlalu jauh di masa depan' });
    }
    // TMT is a month: the minimum age must be reached within that month at the latest.
    if (birth && tmt < addYears(birth, options.minimumAge ?? 18).slice(0, 7)) {
      errors.push({ code: 'NIP_TMT_SEBELUM_USIA_MINIMUM', message: `TMT CPNS pada NIP lebih awal dari usia minimum ${options.minimumAge ?? 18} tahun` });
    }
  }
  const sex = sexAndSequence(value, 'NIP', errors, options);
  if (errors.length > 0 || !birth || !sex || !tmt) return { valid: false, errors };
  return { valid: true, errors: [], parts: { jenis: 'NIP', tanggalLahir: birth, jenisKelamin: sex, nomorUrut: value.slice(15), tmtCpns: tmt } };
}

export function validateNiPppk(value: string, options: NomorIndukOptions = {}): NomorIndukResult {
  if (typeof value !== 'string' || !EIGHTEEN_DIGITS.test(value)) {
    return { valid: false, errors: [{ code: 'NI_PPPK_FORMAT_TIDAK_VALID', message: 'NI PPPK harus terdiri dari tepat 18 digit angka' }] };
  }
  const errors: NomorIndukError[] = [];
  const birth = birthDateOf(value, 'NI_PPPK', errors, options);
  checkBirthDateMatches(birth, 'NI_PPPK', errors, options);

  const year = Number(value.slice(8, 12));
  const today = options.referenceDate ?? todayInJakarta();
  const maxYear = Number(today.slice(0, 4)) + (options.maxYearsAhead ?? 1);
  if (year < (options.tahunPppkMinimum ?? 2019) || year > maxYear) {
    errors.push({ code: 'NI_PPPK_TAHUN_TIDAK_VALID', message: 'Digit 9–12 NI PPPK bukan tahun pengangkatan yang valid' });
  } else if (birth && year < Number(birth.slice(0, 4)) + (options.minimumAge ?? 18)) {
    errors.push({ code: 'NI_PPPK_TAHUN_SEBELUM_USIA_MINIMUM', message: `Tahun pengangkatan pada NI PPPK lebih awal dari usia minimum ${options.minimumAge ?? 18} tahun` });
  }
  const kode = value.slice(12, 14);
  const allowed = options.kodePppkDiizinkan;
  if (allowed ? !allowed.includes(kode) : kode === '00') {
    errors.push({ code: 'NI_PPPK_KODE_TIDAK_VALID', message: `Kode PPPK ${kode} (digit 13–14) tidak dikenal` });
  }
  const sex = sexAndSequence(value, 'NI_PPPK', errors, options);
  if (errors.length > 0 || !birth || !sex) return { valid: false, errors };
  return {
    valid: true,
    errors: [],
    parts: { jenis: 'NI_PPPK', tanggalLahir: birth, jenisKelamin: sex, nomorUrut: value.slice(15), tahunPengangkatan: year, kodePppk: kode },
  };
}

/** Validates the number an employee of the given jenis ASN must carry: NIP for PNS/CPNS, NI PPPK for PPPK. */
export function validateNomorInduk(value: string, jenisAsn: JenisAsn, options: NomorIndukOptions = {}): NomorIndukResult {
  return isPppk(jenisAsn) ? validateNiPppk(value, options) : validateNip(value, options);
}
