import { ProblemException, type FieldError } from '@capaian/shared/http';
import type { RuleViolation } from '../org-unit/domain/org-unit.rules';
import type { FieldViolation } from '../position/domain/position.rules';

/** A domain rule violation as problem+json (its own status and code). */
export function violation(v: RuleViolation): ProblemException {
  return new ProblemException(v.status, v.code, v.message, v.field ? { errors: [{ field: v.field, code: v.code, message: v.message }] } : {});
}

/** Throws the first violation, if any. */
export function assertNoViolation(v: RuleViolation | null): void {
  if (v) throw violation(v);
}

/**
 * Several field errors at once, 422. With one error its code is the problem's code, so clients can
 * switch on it directly; with more, the code is VALIDASI_GAGAL and each error keeps its own.
 */
export function fieldViolations(errors: readonly FieldViolation[]): ProblemException {
  const list: FieldError[] = errors.map((e) => ({ field: e.field, code: e.code, message: e.message }));
  if (list.length === 1) return new ProblemException(422, list[0].code, list[0].message, { errors: list });
  return new ProblemException(422, 'VALIDASI_GAGAL', 'Data tidak memenuhi aturan kepegawaian', { errors: list });
}

export function assertNoFieldViolations(errors: readonly FieldViolation[]): void {
  if (errors.length > 0) throw fieldViolations(errors);
}

export const NotFound = {
  unit: (ref: string) => new ProblemException(404, 'UNIT_TIDAK_DITEMUKAN', `Unit organisasi ${ref} tidak ditemukan`),
  position: (ref: string) => new ProblemException(404, 'JABATAN_TIDAK_DITEMUKAN', `Jabatan ${ref} tidak ditemukan`),
  employee: (ref: string) => new ProblemException(404, 'PEGAWAI_TIDAK_DITEMUKAN', `Pegawai ${ref} tidak ditemukan`),
  importJob: (ref: string) => new ProblemException(404, 'IMPOR_TIDAK_DITEMUKAN', `Impor ${ref} tidak ditemukan`),
};

export function forbidden(message = 'Anda tidak berhak mengakses data ini'): ProblemException {
  return new ProblemException(403, 'AKSES_DITOLAK', message);
}

/** Maps a unique-constraint violation of PostgreSQL (23505) to a 409 with our code, else rethrows. */
export function conflictOnUnique(error: unknown, byConstraint: Record<string, () => ProblemException>): never {
  const e = error as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const code = e.code ?? e.driverError?.code;
  const constraint = e.constraint ?? e.driverError?.constraint;
  if (code === '23505' && constraint && byConstraint[constraint]) throw byConstraint[constraint]();
  throw error;
}
