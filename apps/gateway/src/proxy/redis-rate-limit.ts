import type { Redis } from 'ioredis';
import type { RateLimitResult } from './local-rate-limit';

/**
 * One count in Redis, atomically: the first request of a window starts the window's expiry, the
 * others read what is left of it. The same fixed window as the in-process counters
 * (local-rate-limit.ts) and as @fastify/rate-limit's Redis store, which the gateway used before.
 */
const COUNT = `
local current = redis.call('INCR', KEYS[1])
local ttl = tonumber(ARGV[1])
if current == 1 then
  redis.call('PEXPIRE', KEYS[1], ttl)
else
  ttl = redis.call('PTTL', KEYS[1])
end
return {current, ttl}
`;

type CountingRedis = Redis & { capaianRateLimit(key: string, windowMs: number): Promise<[number, number]> };

/**
 * The rate-limit counters shared by every gateway replica (RATE_LIMIT_REDIS_URL), for both of the
 * gateway's paths (the full path's hook and the fast lane). A count that fails (Redis down or slow)
 * lets the request through uncounted: an outage of the counters must not become an outage of the
 * API; the connection's errors are logged and counted where it is opened.
 */
export class RedisRateLimiter {
  private readonly redis: CountingRedis;

  constructor(
    redis: Redis,
    private readonly prefix: string,
    private readonly windowMs: number,
  ) {
    redis.defineCommand('capaianRateLimit', { numberOfKeys: 1, lua: COUNT });
    this.redis = redis as CountingRedis;
  }

  /** Counts one request against `key` and says whether it is over `max` in the current window. */
  hit(key: string, max: number): Promise<RateLimitResult> {
    return this.redis.capaianRateLimit(this.prefix + key, this.windowMs).then(
      ([current, ttlMs]) => ({ isAllowed: false, max, remaining: Math.max(0, max - current), ttlInSeconds: Math.ceil(Math.max(0, ttlMs) / 1000), isExceeded: current > max }),
      () => ({ isAllowed: false, max, remaining: max, ttlInSeconds: 0, isExceeded: false }),
    );
  }
}
