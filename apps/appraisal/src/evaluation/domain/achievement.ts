import type { Rating } from '@capaian/kinerja';

/**
 * The aid to rating hasil kerja. PermenPANRB 6/2022 mandates no numeric weighting: the penilai
 * decides. The platform only *suggests* a rating from capaian (realization against target), and
 * the penilai confirms it or overrides it with a reason (docs/appraisal-rules.md).
 */
export type Aspek = 'KUANTITAS' | 'KUALITAS' | 'WAKTU' | 'BIAYA';
export type Direction = 'NAIK' | 'TURUN';

/** Percent of the target reached above which an indicator is "di atas", and from which it is "sesuai". Configuration, to be confirmed by BKPSDM. */
export interface AchievementBands {
  above: number;
  meets: number;
}
export const DEFAULT_ACHIEVEMENT_BANDS: AchievementBands = { above: 110, meets: 90 };

/** Capaian is capped so that one runaway indicator cannot carry an RHK. */
export const MAX_CAPAIAN = 200;

/**
 * Capaian of one indicator, in percent (0–200), or null when it cannot be computed (no numeric
 * target or no realization).
 *
 * - `NAIK` (higher is better: complaints handled, satisfaction index, innovations adopted):
 *   realization / target. A target of 0 is met by anything and exceeded by anything above it.
 * - `TURUN` (lower is better: days to answer, cost): target / realization, so finishing in 8 days
 *   against a target of 10 is 125 %. A realization of 0 against a positive target is the best
 *   possible result; 0 against 0 is exactly on target.
 * - Aspek `BIAYA` never rewards spending below zero, and aspek `WAKTU`/`BIAYA` with direction
 *   `NAIK` is allowed (e.g. hours of service per week) — the direction, not the aspek, decides.
 */
export function capaian(aspek: Aspek, direction: Direction, target: number | null, realization: number | null): number | null {
  if (target === null || realization === null || !Number.isFinite(target) || !Number.isFinite(realization) || target < 0) return null;
  const r = aspek === 'BIAYA' ? Math.max(0, realization) : realization;
  let percent: number;
  if (direction === 'NAIK') {
    if (target === 0) percent = r > 0 ? MAX_CAPAIAN : 100;
    else percent = (r / target) * 100;
  } else {
    if (r <= 0) percent = target === 0 ? 100 : MAX_CAPAIAN;
    else percent = (target / r) * 100;
  }
  return round2(Math.min(MAX_CAPAIAN, Math.max(0, percent)));
}

export function classify(percent: number, bands: AchievementBands = DEFAULT_ACHIEVEMENT_BANDS): Rating {
  if (percent >= bands.above) return 'DI_ATAS';
  if (percent >= bands.meets) return 'SESUAI';
  return 'DI_BAWAH';
}

export interface RhkAchievement {
  rhkId: string;
  kind: 'UTAMA' | 'TAMBAHAN';
  /** Capaian of each indicator that has one. */
  capaian: number[];
}

export interface RhkClass {
  rhkId: string;
  kind: 'UTAMA' | 'TAMBAHAN';
  /** Mean capaian of the RHK's indicators, or null when none is computable. */
  capaian: number | null;
  rating: Rating | null;
}

export function classifyRhk(rhk: RhkAchievement, bands: AchievementBands = DEFAULT_ACHIEVEMENT_BANDS): RhkClass {
  if (rhk.capaian.length === 0) return { rhkId: rhk.rhkId, kind: rhk.kind, capaian: null, rating: null };
  const mean = round2(rhk.capaian.reduce((a, b) => a + b, 0) / rhk.capaian.length);
  return { rhkId: rhk.rhkId, kind: rhk.kind, capaian: mean, rating: classify(mean, bands) };
}

/**
 * The suggested rating hasil kerja from the RHK classes, after the definitions of PermenPANRB
 * 6/2022: "di atas" when most RHK are above expectation and no RHK utama is below; "di bawah" when
 * most are below; "sesuai" otherwise. "Most" means more than half of the RHK that could be
 * classified. Null when none could (the kualitatif approach without numeric targets): the penilai
 * rates without a suggestion.
 */
export function suggestedRating(classes: readonly RhkClass[]): Rating | null {
  const rated = classes.filter((c) => c.rating !== null);
  if (rated.length === 0) return null;
  const above = rated.filter((c) => c.rating === 'DI_ATAS').length;
  const below = rated.filter((c) => c.rating === 'DI_BAWAH').length;
  const utamaBelow = rated.some((c) => c.kind === 'UTAMA' && c.rating === 'DI_BAWAH');
  if (below * 2 > rated.length) return 'DI_BAWAH';
  if (above * 2 > rated.length && !utamaBelow) return 'DI_ATAS';
  return 'SESUAI';
}

/**
 * Rating perilaku from the penilai's rating of each BerAKHLAK value, with the same reading of
 * "most": more than half of the seven above (and none below) → di atas; more than half below →
 * di bawah; otherwise sesuai.
 */
export function ratingPerilaku(perValue: readonly Rating[]): Rating {
  const above = perValue.filter((r) => r === 'DI_ATAS').length;
  const below = perValue.filter((r) => r === 'DI_BAWAH').length;
  if (below * 2 > perValue.length) return 'DI_BAWAH';
  if (above * 2 > perValue.length && below === 0) return 'DI_ATAS';
  return 'SESUAI';
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
