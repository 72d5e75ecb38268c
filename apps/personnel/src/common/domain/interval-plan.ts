import type { IsoDate, Violation } from '@capaian/kinerja';
import { checkEffectiveDate } from './effective-date.rules';

/** The open interval of an aggregate's history, as stored. */
export interface OpenInterval {
  id: string;
  validFrom: IsoDate;
}

/** One change effective on a date; `change` names it in the interval's `changes`. */
export interface IntervalStep {
  date: IsoDate;
  change: string;
}

/**
 * What recording `steps` one after another (as `recordInterval` does, step by step) does to one
 * aggregate's history, when every interval it writes carries the same values (the state after all
 * the steps). The open interval may be amended (values replaced, `changes` appended) and closed;
 * new intervals come in date order, each but the last closed by the next.
 */
export interface IntervalPlan {
  amend: { id: string; changes: string[] } | null;
  close: { id: string; validTo: IsoDate } | null;
  inserts: { validFrom: IsoDate; validTo: IsoDate | null; changes: string[] }[];
}

/**
 * Plans the intervals for `steps`, taken in the order given (the caller sorts them by date, keeping
 * the order of changes on the same date): a step on the open interval's start amends it, a later
 * one closes it and opens another, one before it is refused with the violation `recordInterval`
 * raises (only the first offending step counts: nothing of the aggregate is written then).
 */
export function planIntervals(open: OpenInterval | null, steps: readonly IntervalStep[]): IntervalPlan | { violation: Violation } {
  const plan: IntervalPlan = { amend: null, close: null, inserts: [] };
  // The interval open before each step: the stored one until the first new one is opened.
  let current: { validFrom: IsoDate; changes: string[] } | null = open ? { validFrom: open.validFrom, changes: [] } : null;
  let stored = open;
  for (const { date, change } of steps) {
    if (current) {
      const refused = checkEffectiveDate(date, { today: date, lastChange: current.validFrom });
      if (refused) return { violation: refused };
      if (current.validFrom === date) {
        current.changes.push(change);
        if (stored && !plan.amend) plan.amend = { id: stored.id, changes: current.changes };
        continue;
      }
      if (stored) {
        plan.close = { id: stored.id, validTo: date };
        stored = null;
      } else {
        plan.inserts[plan.inserts.length - 1].validTo = date;
      }
    }
    const next = { validFrom: date, validTo: null, changes: [change] };
    plan.inserts.push(next);
    current = next;
  }
  return plan;
}
