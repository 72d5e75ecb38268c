/**
 * The ladder of an ignored action notice (one that asks for something by a deadline):
 *  step 0, at the deadline: a reminder to the person;
 *  step 1, `escalateAfterMs` later and still unread: a notice to their supervisor (penilai);
 *  step 2, another `escalateAfterMs` later: a notice to the admin OPD of their OPD;
 *  step 3: nothing more (the admin OPD follows up in person).
 * Reading the original notice (or the reminder) stops the ladder.
 */
export type EscalationTarget = 'recipient' | 'supervisor' | 'opd-admin';

/** Notices whose reminder is a plain "tomorrow" note: one step, no escalation, not ended by reading. */
const PLAIN_REMINDERS: Readonly<Record<string, EscalationStep['template']>> = { 'pelatihan-disetujui': 'pelatihan-besok' };

export interface EscalationStep {
  target: EscalationTarget;
  template: 'pengingat' | 'eskalasi-atasan' | 'eskalasi-admin-opd' | 'pelatihan-besok';
}

const LADDER: readonly EscalationStep[] = [
  { target: 'recipient', template: 'pengingat' },
  { target: 'supervisor', template: 'eskalasi-atasan' },
  { target: 'opd-admin', template: 'eskalasi-admin-opd' },
];

export const FINAL_STEP = LADDER.length;

function ladderOf(template: string | null | undefined): readonly EscalationStep[] {
  const plain = template ? PLAIN_REMINDERS[template] : undefined;
  return plain ? [{ target: 'recipient', template: plain }] : LADDER;
}

/** The step to run now for a reminder of the notice made with `template`, or null when its ladder is done. */
export function escalationStep(step: number, template?: string | null): EscalationStep | null {
  return ladderOf(template)[step] ?? null;
}

/** When the step after `step` is due, counted from the time this step ran; null when it was the last. */
export function nextStepAt(ranAt: Date, step: number, escalateAfterMs: number, template?: string | null): Date | null {
  return step + 1 < ladderOf(template).length ? new Date(ranAt.getTime() + escalateAfterMs) : null;
}

/** Reading an action notice answers it; a "tomorrow" note stays due however often the approval is read. */
export function endsWhenRead(template?: string | null): boolean {
  return !(template && PLAIN_REMINDERS[template]);
}
