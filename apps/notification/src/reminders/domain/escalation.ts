/**
 * The ladder of an ignored action notice (one that asks for something by a deadline):
 *  step 0, at the deadline: a reminder to the person;
 *  step 1, `escalateAfterMs` later and still unread: a notice to their supervisor (penilai);
 *  step 2, another `escalateAfterMs` later: a notice to the admin OPD of their OPD;
 *  step 3: nothing more (the admin OPD follows up in person).
 * Reading the original notice (or the reminder) stops the ladder.
 */
export type EscalationTarget = 'recipient' | 'supervisor' | 'opd-admin';

export interface EscalationStep {
  target: EscalationTarget;
  template: 'pengingat' | 'eskalasi-atasan' | 'eskalasi-admin-opd';
}

const LADDER: readonly EscalationStep[] = [
  { target: 'recipient', template: 'pengingat' },
  { target: 'supervisor', template: 'eskalasi-atasan' },
  { target: 'opd-admin', template: 'eskalasi-admin-opd' },
];

export const FINAL_STEP = LADDER.length;

export function escalationStep(step: number): EscalationStep | null {
  return LADDER[step] ?? null;
}

/** When the step after `step` is due, counted from the time this step ran. */
export function nextStepAt(ranAt: Date, step: number, escalateAfterMs: number): Date | null {
  return step + 1 < FINAL_STEP ? new Date(ranAt.getTime() + escalateAfterMs) : null;
}
