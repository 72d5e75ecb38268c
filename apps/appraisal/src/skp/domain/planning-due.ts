import { compareIsoDates, type IsoDate } from '@capaian/kinerja';
import { addDays } from '../../cadence/domain/cadence';

/**
 * When an employee without a submitted or set SKP for the year is told that planning is due: from
 * `leadDays` before the OPD's planning deadline up to and including the deadline day. A day the job
 * did not run is caught up the next day while the deadline has not passed; after it the completion
 * dashboard shows the employee as late (the deadline is not a lock), and the reminder already sent
 * keeps escalating.
 */
export function isPlanningAnnouncedOn(planningDeadline: IsoDate, today: IsoDate, leadDays: number): boolean {
  return compareIsoDates(addDays(planningDeadline, -leadDays), today) <= 0 && compareIsoDates(today, planningDeadline) <= 0;
}

/** The OPDs whose planning deadline for the year makes today an announcement day. */
export function opdsDueForPlanningNotice<T extends { planningDeadline: IsoDate }>(opds: readonly T[], today: IsoDate, leadDays: number): T[] {
  return opds.filter((o) => isPlanningAnnouncedOn(o.planningDeadline, today, leadDays));
}

/** SKP statuses that count as planned: submitted or set. A draft or a returned SKP still needs planning. */
export const PLANNED_STATUSES = ['DIAJUKAN', 'DITETAPKAN'] as const;

/** Whether an employee with SKPs of the year in these statuses still has to plan. */
export function needsPlanning(statusesOfYear: readonly string[]): boolean {
  return !statusesOfYear.some((s) => (PLANNED_STATUSES as readonly string[]).includes(s));
}
