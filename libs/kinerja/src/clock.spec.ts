import { durationMs, isWallClockTime, jakartaInstant, SystemClock, TestClock } from './clock';

describe('clocks', () => {
  it('a test clock stands still until moved', () => {
    const clock = new TestClock('2026-12-31T16:59:00Z');
    expect(clock.now().toISOString()).toBe('2026-12-31T16:59:00.000Z');
    expect(clock.today()).toBe('2026-12-31');
    expect(clock.year()).toBe(2026);
    clock.advance({ minutes: 1 });
    // Midnight in Palembang: a new day and a new year while UTC still says 31 December.
    expect(clock.today()).toBe('2027-01-01');
    expect(clock.year()).toBe(2027);
    clock.set('2027-03-01T00:00:00Z').advance(-1);
    expect(clock.now().toISOString()).toBe('2027-02-28T23:59:59.999Z');
  });

  it('returns a copy of its instant, so callers cannot move it by accident', () => {
    const clock = new TestClock('2026-01-01T00:00:00Z');
    clock.now().setUTCFullYear(2030);
    expect(clock.now().getUTCFullYear()).toBe(2026);
  });

  it('refuses an invalid instant', () => {
    expect(() => new TestClock('not a date')).toThrow(RangeError);
  });

  it('the system clock reads the real time', () => {
    const before = Date.now();
    const now = new SystemClock().now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
  });

  it('converts durations and Jakarta wall-clock times', () => {
    expect(durationMs({ days: 1, hours: 1, minutes: 1, seconds: 1, milliseconds: 1 })).toBe(90_061_001);
    expect(durationMs(250)).toBe(250);
    expect(jakartaInstant('2026-12-31', '08:00').toISOString()).toBe('2026-12-31T01:00:00.000Z');
    expect(jakartaInstant('2027-01-01').toISOString()).toBe('2026-12-31T17:00:00.000Z');
    expect(isWallClockTime('23:59')).toBe(true);
    expect(isWallClockTime('24:00')).toBe(false);
    expect(isWallClockTime('7:00')).toBe(false);
    expect(() => jakartaInstant('2026-01-01', '25:00')).toThrow(RangeError);
  });
});
