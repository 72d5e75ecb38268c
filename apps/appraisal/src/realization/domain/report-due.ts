import { compareIsoDates, type IsoDate } from '@capaian/kinerja';
import { addDays, periodsOfSkp, type Cadence, type CalendarPeriod } from '../../cadence/domain/cadence';

/**
 * When a period's realization report is announced as due: from `leadDays` before its deadline (not
 * before the period starts, when nothing can be reported yet) up to and including the deadline
 * day. A day the job did not run is caught up the next day while the deadline has not passed; after
 * it, reporting is refused, so there is nothing left to remind of.
 */
export function isAnnouncedOn(period: Pick<CalendarPeriod, 'start' | 'reportDue'>, today: IsoDate, leadDays: number): boolean {
  const from = addDays(period.reportDue, -leadDays);
  const first = compareIsoDates(from, period.start) < 0 ? period.start : from;
  return compareIsoDates(first, today) <= 0 && compareIsoDates(today, period.reportDue) <= 0;
}

/** The periods of an SKP (its dates within the OPD's calendar) whose report is to be announced as due today. */
export function periodsDueForNotice(cadence: Cadence, skpStart: IsoDate, skpEnd: IsoDate, today: IsoDate, leadDays: number): CalendarPeriod[] {
  return periodsOfSkp(cadence, skpStart, skpEnd).filter((p) => isAnnouncedOn(p, today, leadDays));
}
