import { Clock, SystemClock } from '@capaian/kinerja';

export { Clock } from '@capaian/kinerja';

/**
 * The token under which the service's code injects the shared `Clock` (every time-based rule of the
 * service reads it: reminders, escalation, quiet hours, digests, backoff, ticket and link expiry).
 */
export const CLOCK = Symbol('NOTIFICATION_CLOCK');

export const systemClock: Clock = new SystemClock();

/**
 * A clock that runs with real time from an offset the test sets. The shared TestClock stands still;
 * this one keeps moving so that the delivery worker's backoff still elapses, while a test can jump
 * to 22.00 WIB or three days ahead.
 */
export class MovableClock extends Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  set(at: Date | string): this {
    this.offsetMs = new Date(at).getTime() - Date.now();
    return this;
  }

  advance(ms: number): this {
    this.offsetMs += ms;
    return this;
  }
}
