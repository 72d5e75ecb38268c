import { isIP } from 'node:net';
import { EnvReader, loadServiceConfig, type ServiceConfig } from '@capaian/shared/config';

/** The services behind the gateway; each owns `/api/v1/<service>/**`. */
export const UPSTREAM_SERVICES = ['personnel', 'appraisal', 'career', 'notification'] as const;
export type UpstreamService = (typeof UPSTREAM_SERVICES)[number];

export interface GatewayConfig extends ServiceConfig {
  /** Base URL of each service (env `PERSONNEL_URL`, `APPRAISAL_URL`, `CAREER_URL`, `NOTIFICATION_URL`). */
  upstreams: Record<UpstreamService, string>;
  upstream: {
    /** TCP connect timeout (`UPSTREAM_CONNECT_TIMEOUT_MS`, default 2000). */
    connectTimeoutMs: number;
    /** Time for the headers and between body chunks of an answer (`UPSTREAM_TIMEOUT_MS`, default 30000). */
    timeoutMs: number;
  };
  rateLimit: {
    /** Requests per window per client + subject (`RATE_LIMIT_MAX`, default 300). */
    max: number;
    /** Requests per window per IP without a valid token (`RATE_LIMIT_ANONYMOUS_MAX`, default 60). */
    anonymousMax: number;
    /** Window length (`RATE_LIMIT_WINDOW_MS`, default 60000). */
    windowMs: number;
    /**
     * Per-client allowances instead of `max`, by the token's client (`azp`): `RATE_LIMIT_CLIENT_MAX`,
     * comma-separated `client=max` (e.g. `sipd-reader=3000`). Default: none.
     */
    clientMax: Record<string, number>;
    /**
     * Redis shared by every gateway replica (`RATE_LIMIT_REDIS_URL`, e.g. `redis://redis:6379/0`):
     * a client's count is the same whichever replica answers. Unset: counted in this process only.
     */
    redisUrl?: string;
    /** Prefix of the counters' keys in Redis (`RATE_LIMIT_REDIS_PREFIX`, default `capaian:gateway:rate-limit:`). */
    redisPrefix: string;
  };
  /**
   * Origins of the agency web apps whose pages may call the API from a browser (`CORS_ALLOWED_ORIGINS`,
   * comma-separated `scheme://host[:port]`). Default: none, so no CORS header is ever sent.
   */
  corsAllowedOrigins: string[];
  openApi: {
    /** Per-service fetch timeout of `/openapi.json` (`OPENAPI_TIMEOUT_MS`, default 2000). */
    timeoutMs: number;
    /** How long a merged document is served before it is rebuilt (`OPENAPI_CACHE_MS`, default 10000). */
    cacheMs: number;
  };
  /** Per-check timeout of the aggregated `/health` (`HEALTH_TIMEOUT_MS`, default 2000). */
  healthTimeoutMs: number;
  /**
   * Addresses or CIDR ranges of the reverse proxies in front of the gateway (`TRUSTED_PROXIES`,
   * comma-separated; also `loopback`, `linklocal`, `uniquelocal`). Only a request from one of them
   * may name the client in `X-Forwarded-For`, which keys the anonymous rate limit. Default: none,
   * so a forged header never buys a fresh allowance.
   */
  trustedProxies: string[];
  /**
   * The fast lane for a known caller's plain GET (proxy/fast-lane.ts; `GATEWAY_FAST_LANE`, `on` or
   * `off`, default `on`). `off` sends every request through Fastify, as before the lane existed.
   */
  fastLane: boolean;
}

const PROXY_KEYWORDS = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** An address, a CIDR range or a proxy-addr keyword. */
export function isProxyAddress(entry: string): boolean {
  if (PROXY_KEYWORDS.has(entry)) return true;
  const [address, bits, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  const n = Number(bits);
  return /^\d+$/.test(bits) && n <= (family === 4 ? 32 : 128);
}

function isRedisUrl(value: string): boolean {
  try {
    return ['redis:', 'rediss:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** `scheme://host[:port]` as a browser sends it in `Origin`, or undefined for anything else (paths, `*`, `null`). */
export function originOf(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.username || url.password || url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) return undefined;
  return url.origin;
}

/** The gateway's configuration: the common service settings plus routing, limits and timeouts. */
export function loadGatewayConfig(env: Record<string, string | undefined> = process.env): GatewayConfig {
  const base = loadServiceConfig('gateway', env);
  const r = new EnvReader(env);
  const upstreams = {} as Record<UpstreamService, string>;
  UPSTREAM_SERVICES.forEach((service, i) => {
    upstreams[service] = r.url(`${service.toUpperCase()}_URL`, `http://127.0.0.1:${3001 + i}`);
  });
  const config: GatewayConfig = {
    ...base,
    upstreams,
    upstream: {
      connectTimeoutMs: r.int('UPSTREAM_CONNECT_TIMEOUT_MS', 2000, 1, 600_000),
      timeoutMs: r.int('UPSTREAM_TIMEOUT_MS', 30_000, 1, 3_600_000),
    },
    rateLimit: {
      max: r.int('RATE_LIMIT_MAX', 300, 1),
      anonymousMax: r.int('RATE_LIMIT_ANONYMOUS_MAX', 60, 1),
      windowMs: r.int('RATE_LIMIT_WINDOW_MS', 60_000, 1),
      clientMax: {},
      redisUrl: env.RATE_LIMIT_REDIS_URL?.trim() || undefined,
      redisPrefix: r.string('RATE_LIMIT_REDIS_PREFIX', 'capaian:gateway:rate-limit:'),
    },
    corsAllowedOrigins: r.list('CORS_ALLOWED_ORIGINS', []),
    openApi: {
      timeoutMs: r.int('OPENAPI_TIMEOUT_MS', 2000, 1, 600_000),
      cacheMs: r.int('OPENAPI_CACHE_MS', 10_000, 0),
    },
    healthTimeoutMs: r.int('HEALTH_TIMEOUT_MS', 2000, 1, 600_000),
    trustedProxies: r.list('TRUSTED_PROXIES', []),
    fastLane: r.oneOf('GATEWAY_FAST_LANE', ['on', 'off'] as const, 'on') === 'on',
  };
  for (const entry of r.list('RATE_LIMIT_CLIENT_MAX', [])) {
    const [client, max, ...rest] = entry.split('=').map((part) => part.trim());
    const n = Number(max);
    if (!client || rest.length > 0 || !/^\d+$/.test(max ?? '') || n < 1 || !Number.isSafeInteger(n)) {
      r.problems.push(`RATE_LIMIT_CLIENT_MAX must list client=max pairs with a positive integer, got "${entry}"`);
    } else {
      config.rateLimit.clientMax[client] = n;
    }
  }
  if (config.rateLimit.redisUrl && !isRedisUrl(config.rateLimit.redisUrl)) {
    r.problems.push('RATE_LIMIT_REDIS_URL must be a redis:// or rediss:// URL');
  }
  config.corsAllowedOrigins = config.corsAllowedOrigins.map((origin) => {
    const normalized = originOf(origin);
    if (!normalized) r.problems.push(`CORS_ALLOWED_ORIGINS must list origins such as https://aplikasi.palembang.go.id, got "${origin}"`);
    return normalized ?? origin;
  });
  for (const entry of config.trustedProxies) {
    if (!isProxyAddress(entry)) r.problems.push(`TRUSTED_PROXIES must list IP addresses or CIDR ranges, got "${entry}"`);
  }
  r.done();
  return config;
}
