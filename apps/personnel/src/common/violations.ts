import { ViolationError, type Violation } from '@capaian/kinerja';

/** Throws the violation a rule returned, if it returned one. */
export function refuse(violation: Violation | null | undefined): void {
  if (violation) throw new ViolationError(violation);
}

/** Throws every violation at once (an answer lists them all), if there is any. */
export function refuseAll(violations: readonly Violation[]): void {
  if (violations.length > 0) throw new ViolationError(violations);
}

/**
 * Maps a unique-constraint violation of PostgreSQL (23505) to the feature's own conflict, else
 * rethrows: the constraint is the last word when two requests race past the check before it.
 */
export function conflictOnUnique(error: unknown, byConstraint: Record<string, () => ViolationError>): never {
  const e = error as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const code = e.code ?? e.driverError?.code;
  const constraint = e.constraint ?? e.driverError?.constraint;
  if (code === '23505' && constraint && byConstraint[constraint]) throw byConstraint[constraint]();
  throw error;
}
