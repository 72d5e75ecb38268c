import { isPppk, type JenisAsn } from './jenis-asn';

/**
 * Golongan/ruang and pangkat (PP 99/2000 for PNS; Perpres 98/2020 for PPPK, which has golongan
 * I–XVII and no pangkat). Order matters: promotions (kenaikan pangkat) only move up.
 */
export const GOLONGAN_PNS = [
  { golongan: 'I/a', pangkat: 'Juru Muda' },
  { golongan: 'I/b', pangkat: 'Juru Muda Tingkat I' },
  { golongan: 'I/c', pangkat: 'Juru' },
  { golongan: 'I/d', pangkat: 'Juru Tingkat I' },
  { golongan: 'II/a', pangkat: 'Pengatur Muda' },
  { golongan: 'II/b', pangkat: 'Pengatur Muda Tingkat I' },
  { golongan: 'II/c', pangkat: 'Pengatur' },
  { golongan: 'II/d', pangkat: 'Pengatur Tingkat I' },
  { golongan: 'III/a', pangkat: 'Penata Muda' },
  { golongan: 'III/b', pangkat: 'Penata Muda Tingkat I' },
  { golongan: 'III/c', pangkat: 'Penata' },
  { golongan: 'III/d', pangkat: 'Penata Tingkat I' },
  { golongan: 'IV/a', pangkat: 'Pembina' },
  { golongan: 'IV/b', pangkat: 'Pembina Tingkat I' },
  { golongan: 'IV/c', pangkat: 'Pembina Utama Muda' },
  { golongan: 'IV/d', pangkat: 'Pembina Utama Madya' },
  { golongan: 'IV/e', pangkat: 'Pembina Utama' },
] as const;

export const GOLONGAN_PPPK = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII'] as const;

export type GolonganPns = (typeof GOLONGAN_PNS)[number]['golongan'];
export type GolonganPppk = (typeof GOLONGAN_PPPK)[number];
export type Golongan = GolonganPns | GolonganPppk;

/** Every golongan code, PNS first, for enumerations in APIs and schemas. */
export const SEMUA_GOLONGAN: readonly Golongan[] = [...GOLONGAN_PNS.map((g) => g.golongan), ...GOLONGAN_PPPK];

const PNS_INDEX = new Map<string, number>(GOLONGAN_PNS.map((g, i) => [g.golongan, i]));
const PPPK_INDEX = new Map<string, number>(GOLONGAN_PPPK.map((g, i) => [g, i]));
/** Pangkat by golongan; comparisons go through normalizePangkat so "Tk. I" equals "Tingkat I". */
const PANGKAT_BY_GOLONGAN = new Map<string, string>(GOLONGAN_PNS.map((g) => [g.golongan, g.pangkat]));

export function isGolonganPns(value: unknown): value is GolonganPns {
  return typeof value === 'string' && PNS_INDEX.has(value);
}

export function isGolonganPppk(value: unknown): value is GolonganPppk {
  return typeof value === 'string' && PPPK_INDEX.has(value);
}

/** The pangkat of a PNS golongan; PPPK golongan have none. */
export function pangkatOf(golongan: string): string | null {
  return PANGKAT_BY_GOLONGAN.get(golongan) ?? null;
}

/** Rank within its own scale (0-based); -1 if unknown. Only golongan of the same scale compare. */
export function golonganRank(golongan: string): number {
  return PNS_INDEX.get(golongan) ?? PPPK_INDEX.get(golongan) ?? -1;
}

const ROMAN = ['I', 'II', 'III', 'IV'];
const ROMAN_PPPK: Record<string, string> = Object.fromEntries(GOLONGAN_PPPK.map((g, i) => [String(i + 1), g]));

/**
 * Reads golongan the ways agencies type them: "III/a", "III/A", "III a", "IIIa", "3/a", "3a";
 * PPPK "IX", "ix" or "9". Returns the canonical code, or the trimmed input if it is none of these
 * (validation then reports it).
 */
export function normalizeGolongan(raw: string, jenisAsn?: JenisAsn): string {
  const value = raw.trim().replace(/\s+/g, ' ');
  const pns = /^(IV|III|II|I|[1-4])\s*[/ ]?\s*([a-eA-E])$/i.exec(value);
  if (pns && !(jenisAsn && isPppk(jenisAsn))) {
    const group = /^\d$/.test(pns[1]) ? ROMAN[Number(pns[1]) - 1] : pns[1].toUpperCase();
    return `${group}/${pns[2].toLowerCase()}`;
  }
  if (/^\d{1,2}$/.test(value) && ROMAN_PPPK[String(Number(value))]) return ROMAN_PPPK[String(Number(value))];
  const upper = value.toUpperCase();
  if (PPPK_INDEX.has(upper)) return upper;
  return value;
}

export interface GolonganError {
  code: string;
  message: string;
  field: 'golongan' | 'pangkat';
}

/**
 * Golongan must come from the scale of the jenis ASN (PNS/CPNS: I/a–IV/e; PPPK: I–XVII). PPPK paruh
 * waktu may have none. A pangkat, when given, must be the one of the golongan.
 */
export function validateGolongan(jenisAsn: JenisAsn, golongan: string | null | undefined, pangkat?: string | null): GolonganError[] {
  const errors: GolonganError[] = [];
  if (golongan === null || golongan === undefined || golongan === '') {
    if (jenisAsn !== 'PPPK_PARUH_WAKTU') errors.push({ field: 'golongan', code: 'GOLONGAN_WAJIB', message: 'Golongan wajib diisi' });
    if (pangkat) errors.push({ field: 'pangkat', code: 'PANGKAT_TANPA_GOLONGAN', message: 'Pangkat diisi tanpa golongan' });
    return errors;
  }
  if (isPppk(jenisAsn)) {
    if (!isGolonganPppk(golongan)) {
      errors.push({
        field: 'golongan',
        code: isGolonganPns(golongan) ? 'GOLONGAN_TIDAK_SESUAI_JENIS_ASN' : 'GOLONGAN_TIDAK_DIKENAL',
        message: isGolonganPns(golongan) ? `Golongan ${golongan} adalah golongan PNS, bukan golongan PPPK (I–XVII)` : `Golongan ${golongan} tidak dikenal`,
      });
    }
    if (pangkat) errors.push({ field: 'pangkat', code: 'PANGKAT_TIDAK_BERLAKU_PPPK', message: 'PPPK tidak memiliki pangkat' });
    return errors;
  }
  if (!isGolonganPns(golongan)) {
    errors.push({
      field: 'golongan',
      code: isGolonganPppk(golongan) ? 'GOLONGAN_TIDAK_SESUAI_JENIS_ASN' : 'GOLONGAN_TIDAK_DIKENAL',
      message: isGolonganPppk(golongan) ? `Golongan ${golongan} adalah golongan PPPK, bukan golongan PNS (I/a–IV/e)` : `Golongan ${golongan} tidak dikenal`,
    });
    return errors;
  }
  if (pangkat && normalizePangkat(pangkat) !== normalizePangkat(pangkatOf(golongan)!)) {
    errors.push({ field: 'pangkat', code: 'PANGKAT_TIDAK_SESUAI_GOLONGAN', message: `Pangkat golongan ${golongan} adalah ${pangkatOf(golongan)}, bukan ${pangkat}` });
  }
  return errors;
}

function normalizePangkat(value: string): string {
  return value
    .toLowerCase()
    .replace(/\btk\.?\s*/g, 'tingkat ')
    .replace(/\s+/g, ' ')
    .trim();
}
