/**
 * Calendar dates of regulations are dates, not timestamps (architecture.md §6): a period that
 * "ends on 31 January" ends on that date in every time zone. They travel as `YYYY-MM-DD` strings
 * and are compared as such (the format sorts lexically), so no Date object and no time zone
 * ever shifts them by a day.
 */
export interface Tanggal {
  year: number;
  month: number; // 1..12
  day: number; // 1..31
}

const FORMAT = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses a strict `YYYY-MM-DD` calendar date; `2026-02-30` and `2026-1-5` are null. */
export function parseTanggal(value: string): Tanggal | null {
  const m = FORMAT.exec(value);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** Negative, zero or positive like a comparator; both must be valid `YYYY-MM-DD`. */
export function compareTanggal(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Calendar days from `mulai` to `selesai`, both included (a one-day seminar is 1). */
export function jumlahHariInklusif(mulai: Tanggal, selesai: Tanggal): number {
  const ms = Date.UTC(selesai.year, selesai.month - 1, selesai.day) - Date.UTC(mulai.year, mulai.month - 1, mulai.day);
  return Math.round(ms / 86_400_000) + 1;
}
