import { addYears, daysInMonth, isIsoDate, isValidCalendarDate, todayInJakarta } from './dates';

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
