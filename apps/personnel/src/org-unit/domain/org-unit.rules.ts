import type { JenisJabatan, Violation } from '@capaian/kinerja';
import { PositionMessages } from '../../position/position.messages';
import { OrgUnitMessages as M } from '../org-unit.messages';

/**
 * Rules of the city's organisation tree, pure TypeScript: Pemerintah Kota → OPD (dinas, badan,
 * sekretariat, inspektorat, kecamatan, RSUD…) → bidang/bagian/sekretariat/UPTD/kelurahan →
 * seksi/subbagian/subbidang. Which kind may sit under which is a table, so a reorganisation
 * (Perwali on SOTK) changes data here, not code paths.
 */
export const UNIT_KINDS = [
  'PEMERINTAH_KOTA',
  'SEKRETARIAT_DAERAH',
  'SEKRETARIAT_DPRD',
  'INSPEKTORAT',
  'DINAS',
  'BADAN',
  'SATUAN_POLISI_PAMONG_PRAJA',
  'KECAMATAN',
  'RUMAH_SAKIT_DAERAH',
  'ASISTEN',
  'SEKRETARIAT',
  'BIDANG',
  'BAGIAN',
  'INSPEKTUR_PEMBANTU',
  'UPTD',
  'KELURAHAN',
  'SUBBAGIAN',
  'SUBBIDANG',
  'SEKSI',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** Kinds that are an OPD (perangkat daerah): the level whose code is the `opd` claim. */
export const OPD_KINDS: readonly UnitKind[] = [
  'SEKRETARIAT_DAERAH',
  'SEKRETARIAT_DPRD',
  'INSPEKTORAT',
  'DINAS',
  'BADAN',
  'SATUAN_POLISI_PAMONG_PRAJA',
  'KECAMATAN',
  'RUMAH_SAKIT_DAERAH',
];

const ALLOWED_PARENTS: Record<UnitKind, readonly UnitKind[]> = {
  PEMERINTAH_KOTA: [],
  SEKRETARIAT_DAERAH: ['PEMERINTAH_KOTA'],
  SEKRETARIAT_DPRD: ['PEMERINTAH_KOTA'],
  INSPEKTORAT: ['PEMERINTAH_KOTA'],
  DINAS: ['PEMERINTAH_KOTA'],
  BADAN: ['PEMERINTAH_KOTA'],
  SATUAN_POLISI_PAMONG_PRAJA: ['PEMERINTAH_KOTA'],
  KECAMATAN: ['PEMERINTAH_KOTA'],
  RUMAH_SAKIT_DAERAH: ['PEMERINTAH_KOTA'],
  ASISTEN: ['SEKRETARIAT_DAERAH'],
  SEKRETARIAT: ['DINAS', 'BADAN', 'INSPEKTORAT', 'SATUAN_POLISI_PAMONG_PRAJA', 'KECAMATAN', 'RUMAH_SAKIT_DAERAH'],
  BIDANG: ['DINAS', 'BADAN', 'SATUAN_POLISI_PAMONG_PRAJA', 'RUMAH_SAKIT_DAERAH'],
  BAGIAN: ['SEKRETARIAT_DAERAH', 'ASISTEN', 'SEKRETARIAT_DPRD', 'RUMAH_SAKIT_DAERAH'],
  INSPEKTUR_PEMBANTU: ['INSPEKTORAT'],
  UPTD: ['DINAS', 'BADAN'],
  KELURAHAN: ['KECAMATAN'],
  SUBBAGIAN: ['SEKRETARIAT', 'BAGIAN'],
  SUBBIDANG: ['BIDANG'],
  SEKSI: ['BIDANG', 'KECAMATAN', 'KELURAHAN', 'UPTD', 'SATUAN_POLISI_PAMONG_PRAJA'],
};

export function isUnitKind(value: unknown): value is UnitKind {
  return typeof value === 'string' && (UNIT_KINDS as readonly string[]).includes(value);
}

export function isOpdKind(kind: UnitKind): boolean {
  return OPD_KINDS.includes(kind);
}

export function allowedParentKinds(kind: UnitKind): readonly UnitKind[] {
  return ALLOWED_PARENTS[kind];
}

export const UNIT_CODE_PATTERN = /^[A-Z0-9_-]{2,64}$/;

/** A unit as the rules see it. */
export interface UnitNode {
  id: string;
  code: string;
  kind: UnitKind;
  parentId: string | null;
  status: 'AKTIF' | 'DITUTUP';
}

/**
 * Where a unit of `kind` may be placed. `parent` is null when the caller gave no parent (only the
 * city root may have none); `existingRoot` says whether the root already exists.
 */
export function checkPlacement(kind: UnitKind, parent: UnitNode | null, existingRoot: boolean): Violation | null {
  if (kind === 'PEMERINTAH_KOTA') {
    if (parent) return M.violation('UNIT_AKAR_TIDAK_BERINDUK', {}, 'parentId');
    if (existingRoot) return M.violation('UNIT_AKAR_SUDAH_ADA');
    return null;
  }
  if (!parent) return M.violation('UNIT_INDUK_WAJIB', {}, 'parentId');
  if (parent.status !== 'AKTIF') return M.violation('UNIT_INDUK_DITUTUP', { code: parent.code }, 'parentId');
  const allowed = ALLOWED_PARENTS[kind];
  if (!allowed.includes(parent.kind)) {
    return M.violation('JENIS_UNIT_TIDAK_SESUAI_INDUK', { kind, parentKind: parent.kind, allowed: allowed.join(', ') }, 'parentId');
  }
  return null;
}

/**
 * Moving `unit` under `newParent` must not create a cycle: the new parent may be neither the unit
 * itself nor one of its descendants. `ancestorsOfNewParent` lists the new parent's ancestors ids
 * (nearest first), as stored.
 */
export function checkMoveCycle(unitId: string, newParentId: string, ancestorsOfNewParent: readonly string[]): Violation | null {
  if (newParentId === unitId || ancestorsOfNewParent.includes(unitId)) {
    return M.violation('UNIT_SIKLUS', {}, 'parentId');
  }
  return null;
}

/** What still hangs off a unit when someone asks to close it. */
export interface ClosureBlockers {
  activeChildUnits: number;
  activeEmployees: number;
  /** Positions outside the unit that report to a position inside it. */
  externalReports: number;
}

/** A unit closes only when empty: no open sub-units, nobody working in it, nobody reporting into it. */
export function checkClosure(unit: UnitNode, blockers: ClosureBlockers): Violation | null {
  if (unit.status === 'DITUTUP') return M.violation('UNIT_SUDAH_DITUTUP', { code: unit.code });
  if (unit.kind === 'PEMERINTAH_KOTA') return M.violation('UNIT_AKAR_TIDAK_DAPAT_DITUTUP');
  if (blockers.activeChildUnits > 0) {
    return M.violation('UNIT_MASIH_MEMILIKI_SUBUNIT', { code: unit.code, count: blockers.activeChildUnits });
  }
  if (blockers.activeEmployees > 0) {
    return M.violation('UNIT_MASIH_MEMILIKI_PEGAWAI', { code: unit.code, count: blockers.activeEmployees });
  }
  if (blockers.externalReports > 0) {
    return M.violation('UNIT_MASIH_MENJADI_ATASAN', { code: unit.code, count: blockers.externalReports });
  }
  return null;
}

/** Level of a unit under a parent of the given level (root = 0, OPD = 1, …). */
export function levelUnder(parentLevel: number | null): number {
  return parentLevel === null ? 0 : parentLevel + 1;
}

/**
 * The head of a unit is one of the unit's own open positions, held by one person, and structural
 * or fungsional (a pelaksana never heads a unit).
 */
export function checkHeadCandidate(
  unit: { id: string; code: string },
  position: { code: string; unitId: string; status: 'AKTIF' | 'DITUTUP'; capacity: number; jenisJabatan: JenisJabatan },
  field = 'headPositionId',
): Violation | null {
  if (position.unitId !== unit.id) return M.violation('KEPALA_UNIT_DI_LUAR_UNIT', { position: position.code, unit: unit.code }, field);
  if (position.status !== 'AKTIF') return PositionMessages.violation('JABATAN_SUDAH_DITUTUP', { code: position.code }, field);
  if (position.capacity !== 1) return PositionMessages.violation('KEPALA_UNIT_HANYA_SATU', {}, field);
  if (position.jenisJabatan === 'PELAKSANA') return PositionMessages.violation('KEPALA_UNIT_TIDAK_BOLEH_PELAKSANA', {}, field);
  return null;
}
