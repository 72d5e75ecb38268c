import { addYears, compareIsoDates, daysInMonth, daysInclusive, isIsoDate, isValidCalendarDate, parseIsoDate, todayInJakarta } from './dates';

describe('calendar dates', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2026-04-31', false],
    ['2026-12-31', true],
    ['2026-1-01', false],
    ['31-12-2026', false],
    [20261231, false],
  ])('%p is an ISO date: %p', (value, expected) => expect(isIsoDate(value)).toBe(expected));

  it('knows month lengths', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2026, 9)).toBe(30);
    expect(isValidCalendarDate(2026, 13, 1)).toBe(false);
  });

  it('adds years, clamping 29 February', () => {
    expect(addYears('2004-02-29', 18)).toBe('2022-02-28');
    expect(addYears('1990-07-15', 18)).toBe('2008-07-15');
  });

  it('gives today in Asia/Jakarta (UTC+7)', () => {
    expect(todayInJakarta(new Date('2026-11-28T16:59:59Z'))).toBe('2026-11-28');
    expect(todayInJakarta(new Date('2026-11-28T17:00:00Z'))).toBe('2026-11-29');
  });
});

describe('parseIsoDate, compareIsoDates, daysInclusive', () => {

  it.each(['2026-02-30', '2026-1-5', '2026-13-01', '', '2026-02-29'])('rejects %p', (v) => expect(parseIsoDate(v)).toBeNull());

  it('parses valid dates, including 29 February of a leap year', () => {
    expect(parseIsoDate('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 });
  });

  it('compares lexically and counts both ends', () => {
    expect(compareIsoDates('2026-01-31', '2026-02-01')).toBeLessThan(0);
    expect(compareIsoDates('2026-02-01', '2026-02-01')).toBe(0);
    expect(daysInclusive(parseIsoDate('2026-03-01')!, parseIsoDate('2026-03-01')!)).toBe(1);
    expect(daysInclusive(parseIsoDate('2026-02-27')!, parseIsoDate('2026-03-02')!)).toBe(4);
  });
});
