import { crossedThreshold, formatRupiah } from './budget';

describe('budget threshold', () => {
  it('reports the crossing once, when the balance falls to or below the percentage of the allocation', () => {
    expect(crossedThreshold(100_000_000, 25_000_000, 20_000_000, 20)).toBe(true);
    expect(crossedThreshold(100_000_000, 20_000_000, 15_000_000, 20)).toBe(false);
    expect(crossedThreshold(100_000_000, 30_000_000, 25_000_000, 20)).toBe(false);
    expect(crossedThreshold(0, 0, 0, 20)).toBe(false);
  });

  it('formats rupiah with dots', () => {
    expect(formatRupiah(15_000_000)).toBe('Rp15.000.000');
  });
});
