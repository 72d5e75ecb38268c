import { placesToPromote } from './waitlist';

const at = (iso: string) => new Date(`2026-03-01T${iso}Z`);

describe('waitlist promotion', () => {
  const queue = [
    { id: 'c', waitlistedAt: at('10:00:02'), hasOverlap: false },
    { id: 'a', waitlistedAt: at('10:00:00'), hasOverlap: false },
    { id: 'b', waitlistedAt: at('10:00:01'), hasOverlap: true },
    { id: 'e', waitlistedAt: at('10:00:03'), hasOverlap: false },
    { id: 'd', waitlistedAt: at('10:00:03'), hasOverlap: false },
  ];

  it('moves up the earliest first, one per freed seat, skipping a person busy elsewhere', () => {
    expect(placesToPromote(queue, 1)).toEqual(['a']);
    expect(placesToPromote(queue, 2)).toEqual(['a', 'c']);
    expect(placesToPromote(queue, 3)).toEqual(['a', 'c', 'd']);
    expect(placesToPromote(queue, 10)).toEqual(['a', 'c', 'd', 'e']);
  });

  it('promotes nobody without a free seat or a queue', () => {
    expect(placesToPromote(queue, 0)).toEqual([]);
    expect(placesToPromote([], 3)).toEqual([]);
  });
});
