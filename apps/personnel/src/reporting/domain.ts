import { dapatMenjadiPejabatPenilai, type JenisJabatan } from '@capaian/kinerja';

/**
 * Pure rules on a reporting chain (the employee's supervisor, that person's supervisor, …) as
 * computed from the position tree and overrides (see the SQL function personnel_supervisors_at).
 */
export interface ChainLink {
  employeeId: string;
  jenisJabatan: JenisJabatan | null;
  opdId: string | null;
  /** Holds the head position of their OPD. */
  opdHead: boolean;
  /** Holds the head position of their own unit (a kepala sekolah or kepala puskesmas may be a fungsional). */
  unitHead?: boolean;
}

/**
 * The chain "up to the OPD head": links while they are in the employee's OPD, ending with the
 * OPD head. Someone above the OPD (the Sekda for a kepala dinas) is not part of it.
 */
export function chainWithinOpd<T extends ChainLink>(employeeOpdId: string | null, chain: readonly T[]): T[] {
  const out: T[] = [];
  for (const link of chain) {
    if (link.opdId !== employeeOpdId) break;
    out.push(link);
    if (link.opdHead) break;
  }
  return out;
}

export type PenilaiBasis = 'ATASAN_LANGSUNG' | 'PENUNJUKAN' | 'ATASAN_BERJENJANG';

export interface AppraiserChoice {
  /** Index into the chain of the pejabat penilai. */
  penilai: number;
  /** Index of the atasan pejabat penilai (the penilai's own supervisor), or null if none. */
  atasanPenilai: number | null;
  basis: PenilaiBasis;
}

/** At least a pengawas, or the head of a unit (the head of a unit is its delegated appraiser). */
export function eligiblePenilai(link: ChainLink): boolean {
  return (link.jenisJabatan !== null && dapatMenjadiPejabatPenilai(link.jenisJabatan)) || link.unitHead === true;
}

/**
 * Pejabat penilai kinerja (docs/domain.md §3.7): the direct supervisor if at least a pengawas (or head of
 * a unit). An explicit override counts as a delegation (penunjukan) whatever the position. Otherwise
 * the first higher supervisor who qualifies. The atasan pejabat penilai is the penilai's supervisor.
 * Null when nobody qualifies (for example the Sekda, appraised by the Wali Kota outside the system).
 */
export function chooseAppraisers(chain: readonly ChainLink[], directIsOverride: boolean): AppraiserChoice | null {
  if (chain.length === 0) return null;
  let index = -1;
  let basis: PenilaiBasis = 'ATASAN_LANGSUNG';
  if (directIsOverride) {
    index = 0;
    basis = 'PENUNJUKAN';
  } else {
    index = chain.findIndex(eligiblePenilai);
    if (index < 0) return null;
    if (index > 0) basis = 'ATASAN_BERJENJANG';
  }
  return { penilai: index, atasanPenilai: index + 1 < chain.length ? index + 1 : null, basis };
}

/** One employee in the current reporting graph: their effective supervisor and what qualifies them. */
export interface GraphNode extends ChainLink {
  /** Effective direct supervisor (override or position tree), null at the top. */
  supervisorId: string | null;
  /** The explicit override, when one is set (it may point at someone no longer active). */
  overrideId: string | null;
}

/** The ids of an employee's appraisers, comparable across two states of the graph. */
export interface AppraiserIds {
  penilaiId: string | null;
  atasanPenilaiId: string | null;
  basis: PenilaiBasis | null;
}

export const NO_APPRAISERS: AppraiserIds = { penilaiId: null, atasanPenilaiId: null, basis: null };

/** The supervisors of `employeeId`, nearest first, stopping at the top, at a repeat or after 32 links. */
export function chainIn(employeeId: string, nodes: ReadonlyMap<string, GraphNode>): GraphNode[] {
  const seen = new Set<string>([employeeId]);
  const out: GraphNode[] = [];
  let next = nodes.get(employeeId)?.supervisorId ?? null;
  while (next && !seen.has(next) && out.length < 32) {
    const node = nodes.get(next);
    if (!node) break;
    seen.add(next);
    out.push(node);
    next = node.supervisorId;
  }
  return out;
}

/** Appraisers of one employee from a graph holding their whole chain (same rule as chooseAppraisers). */
export function appraisersIn(employeeId: string, nodes: ReadonlyMap<string, GraphNode>): AppraiserIds {
  const self = nodes.get(employeeId);
  if (!self) return NO_APPRAISERS;
  const chain = chainIn(employeeId, nodes);
  const directIsOverride = self.overrideId !== null && chain[0]?.employeeId === self.overrideId;
  const choice = chooseAppraisers(chain, directIsOverride);
  if (!choice) return NO_APPRAISERS;
  return {
    penilaiId: chain[choice.penilai].employeeId,
    atasanPenilaiId: choice.atasanPenilai === null ? null : chain[choice.atasanPenilai].employeeId,
    basis: choice.basis,
  };
}

export function sameAppraisers(a: AppraiserIds, b: AppraiserIds): boolean {
  return a.penilaiId === b.penilaiId && a.atasanPenilaiId === b.atasanPenilaiId && a.basis === b.basis;
}

/**
 * Whether a change above `node` can alter the appraisers of the people below it. Someone who
 * qualifies as penilai ends the search for everyone under them: their reports' penilai is them (or
 * someone nearer) and the atasan penilai is their own supervisor, whoever that becomes — a change
 * of that supervisor makes `node` itself a changed employee, searched from separately.
 */
export function shieldsReports(node: ChainLink): boolean {
  return eligiblePenilai(node);
}
