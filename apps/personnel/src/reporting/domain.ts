import { dapatMenjadiPejabatPenilai, type JenisJabatan } from '@capaian/kinerja';

/**
 * Pure rules on a reporting chain (the employee's supervisor, that person's supervisor, …) as
 * computed from the position tree and overrides (see the SQL function personnel_supervisor_at).
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
 * Pejabat penilai kinerja (domain.md §5.4): the direct supervisor if at least a pengawas (or head of
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
