/** Kinds of ASN (UU 20/2023; PPPK paruh waktu since 2025). */
export const JENIS_ASN = ['PNS', 'CPNS', 'PPPK', 'PPPK_PARUH_WAKTU'] as const;
export type JenisAsn = (typeof JENIS_ASN)[number];

export function isJenisAsn(value: unknown): value is JenisAsn {
  return typeof value === 'string' && (JENIS_ASN as readonly string[]).includes(value);
}

/** PNS and CPNS carry a NIP; both kinds of PPPK carry an NI PPPK. */
export function isPppk(jenis: JenisAsn): boolean {
  return jenis === 'PPPK' || jenis === 'PPPK_PARUH_WAKTU';
}

/** Sex as recorded by BKN: L (laki-laki) or P (perempuan). */
export const JENIS_KELAMIN = ['L', 'P'] as const;
export type JenisKelamin = (typeof JENIS_KELAMIN)[number];

/** Employment status of an employee. CUTI keeps the position; PENSIUN and KELUAR end it. */
export const STATUS_PEGAWAI = ['AKTIF', 'CUTI', 'PENSIUN', 'KELUAR'] as const;
export type StatusPegawai = (typeof STATUS_PEGAWAI)[number];

export function isActiveStatus(status: StatusPegawai): boolean {
  return status === 'AKTIF' || status === 'CUTI';
}
