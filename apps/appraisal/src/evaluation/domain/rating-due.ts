import { compareIsoDates, type IsoDate } from '@capaian/kinerja';
import { addDays } from '../../cadence/domain/cadence';

/** What decides whether an SKP is waiting for its year-end rating. */
export interface RatingCandidate {
  status: string;
  /** The day the SKP was set (null when it never was: a draft closed on a transfer). */
  setOn: IsoDate | null;
  endDate: IsoDate;
  rated: boolean;
  /** Reported periods still without the penilai's feedback. */
  reportsWithoutFeedback: number;
}

/**
 * Ratable as the rating rule reads it (docs/appraisal-rules.md, "Year-end evaluation"): a set SKP, or
 * one closed after it was set, on or after its last day, every reported period answered; and not
 * rated yet. The rating deadline is checked by `isRatingAnnouncedOn`.
 */
export function awaitsRating(c: RatingCandidate, today: IsoDate): boolean {
  const setOrClosedAfterSet = c.status === 'DITETAPKAN' || (c.status === 'DITUTUP' && c.setOn !== null);
  return setOrClosedAfterSet && !c.rated && c.reportsWithoutFeedback === 0 && compareIsoDates(c.endDate, today) <= 0;
}

/**
 * When an SKP waiting for its rating is announced to the penilai: from `leadDays` before the OPD's
 * rating deadline up to and including the deadline day (a rating after it is refused). A day the job
 * did not run is caught up while the deadline has not passed.
 */
export function isRatingAnnouncedOn(ratingDeadline: IsoDate, today: IsoDate, leadDays: number): boolean {
  return compareIsoDates(addDays(ratingDeadline, -leadDays), today) <= 0 && compareIsoDates(today, ratingDeadline) <= 0;
}

/**
 * The years whose rating may be due today: a year's rating deadline lies after its 31 December
 * (checkCadence), in practice early in the next year; two years back covers any deadline BKPSDM sets.
 */
export function ratingYears(today: IsoDate): number[] {
  const y = Number(today.slice(0, 4));
  return [y - 2, y - 1, y];
}
