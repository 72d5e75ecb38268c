import type { JenisAsn } from './jenis-asn';

/**
 * Kinds of position (jenis jabatan; UU 20/2023 on ASN, Pasal 18–19: JPT utama/madya/pratama,
 * administrator, pengawas, pelaksana, and fungsional keahlian/keterampilan). The one position-kind
 * code of the platform: personnel stores and publishes these, and appraisal and career read them
 * from personnel's events, so no service declares codes of its own.
 */
export const JENIS_JABATAN = [
  'JPT_UTAMA',
  'JPT_MADYA',
  'JPT_PRATAMA',
  'ADMINISTRATOR',
  'PENGAWAS',
  'PELAKSANA',
  'FUNGSIONAL_KEAHLIAN',
  'FUNGSIONAL_KETERAMPILAN',
] as const;
export type JenisJabatan = (typeof JENIS_JABATAN)[number];

export const JENJANG_KEAHLIAN = ['AHLI_PERTAMA', 'AHLI_MUDA', 'AHLI_MADYA', 'AHLI_UTAMA'] as const;
export const JENJANG_KETERAMPILAN = ['PEMULA', 'TERAMPIL', 'MAHIR', 'PENYELIA'] as const;
export type JenjangFungsional = (typeof JENJANG_KEAHLIAN)[number] | (typeof JENJANG_KETERAMPILAN)[number];
export const SEMUA_JENJANG: readonly JenjangFungsional[] = [...JENJANG_KEAHLIAN, ...JENJANG_KETERAMPILAN];

/** Kelas jabatan (job grade) range used by Perpres on tunjangan kinerja. */
export const KELAS_JABATAN_MIN = 1;
export const KELAS_JABATAN_MAX = 17;

export function isJenisJabatan(value: unknown): value is JenisJabatan {
  return typeof value === 'string' && (JENIS_JABATAN as readonly string[]).includes(value);
}

/** Structural (managerial) positions: JPT, administrator and pengawas. */
export function isStruktural(jenis: JenisJabatan): boolean {
  return jenis.startsWith('JPT_') || jenis === 'ADMINISTRATOR' || jenis === 'PENGAWAS';
}

export function isFungsional(jenis: JenisJabatan): boolean {
  return jenis === 'FUNGSIONAL_KEAHLIAN' || jenis === 'FUNGSIONAL_KETERAMPILAN';
}

/** Managerial rank: JPT Utama 6 … Pengawas 2; non-structural positions 0. */
export function tingkatStruktural(jenis: JenisJabatan): number {
  switch (jenis) {
    case 'JPT_UTAMA':
      return 6;
    case 'JPT_MADYA':
      return 5;
    case 'JPT_PRATAMA':
      return 4;
    case 'ADMINISTRATOR':
      return 3;
    case 'PENGAWAS':
      return 2;
    default:
      return 0;
  }
}

/** A pejabat penilai kinerja must be at least a pengawas (PermenPANRB 6/2022; delegation is handled by overrides). */
export function dapatMenjadiPejabatPenilai(jenis: JenisJabatan): boolean {
  return tingkatStruktural(jenis) >= tingkatStruktural('PENGAWAS');
}

export interface JabatanError {
  field: 'jenjang' | 'jenisJabatan';
  code: string;
  message: string;
}

/** Fungsional positions need a jenjang of their own track; other kinds have none. */
export function validateJenjang(jenis: JenisJabatan, jenjang: string | null | undefined): JabatanError[] {
  if (jenis === 'FUNGSIONAL_KEAHLIAN' || jenis === 'FUNGSIONAL_KETERAMPILAN') {
    const allowed: readonly string[] = jenis === 'FUNGSIONAL_KEAHLIAN' ? JENJANG_KEAHLIAN : JENJANG_KETERAMPILAN;
    if (!jenjang) return [{ field: 'jenjang', code: 'JENJANG_WAJIB', message: 'Jenjang wajib diisi untuk jabatan fungsional' }];
    if (!allowed.includes(jenjang)) {
      return [{ field: 'jenjang', code: 'JENJANG_TIDAK_SESUAI', message: `Jenjang ${jenjang} tidak berlaku untuk ${jenis === 'FUNGSIONAL_KEAHLIAN' ? 'fungsional keahlian' : 'fungsional keterampilan'}` }];
    }
    return [];
  }
  if (jenjang) return [{ field: 'jenjang', code: 'JENJANG_TIDAK_BERLAKU', message: 'Jenjang hanya berlaku untuk jabatan fungsional' }];
  return [];
}

/**
 * Who may hold which kind of position. CPNS are on probation and hold no managerial post; PPPK may
 * hold JPT and fungsional/pelaksana posts but not administrator or pengawas (UU 20/2023) [R].
 */
export function validateJabatanForJenisAsn(jenisAsn: JenisAsn, jenis: JenisJabatan): JabatanError | null {
  if (jenisAsn === 'CPNS' && isStruktural(jenis)) {
    return { field: 'jenisJabatan', code: 'JABATAN_TIDAK_UNTUK_CPNS', message: 'CPNS tidak dapat menduduki jabatan struktural' };
  }
  if ((jenisAsn === 'PPPK' || jenisAsn === 'PPPK_PARUH_WAKTU') && (jenis === 'ADMINISTRATOR' || jenis === 'PENGAWAS')) {
    return { field: 'jenisJabatan', code: 'JABATAN_TIDAK_UNTUK_PPPK', message: 'PPPK tidak dapat menduduki jabatan administrator atau pengawas' };
  }
  if (jenisAsn === 'PPPK_PARUH_WAKTU' && isStruktural(jenis)) {
    return { field: 'jenisJabatan', code: 'JABATAN_TIDAK_UNTUK_PPPK', message: 'PPPK paruh waktu tidak dapat menduduki jabatan struktural' };
  }
  return null;
}
