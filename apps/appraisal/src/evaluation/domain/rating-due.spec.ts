import { TestClock } from '@capaian/shared/scheduling';
import { awaitsRating, isRatingAnnouncedOn, ratingYears, type RatingCandidate } from './rating-due';

describe('rating due notice', () => {
  const set: RatingCandidate = { status: 'DITETAPKAN', setOn: '2026-01-20', endDate: '2026-12-31', rated: false, reportsWithoutFeedback: 0 };

  it('waits for a rating only when the SKP is ratable and not rated', () => {
    const clock = new TestClock('2026-12-30T17:00:00Z'); // 31 December, 00.00 WIB
    expect(awaitsRating(set, clock.today())).toBe(true);
    clock.set('2026-12-30T16:59:00Z');
    expect(awaitsRating(set, clock.today())).toBe(false); // its last day not reached
    expect(awaitsRating({ ...set, rated: true }, '2027-01-10')).toBe(false);
    expect(awaitsRating({ ...set, reportsWithoutFeedback: 1 }, '2027-01-10')).toBe(false);
    expect(awaitsRating({ ...set, status: 'DITUTUP', endDate: '2026-06-30' }, '2027-01-10')).toBe(true);
    expect(awaitsRating({ ...set, status: 'DITUTUP', setOn: null, endDate: '2026-06-30' }, '2027-01-10')).toBe(false); // a draft closed on a transfer
    expect(awaitsRating({ ...set, status: 'DIGANTI' }, '2027-01-10')).toBe(false);
    expect(awaitsRating({ ...set, status: 'DRAFT', setOn: null }, '2027-01-10')).toBe(false);
  });

  it('announces from leadDays before the rating deadline through the deadline day, never after', () => {
    expect(isRatingAnnouncedOn('2027-01-31', '2027-01-16', 14)).toBe(false);
    expect(isRatingAnnouncedOn('2027-01-31', '2027-01-17', 14)).toBe(true);
    expect(isRatingAnnouncedOn('2027-01-31', '2027-01-31', 14)).toBe(true);
    expect(isRatingAnnouncedOn('2027-01-31', '2027-02-01', 14)).toBe(false);
  });

  it('looks at the years whose rating deadline can fall today', () => {
    expect(ratingYears('2027-01-20')).toEqual([2025, 2026, 2027]);
  });
});
