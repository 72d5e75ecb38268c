import { backoffDelay, firstSendableTime, isQuietTime, nextAttemptAt, wibDate, wibTimeOnDay } from './schedule';

const quiet = { startHour: 21, endHour: 6 };

describe('backoff', () => {
  const policy = { baseMs: 5_000, maxMs: 60_000 };
  it('doubles from the base and stops at the cap', () => {
    expect([1, 2, 3, 4, 5, 6].map((a) => backoffDelay(a, policy))).toEqual([5_000, 10_000, 20_000, 40_000, 60_000, 60_000]);
  });
  it('never overflows for a row retried for days', () => {
    expect(backoffDelay(10_000, policy)).toBe(60_000);
  });
  it('counts from the time of the failed attempt', () => {
    expect(nextAttemptAt(new Date('2026-12-03T03:00:00Z'), 2, policy).toISOString()).toBe('2026-12-03T03:00:10.000Z');
  });
});

describe('quiet hours (WIB)', () => {
  it('are 21.00–06.00 in Palembang, across midnight', () => {
    expect(isQuietTime(new Date('2026-12-03T13:59:59Z'), quiet)).toBe(false); // 20.59 WIB
    expect(isQuietTime(new Date('2026-12-03T14:00:00Z'), quiet)).toBe(true); // 21.00 WIB
    expect(isQuietTime(new Date('2026-12-03T17:30:00Z'), quiet)).toBe(true); // 00.30 WIB
    expect(isQuietTime(new Date('2026-12-03T22:59:59Z'), quiet)).toBe(true); // 05.59 WIB
    expect(isQuietTime(new Date('2026-12-03T23:00:00Z'), quiet)).toBe(false); // 06.00 WIB
  });
  it('hold a mail until the next 06.00 WIB, before or after midnight', () => {
    expect(firstSendableTime(new Date('2026-12-03T15:00:00Z'), quiet).toISOString()).toBe('2026-12-03T23:00:00.000Z');
    expect(firstSendableTime(new Date('2026-12-03T20:00:00Z'), quiet).toISOString()).toBe('2026-12-03T23:00:00.000Z');
  });
  it('leave a daytime mail alone', () => {
    const at = new Date('2026-12-03T03:00:00Z');
    expect(firstSendableTime(at, quiet)).toBe(at);
  });
  it('can be switched off with equal hours, or lie within one day', () => {
    expect(isQuietTime(new Date('2026-12-03T17:30:00Z'), { startHour: 0, endHour: 0 })).toBe(false);
    expect(isQuietTime(new Date('2026-12-03T06:00:00Z'), { startHour: 12, endHour: 14 })).toBe(true); // 13.00 WIB
  });
});

describe('WIB calendar', () => {
  it('puts 23.00 UTC on the next WIB day', () => {
    expect(wibDate(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
    expect(wibTimeOnDay(new Date('2026-12-31T17:00:00Z'), 7).toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });
});
