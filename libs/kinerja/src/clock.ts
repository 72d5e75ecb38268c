import { todayInJakarta, type IsoDate } from './dates';

/** Jakarta (WIB) is UTC+7 all year: Indonesia has no daylight saving time. */
export const JAKARTA_UTC_OFFSET_MINUTES = 7 * 60;

/**
 * Where every time-based rule reads the time (deadlines, "today" for effective dates, the year a
 * JP counts in, scheduled jobs). Nothing calls `new Date()` or `Date.now()` for a rule: production
 * injects `SystemClock`, tests a `TestClock` they move. An abstract class rather than an interface,
 * so that it is also the injection token of the Nest provider (`@capaian/shared/scheduling`).
 */
export abstract class Clock {
  abstract now(): Date;

  /** Today's calendar date in Asia/Jakarta, the platform's time zone for deadlines and effective dates. */
  today(): IsoDate {
    return todayInJakarta(this.now());
  }

  /** The current year in Asia/Jakarta (30 December 2026 at 23:00 UTC is already 2027 in Palembang). */
  year(): number {
    return Number(this.today().slice(0, 4));
  }
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

export interface Duration {
  days?: number;
  hours?: number;
  minutes?: number;
  seconds?: number;
  milliseconds?: number;
}

export function durationMs(d: Duration | number): number {
  if (typeof d === 'number') return d;
  return ((((d.days ?? 0) * 24 + (d.hours ?? 0)) * 60 + (d.minutes ?? 0)) * 60 + (d.seconds ?? 0)) * 1000 + (d.milliseconds ?? 0);
}

/** A clock that stands still until the test moves it, so tests of time never wait or race. */
export class TestClock extends Clock {
  private current: number;

  constructor(start: Date | string = '2026-01-05T01:00:00Z') {
    super();
    this.current = toInstant(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  set(instant: Date | string): this {
    this.current = toInstant(instant).getTime();
    return this;
  }

  /** Moves forward (a negative duration moves back, for tests of clocks that disagree). */
  advance(by: Duration | number): this {
    this.current += durationMs(by);
    return this;
  }
}

function toInstant(value: Date | string): Date {
  const date = typeof value === 'string' ? new Date(value) : new Date(value.getTime());
  if (Number.isNaN(date.getTime())) throw new RangeError(`not an instant: ${String(value)}`);
  return date;
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Whether `HH:MM` is a valid wall-clock time (00:00–23:59). */
export function isWallClockTime(value: unknown): value is string {
  return typeof value === 'string' && TIME.test(value);
}

/** The instant of a wall-clock time on a calendar date in Asia/Jakarta: `2026-12-31`, `08:00` → 01:00Z. */
export function jakartaInstant(date: IsoDate, time = '00:00'): Date {
  const m = TIME.exec(time);
  if (!m) throw new RangeError(`not a HH:MM time: ${time}`);
  const [y, mo, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, mo - 1, d, Number(m[1]), Number(m[2])) - JAKARTA_UTC_OFFSET_MINUTES * 60_000);
}
