import type { Rhk, RhkKind, SkpState } from './skp';

/** One RHK of the penilai's set SKP, as a subordinate picks it to link (intervensi) their own RHK. */
export interface PenilaiRhkOption {
  id: string;
  kind: RhkKind;
  description: string;
  indicators: { description: string; target: number | null; unit: string | null }[];
}

/**
 * Who may read the RHK an SKP links to: its owner (the penilai's subordinate) and its penilai.
 * Nobody else — not the atasan penilai, not an admin — needs the penilai's plan to write this one.
 */
export function mayReadPenilaiRhk(callerNip: string | null | undefined, skp: Pick<SkpState, 'snapshot' | 'penilaiNip'>): boolean {
  return !!callerNip && (callerNip === skp.snapshot.nip || callerNip === skp.penilaiNip);
}

/** The options, in the order the penilai wrote them (utama before tambahan, as the SKP lists them). */
export function penilaiRhkOptions(rhk: readonly Rhk[]): PenilaiRhkOption[] {
  const rank = (k: RhkKind) => (k === 'UTAMA' ? 0 : 1);
  return rhk
    .map((r, i) => ({ r, i }))
    .sort((a, b) => rank(a.r.kind) - rank(b.r.kind) || a.i - b.i)
    .map(({ r }) => ({
      id: r.id,
      kind: r.kind,
      description: r.description,
      indicators: r.indicators.map((ind) => ({ description: ind.description, target: ind.target, unit: ind.unit })),
    }));
}
