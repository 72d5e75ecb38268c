/** What a rate-limit check answers (the fields of `fastify.createRateLimit`'s result the proxy reads). */
export interface RateLimitResult {
  isAllowed: boolean;
  isExceeded?: boolean;
  max?: number;
  remaining?: number;
  ttlInSeconds?: number;
}

interface Window {
  count: number;
  startMs: number;
}

/**
 * The rate-limit counters of one gateway instance when no Redis is configured: a fixed window per
 * bucket that starts with the bucket's first request, counted and answered exactly as
 * @fastify/rate-limit's in-memory store does (same window, same remaining and reset figures, at most
 * 5,000 buckets, the least recently used one dropped first). It answers synchronously: the plugin's
 * store works through a callback wrapped in two promises per request, which the proxy's hook then
 * has to await. With RATE_LIMIT_REDIS_URL the plugin and its Redis store are used instead.
 */
export class LocalRateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly windowMs: number,
    private readonly maxBuckets = 5000,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.windows.size;
  }

  /** Counts one request against `key` and says whether it is over `max` in the current window. */
  hit(key: string, max: number): RateLimitResult {
    const nowMs = this.now();
    let window = this.windows.get(key);
    if (window !== undefined) this.windows.delete(key);
    if (window === undefined || window.startMs + this.windowMs <= nowMs) window = { count: 0, startMs: nowMs };
    // Re-inserted on every hit: the Map's first key is then the least recently used bucket.
    if (this.windows.size >= this.maxBuckets) this.windows.delete(this.windows.keys().next().value as string);
    this.windows.set(key, window);
    window.count++;
    const ttlMs = this.windowMs - (nowMs - window.startMs);
    return { isAllowed: false, max, remaining: Math.max(0, max - window.count), ttlInSeconds: Math.ceil(ttlMs / 1000), isExceeded: window.count > max };
  }
}
