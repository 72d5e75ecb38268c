/**
 * What every time-based rule of the service reads (reminders, escalation, quiet hours, digests,
 * backoff, ticket expiry) instead of `new Date()`, so that tests move time instead of waiting.
 */
export interface Clock {
  now(): Date;
}

export const CLOCK = Symbol('NOTIFICATION_CLOCK');

export const systemClock: Clock = { now: () => new Date() };

/**
 * A clock that runs with real time from an offset the test sets: the worker's backoff still
 * elapses, while a test can jump to 22.00 WIB or three days ahead.
 */
export class MovableClock implements Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  set(at: Date | string): void {
    this.offsetMs = new Date(at).getTime() - Date.now();
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }
}
