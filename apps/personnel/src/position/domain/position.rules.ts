import { validateJenjang, KELAS_JABATAN_MAX, KELAS_JABATAN_MIN, type JenisJabatan } from '@capaian/kinerja';
import type { RuleViolation } from '../../org-unit/domain/org-unit.rules';

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

export interface FieldViolation {
  field: string;
  code: string;
  message: string;
}

export function validatePositionAttributes(p: PositionAttributes): FieldViolation[] {
  const errors: FieldViolation[] = validateJenjang(p.jenisJabatan, p.jenjang).map((e) => ({ ...e }));
  if (p.kelasJabatan !== null && (!Number.isInteger(p.kelasJabatan) || p.kelasJabatan < KELAS_JABATAN_MIN || p.kelasJabatan > KELAS_JABATAN_MAX)) {
    errors.push({ field: 'kelasJabatan', code: 'KELAS_JABATAN_TIDAK_VALID', message: `Kelas jabatan harus antara ${KELAS_JABATAN_MIN} dan ${KELAS_JABATAN_MAX}` });
  }
  if (!Number.isInteger(p.capacity) || p.capacity < 1) {
    errors.push({ field: 'capacity', code: 'KEBUTUHAN_TIDAK_VALID', message: 'Jumlah kebutuhan (formasi) minimal 1' });
  }
  if (p.head) {
    // Structural posts head units; a fungsional may too (a teacher or doctor with the added duty of
    // kepala sekolah / kepala puskesmas). A pelaksana never heads a unit.
    if (p.jenisJabatan === 'PELAKSANA') {
      errors.push({ field: 'head', code: 'KEPALA_UNIT_TIDAK_BOLEH_PELAKSANA', message: 'Kepala unit harus jabatan struktural atau fungsional dengan tugas tambahan, bukan pelaksana' });
    }
    if (p.capacity !== 1) errors.push({ field: 'capacity', code: 'KEPALA_UNIT_HANYA_SATU', message: 'Jabatan kepala unit hanya dapat diduduki satu orang' });
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
export function checkSuperior(positionId: string | null, candidate: SuperiorCandidate, superiorsOfCandidate: readonly string[]): RuleViolation | null {
  if (positionId && candidate.id === positionId) {
    return { status: 422, code: 'JABATAN_ATASAN_DIRI_SENDIRI', field: 'reportsToPositionId', message: 'Jabatan tidak dapat melapor ke dirinya sendiri' };
  }
  if (candidate.status !== 'AKTIF') {
    return { status: 422, code: 'JABATAN_ATASAN_DITUTUP', field: 'reportsToPositionId', message: `Jabatan atasan ${candidate.code} sudah ditutup` };
  }
  if (candidate.capacity !== 1) {
    return {
      status: 422,
      code: 'JABATAN_ATASAN_HARUS_TUNGGAL',
      field: 'reportsToPositionId',
      message: `Jabatan atasan ${candidate.code} dapat diduduki lebih dari satu orang; atasan harus jabatan tunggal`,
    };
  }
  if (positionId && superiorsOfCandidate.includes(positionId)) {
    return { status: 422, code: 'JABATAN_SIKLUS', field: 'reportsToPositionId', message: `Jabatan ${candidate.code} sudah berada di bawah jabatan ini; garis atasan akan berputar` };
  }
  return null;
}

export interface PositionClosureBlockers {
  occupants: number;
  reportingPositions: number;
}

export function checkPositionClosure(code: string, status: 'AKTIF' | 'DITUTUP', blockers: PositionClosureBlockers): RuleViolation | null {
  if (status === 'DITUTUP') return { status: 409, code: 'JABATAN_SUDAH_DITUTUP', message: `Jabatan ${code} sudah ditutup` };
  if (blockers.occupants > 0) return { status: 409, code: 'JABATAN_MASIH_DIDUDUKI', message: `Jabatan ${code} masih diduduki ${blockers.occupants} pegawai` };
  if (blockers.reportingPositions > 0) {
    return { status: 409, code: 'JABATAN_MASIH_MENJADI_ATASAN', message: `${blockers.reportingPositions} jabatan masih melapor ke jabatan ${code}` };
  }
  return null;
}
