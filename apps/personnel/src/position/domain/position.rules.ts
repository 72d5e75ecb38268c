import { validateJenjang, KELAS_JABATAN_MAX, KELAS_JABATAN_MIN, type JenisJabatan, type Violation } from '@capaian/kinerja';
import { kernelViolation } from '../../common/personnel.messages';
import { PositionMessages as M } from '../position.messages';

/**
 * Rules of positions (jabatan) and of the position tree that reporting lines follow. A position
 * reports to one position; by default (OTOMATIS) that is the head of its own unit, or for a head
 * the head of the nearest ancestor unit that has one. MANUAL keeps an explicitly chosen superior.
 */
export const POSITION_CODE_PATTERN = /^[A-Z0-9_.-]{2,80}$/;

export type ReportsToMode = 'OTOMATIS' | 'MANUAL';

export interface PositionAttributes {
  jenisJabatan: JenisJabatan;
  jenjang: string | null;
  kelasJabatan: number | null;
  capacity: number;
  head: boolean;
}

export function validatePositionAttributes(p: PositionAttributes): Violation[] {
  const errors: Violation[] = validateJenjang(p.jenisJabatan, p.jenjang).map((e) => kernelViolation(M, e));
  if (p.kelasJabatan !== null && (!Number.isInteger(p.kelasJabatan) || p.kelasJabatan < KELAS_JABATAN_MIN || p.kelasJabatan > KELAS_JABATAN_MAX)) {
    errors.push(M.violation('KELAS_JABATAN_TIDAK_VALID', { min: KELAS_JABATAN_MIN, max: KELAS_JABATAN_MAX }, 'kelasJabatan'));
  }
  if (!Number.isInteger(p.capacity) || p.capacity < 1) {
    errors.push(M.violation('KEBUTUHAN_TIDAK_VALID', {}, 'capacity'));
  }
  if (p.head) {
    // Structural posts head units; a fungsional may too (a teacher or doctor with the added duty of
    // kepala sekolah / kepala puskesmas). A pelaksana never heads a unit.
    if (p.jenisJabatan === 'PELAKSANA') {
      errors.push(M.violation('KEPALA_UNIT_TIDAK_BOLEH_PELAKSANA', {}, 'head'));
    }
    if (p.capacity !== 1) errors.push(M.violation('KEPALA_UNIT_HANYA_SATU', {}, 'capacity'));
  }
  return errors;
}

/** One unit on the way from a position's unit to the root, nearest first. */
export interface UnitHead {
  unitId: string;
  headPositionId: string | null;
}

/** The superior position chosen by the OTOMATIS rule; null at the top of the tree. */
export function automaticSuperior(positionId: string, head: boolean, unitChain: readonly UnitHead[]): string | null {
  const chain = head ? unitChain.slice(1) : unitChain;
  for (const unit of chain) {
    if (unit.headPositionId && unit.headPositionId !== positionId) return unit.headPositionId;
  }
  return null;
}

export interface SuperiorCandidate {
  id: string;
  code: string;
  status: 'AKTIF' | 'DITUTUP';
  capacity: number;
}

/**
 * An explicit superior must be open, held by one person (a reporting line must name a person), and
 * must not already report — directly or further up — to this position.
 * `superiorsOfCandidate` is the candidate's own reporting chain (ids, nearest first).
 */
export function checkSuperior(positionId: string | null, candidate: SuperiorCandidate, superiorsOfCandidate: readonly string[]): Violation | null {
  if (positionId && candidate.id === positionId) {
    return M.violation('JABATAN_ATASAN_DIRI_SENDIRI', {}, 'reportsToPositionId');
  }
  if (candidate.status !== 'AKTIF') {
    return M.violation('JABATAN_ATASAN_DITUTUP', { code: candidate.code }, 'reportsToPositionId');
  }
  if (candidate.capacity !== 1) {
    return M.violation('JABATAN_ATASAN_HARUS_TUNGGAL', { code: candidate.code }, 'reportsToPositionId');
  }
  if (positionId && superiorsOfCandidate.includes(positionId)) {
    return M.violation('JABATAN_SIKLUS', { code: candidate.code }, 'reportsToPositionId');
  }
  return null;
}

export interface PositionClosureBlockers {
  occupants: number;
  reportingPositions: number;
}

export function checkPositionClosure(code: string, status: 'AKTIF' | 'DITUTUP', blockers: PositionClosureBlockers): Violation | null {
  if (status === 'DITUTUP') return M.violation('JABATAN_SUDAH_DITUTUP', { code });
  if (blockers.occupants > 0) return M.violation('JABATAN_MASIH_DIDUDUKI', { code, count: blockers.occupants });
  if (blockers.reportingPositions > 0) {
    return M.violation('JABATAN_MASIH_MENJADI_ATASAN', { code, count: blockers.reportingPositions });
  }
  return null;
}
