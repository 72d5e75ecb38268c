import { LocalRateLimiter } from './local-rate-limit';

describe('LocalRateLimiter', () => {
  let nowMs = 5_000_000;
  const clock = () => nowMs;
  beforeEach(() => {
    nowMs = 5_000_000;
  });

  it('counts a fixed window from the first request and refuses beyond max, with the remaining count and reset in seconds', () => {
    const limiter = new LocalRateLimiter(60_000, 100, clock);
    expect(limiter.hit('ip:10.0.0.1', 2)).toEqual({ isAllowed: false, max: 2, remaining: 1, ttlInSeconds: 60, isExceeded: false });
    nowMs += 1_500;
    expect(limiter.hit('ip:10.0.0.1', 2)).toEqual({ isAllowed: false, max: 2, remaining: 0, ttlInSeconds: 59, isExceeded: false });
    nowMs += 10_000;
    expect(limiter.hit('ip:10.0.0.1', 2)).toEqual({ isAllowed: false, max: 2, remaining: 0, ttlInSeconds: 49, isExceeded: true });
    // Another bucket is counted on its own.
    expect(limiter.hit('client:capaian-portal:u-1', 2).isExceeded).toBe(false);
  });

  it('starts a new window once the old one has passed', () => {
    const limiter = new LocalRateLimiter(1_000, 100, clock);
    limiter.hit('k', 1);
    expect(limiter.hit('k', 1).isExceeded).toBe(true);
    nowMs += 1_000;
    expect(limiter.hit('k', 1)).toEqual({ isAllowed: false, max: 1, remaining: 0, ttlInSeconds: 1, isExceeded: false });
  });

  it('keeps at most maxBuckets buckets, dropping the least recently used', () => {
    const limiter = new LocalRateLimiter(60_000, 2, clock);
    limiter.hit('a', 1);
    limiter.hit('b', 1);
    limiter.hit('a', 1); // a is now over its max and the most recently used
    limiter.hit('c', 1); // drops b
    expect(limiter.size).toBe(2);
    expect(limiter.hit('a', 1).isExceeded).toBe(true);
    expect(limiter.hit('b', 1).isExceeded).toBe(false);
  });
});
