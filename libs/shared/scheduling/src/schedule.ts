import { durationMs, isoDate, isValidCalendarDate, isWallClockTime, jakartaInstant, todayInJakarta, type Duration } from '@capaian/kinerja';

/**
 * When a job is due. Wall-clock schedules are in Asia/Jakarta (the platform's time zone for
 * deadlines), whatever the server's own time zone is.
 *
 * - `interval`: every fixed duration, in slots aligned to the Unix epoch (every 15 minutes means
 *   :00, :15, :30, :45), so every replica computes the same slots without talking to the others.
 * - `daily`: once a day at `HH:MM` Jakarta time (reminders, deadline checks).
 * - `yearly`: once a year on `MM-DD` at `HH:MM` Jakarta time (year-end closing of the JP ledger).
 */
export type Schedule =
  | { readonly kind: 'interval'; readonly everyMs: number }
  | { readonly kind: 'daily'; readonly at: string }
  | { readonly kind: 'yearly'; readonly on: string; readonly at: string };

/** One occurrence of a schedule: the job runs at most once per slot. */
export interface Slot {
  /** Stable name of the slot, the same on every replica: `2026-12-31T01:15:00.000Z`, `2026-12-31`, `2026`. */
  readonly key: string;
  /** When the slot starts (the job is due from then on). */
  readonly start: Date;
  /** When the next slot starts. */
  readonly end: Date;
}

export function every(duration: Duration | number): Schedule {
  const everyMs = durationMs(duration);
  if (!Number.isInteger(everyMs) || everyMs < 1000) throw new RangeError(`an interval must be a whole number of milliseconds, at least one second; got ${everyMs}`);
  return { kind: 'interval', everyMs };
}

export function dailyAt(time: string): Schedule {
  if (!isWallClockTime(time)) throw new RangeError(`daily time must be HH:MM, got ${time}`);
  return { kind: 'daily', at: time };
}

/** `yearlyOn('12-31', '20:00')`. 29 February is refused: it would skip three years in four. */
export function yearlyOn(monthDay: string, time: string): Schedule {
  const m = /^(\d{2})-(\d{2})$/.exec(monthDay);
  if (!m || !isValidCalendarDate(2025, Number(m[1]), Number(m[2]))) throw new RangeError(`yearly date must be MM-DD and exist every year, got ${monthDay}`);
  if (!isWallClockTime(time)) throw new RangeError(`yearly time must be HH:MM, got ${time}`);
  return { kind: 'yearly', on: monthDay, at: time };
}

/** The slot that contains `instant`: the latest slot that has started at or before it. */
export function slotAt(schedule: Schedule, instant: Date): Slot {
  const t = instant.getTime();
  switch (schedule.kind) {
    case 'interval': {
      const start = Math.floor(t / schedule.everyMs) * schedule.everyMs;
      return { key: new Date(start).toISOString(), start: new Date(start), end: new Date(start + schedule.everyMs) };
    }
    case 'daily': {
      let day = todayInJakarta(instant);
      if (jakartaInstant(day, schedule.at).getTime() > t) day = shiftDays(day, -1);
      return { key: day, start: jakartaInstant(day, schedule.at), end: jakartaInstant(shiftDays(day, 1), schedule.at) };
    }
    case 'yearly': {
      let year = Number(todayInJakarta(instant).slice(0, 4));
      const at = (y: number) => jakartaInstant(`${String(y).padStart(4, '0')}-${schedule.on}`, schedule.at);
      if (at(year).getTime() > t) year -= 1;
      return { key: String(year), start: at(year), end: at(year + 1) };
    }
  }
}

/** The first slot that starts strictly after `instant`. */
export function nextSlotAfter(schedule: Schedule, instant: Date): Slot {
  return slotAt(schedule, slotAt(schedule, instant).end);
}

/** A readable description for logs and the README: `every 15 min`, `daily 07:00 WIB`, `yearly 12-31 20:00 WIB`. */
export function describeSchedule(schedule: Schedule): string {
  switch (schedule.kind) {
    case 'interval':
      return schedule.everyMs % 60_000 === 0 ? `every ${schedule.everyMs / 60_000} min` : `every ${schedule.everyMs / 1000} s`;
    case 'daily':
      return `daily ${schedule.at} WIB`;
    case 'yearly':
      return `yearly ${schedule.on} ${schedule.at} WIB`;
  }
}

function shiftDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const shifted = new Date(Date.UTC(y, m - 1, d + days));
  return isoDate(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
}
