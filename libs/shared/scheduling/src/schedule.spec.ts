import { dailyAt, describeSchedule, every, nextSlotAfter, slotAt, yearlyOn } from './schedule';

const at = (iso: string) => new Date(iso);
const slot = (s: { key: string; start: Date; end: Date }) => ({ key: s.key, start: s.start.toISOString(), end: s.end.toISOString() });

describe('interval slots', () => {
  const quarterHour = every({ minutes: 15 });

  it('aligns slots to the epoch, so every replica computes the same ones', () => {
    expect(slot(slotAt(quarterHour, at('2026-12-31T01:22:10Z')))).toEqual({
      key: '2026-12-31T01:15:00.000Z',
      start: '2026-12-31T01:15:00.000Z',
      end: '2026-12-31T01:30:00.000Z',
    });
  });

  it('puts a slot boundary in the new slot, and the instant before it in the old one', () => {
    expect(slotAt(quarterHour, at('2026-12-31T01:30:00Z')).key).toBe('2026-12-31T01:30:00.000Z');
    expect(slotAt(quarterHour, at('2026-12-31T01:29:59.999Z')).key).toBe('2026-12-31T01:15:00.000Z');
    expect(nextSlotAfter(quarterHour, at('2026-12-31T01:30:00Z')).key).toBe('2026-12-31T01:45:00.000Z');
  });

  it('refuses intervals below a second', () => {
    expect(() => every(999)).toThrow(RangeError);
    expect(() => every({ seconds: 1.5 })).not.toThrow();
    expect(() => every(1500.5)).toThrow(RangeError);
  });
});

describe('daily slots in Asia/Jakarta', () => {
  const sevenAm = dailyAt('07:00');

  it('names the slot by the Jakarta date, from 07:00 WIB (00:00 UTC) to the next day', () => {
    expect(slot(slotAt(sevenAm, at('2026-12-31T00:00:00Z')))).toEqual({
      key: '2026-12-31',
      start: '2026-12-31T00:00:00.000Z',
      end: '2027-01-01T00:00:00.000Z',
    });
  });

  it('before 07:00 WIB it is still yesterday’s slot', () => {
    expect(slotAt(sevenAm, at('2026-12-30T23:59:59Z')).key).toBe('2026-12-30');
    // 06:59 WIB on 1 March of a common year: the slot is 28 February.
    expect(slotAt(sevenAm, at('2027-02-28T23:59:00Z')).key).toBe('2027-02-28');
    expect(slotAt(sevenAm, at('2028-02-29T23:59:00Z')).key).toBe('2028-02-29');
  });

  it('handles a time after midnight UTC but late in the Jakarta evening', () => {
    const lateEvening = dailyAt('23:30'); // 16:30 UTC
    expect(slotAt(lateEvening, at('2026-06-15T16:29:00Z')).key).toBe('2026-06-14');
    expect(slotAt(lateEvening, at('2026-06-15T16:30:00Z')).key).toBe('2026-06-15');
    const earlyMorning = dailyAt('00:15'); // 17:15 UTC the day before
    expect(slot(slotAt(earlyMorning, at('2026-06-15T17:20:00Z')))).toMatchObject({ key: '2026-06-16', start: '2026-06-15T17:15:00.000Z' });
  });

  it('gives the next slot', () => {
    expect(nextSlotAfter(sevenAm, at('2026-12-31T12:00:00Z')).key).toBe('2027-01-01');
  });

  it('refuses a malformed time', () => {
    expect(() => dailyAt('7:00')).toThrow(RangeError);
    expect(() => dailyAt('24:00')).toThrow(RangeError);
  });
});

describe('yearly slots in Asia/Jakarta', () => {
  const yearEnd = yearlyOn('12-31', '20:00'); // 13:00 UTC

  it('names the slot by the year and runs from that evening to the same evening next year', () => {
    expect(slot(slotAt(yearEnd, at('2026-12-31T13:00:00Z')))).toEqual({ key: '2026', start: '2026-12-31T13:00:00.000Z', end: '2027-12-31T13:00:00.000Z' });
    expect(slotAt(yearEnd, at('2026-12-31T12:59:59Z')).key).toBe('2025');
    // Already 1 January 2027 in Jakarta, but the 2027 year-end has not come: still the 2026 slot.
    expect(slotAt(yearEnd, at('2026-12-31T18:00:00Z')).key).toBe('2026');
  });

  it('handles a date whose Jakarta time falls on the previous UTC day', () => {
    const newYear = yearlyOn('01-01', '00:05'); // 17:05 UTC on 31 December
    expect(slotAt(newYear, at('2026-12-31T17:05:00Z')).key).toBe('2027');
    expect(slotAt(newYear, at('2026-12-31T17:04:00Z')).key).toBe('2026');
  });

  it('refuses dates that do not exist every year', () => {
    expect(() => yearlyOn('02-29', '08:00')).toThrow(RangeError);
    expect(() => yearlyOn('13-01', '08:00')).toThrow(RangeError);
    expect(() => yearlyOn('12-31', '8:00')).toThrow(RangeError);
  });
});

describe('describeSchedule', () => {
  it('reads well in logs', () => {
    expect(describeSchedule(every({ minutes: 15 }))).toBe('every 15 min');
    expect(describeSchedule(every({ seconds: 30 }))).toBe('every 30 s');
    expect(describeSchedule(dailyAt('07:00'))).toBe('daily 07:00 WIB');
    expect(describeSchedule(yearlyOn('12-31', '20:00'))).toBe('yearly 12-31 20:00 WIB');
  });
});
