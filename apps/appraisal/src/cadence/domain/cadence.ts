import { compareIsoDates, daysInMonth, isoDate, parseIsoDate, type IsoDate, type Violation } from '@capaian/kinerja';
import { CadenceMessages } from '../cadence.messages';

/**
 * The appraisal calendar of one OPD for one year, chosen by BKPSDM: the year's SKP period plus a
 * monthly or quarterly periodic evaluation, with the deadlines of each step. Dates are calendar
 * dates in Asia/Jakarta; a deadline day is included (a report on the deadline day is on time).
 * An employee's own SKP dates are separate (a transfer mid-year closes one SKP and opens another):
 * an SKP's periods are the calendar's periods that overlap its dates.
 */
export const FREQUENCIES = ['BULANAN', 'TRIWULANAN'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export interface Cadence {
  year: number;
  frequency: Frequency;
  /** Last day to have the SKP set. */
  planningDeadline: IsoDate;
  /** Days after a period ends within which the employee reports it. */
  reportDays: number;
  /** Days after a period ends within which the penilai gives feedback; the period locks after it. */
  feedbackDays: number;
  /** Last day of the year-end rating (in the next year). */
  ratingDeadline: IsoDate;
  /** Days after the rating within which an objection may be filed. */
  objectionDays: number;
}

/** The calendar an OPD follows until BKPSDM sets its own (monthly, as TPP needs monthly data). */
export function defaultCadence(year: number): Cadence {
  return {
    year,
    frequency: 'BULANAN',
    planningDeadline: isoDate(year, 1, 31),
    reportDays: 5,
    feedbackDays: 10,
    ratingDeadline: isoDate(year + 1, 1, 31),
    objectionDays: 14,
  };
}

export function checkCadence(c: Cadence): Violation[] {
  const out: Violation[] = [];
  if (parseIsoDate(c.planningDeadline)?.year !== c.year) out.push(CadenceMessages.violation('TANGGAL_JADWAL_DI_LUAR_TAHUN', { year: c.year }, 'planningDeadline'));
  if (!parseIsoDate(c.ratingDeadline) || compareIsoDates(c.ratingDeadline, isoDate(c.year, 12, 31)) <= 0) {
    out.push(CadenceMessages.violation('BATAS_PENILAIAN_TIDAK_VALID', { year: c.year }, 'ratingDeadline'));
  }
  return out;
}

export interface CalendarPeriod {
  /** 1–12 for months, 1–4 for quarters. */
  number: number;
  name: string;
  start: IsoDate;
  end: IsoDate;
  reportDue: IsoDate;
  feedbackDue: IsoDate;
}

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
const ROMAN = ['I', 'II', 'III', 'IV'];

export function calendarPeriods(c: Cadence): CalendarPeriod[] {
  const out: CalendarPeriod[] = [];
  const step = c.frequency === 'BULANAN' ? 1 : 3;
  for (let m = 1, n = 1; m <= 12; m += step, n++) {
    const endMonth = m + step - 1;
    const start = isoDate(c.year, m, 1);
    const end = isoDate(c.year, endMonth, daysInMonth(c.year, endMonth));
    out.push({
      number: n,
      name: c.frequency === 'BULANAN' ? `${MONTHS[m - 1]} ${c.year}` : `Triwulan ${ROMAN[n - 1]} ${c.year}`,
      start,
      end,
      reportDue: addDays(end, c.reportDays),
      feedbackDue: addDays(end, c.feedbackDays),
    });
  }
  return out;
}

/** The calendar's periods that overlap an SKP's dates. */
export function periodsOfSkp(c: Cadence, start: IsoDate, end: IsoDate): CalendarPeriod[] {
  return calendarPeriods(c).filter((p) => compareIsoDates(p.start, end) <= 0 && compareIsoDates(start, p.end) <= 0);
}

/** The last day on which an objection to a rating given on `ratedOn` may be filed. */
export function objectionDeadline(c: Cadence, ratedOn: IsoDate): IsoDate {
  return addDays(ratedOn, c.objectionDays);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}
