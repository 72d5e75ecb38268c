import { RATING_REMINDER_DAYS_BEFORE } from '../../dispatch/domain/event-values';

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

const HOUR_MS = 3_600_000;

/**
 * Notices whose awaited action is refused some time after the reminder's due time: a rating after
 * the rating deadline. The rating reminder is due at 07.00 WIB `RATING_REMINDER_DAYS_BEFORE` days
 * before the deadline, and the deadline day ends 17 hours after 07.00 WIB.
 */
const CLOSES_AFTER_DUE_MS: Readonly<Record<string, number>> = {
  'penilaian-menunggu': RATING_REMINDER_DAYS_BEFORE * 24 * HOUR_MS + 17 * HOUR_MS,
};

/**
 * When the action of a reminder made for `template` can no longer be taken (null: never). A step
 * due after it is not run: chasing a rating nobody may give any more helps no one (a late notice,
 * or an `ESCALATE_AFTER_HOURS` long enough to push the last step past the deadline).
 */
export function actionClosedAt(template: string | null | undefined, dueAt: Date): Date | null {
  const after = template ? CLOSES_AFTER_DUE_MS[template] : undefined;
  return after === undefined ? null : new Date(dueAt.getTime() + after);
}
