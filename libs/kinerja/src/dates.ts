/**
 * Calendar dates as `YYYY-MM-DD` strings. Regulation dates (birth, TMT, effective dates) are dates,
 * not instants, so they never pass through `Date` and its time zones. "Now" comes from a `Clock`.
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidCalendarDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  return !!m && isValidCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Today's date in Asia/Jakarta (the platform's time zone for deadlines and effective dates). */
export function todayInJakarta(now: Date = new Date()): IsoDate {
  // Jakarta has no daylight saving: UTC+7 all year.
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** Adds whole years, clamping 29 February to 28 February in common years. */
export function addYears(date: IsoDate, years: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number);
  const year = y + years;
  return isoDate(year, m, Math.min(d, daysInMonth(year, m)));
}

/** A calendar date split into its parts (month and day are 1-based). */
export interface DateParts {
  year: number;
  month: number;
  day: number;
}

/** Parses a strict `YYYY-MM-DD` calendar date; `2026-02-30` and `2026-1-5` give null. */
export function parseIsoDate(value: string): DateParts | null {
  const m = ISO_DATE.exec(value);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidCalendarDate(year, month, day) ? { year, month, day } : null;
}

/** Comparator for valid `YYYY-MM-DD` strings: the format sorts lexically, so no Date is needed. */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Calendar days from `start` to `end`, both included (a one-day seminar is 1). */
export function daysInclusive(start: DateParts, end: DateParts): number {
  const ms = Date.UTC(end.year, end.month - 1, end.day) - Date.UTC(start.year, start.month - 1, start.day);
  return Math.round(ms / 86_400_000) + 1;
}
