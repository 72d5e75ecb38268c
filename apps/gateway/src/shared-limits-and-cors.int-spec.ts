/**
 * Rate limits shared by gateway replicas through the real Redis (127.0.0.1:6379, infra/infra.sh),
 * and CORS for the allow-listed agency web apps. Real gateways in-process, the probe service behind
 * them, real Keycloak tokens. Each run counts under its own Redis key prefix, so it never shares a
 * bucket with a running platform or another run.
 */
import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DEMO_CLIENTS, DEMO_USERS, getClientToken, getToken } from '@capaian/shared/testing';
import { Redis } from 'ioredis';
import { closedPortUrl } from '../test/broken-upstreams';
import { type ProbeService, startProbeService } from '../test/probe-service';
import { createGatewayApp } from './gateway.app';
import { loadGatewayConfig } from './gateway.config';

jest.setTimeout(30_000);

const PROBLEM = /^application\/problem\+json/;
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const AGENCY = 'https://sipd.palembang.go.id';

interface Gateway {
  app: NestFastifyApplication;
  url: string;
}

let probe: ProbeService;
let hendra: string;
let dimas: string;
let sipd: string;
const started: Gateway[] = [];

async function startGateway(env: Record<string, string>): Promise<Gateway> {
  const url = probe.url;
  const app = await createGatewayApp(
    loadGatewayConfig({ ...process.env, LOG_LEVEL: 'error', PERSONNEL_URL: url, APPRAISAL_URL: url, CAREER_URL: url, NOTIFICATION_URL: url, ...env }),
  );
  await app.listen(0, '127.0.0.1');
  const gateway = { app, url: (await app.getUrl()).replace('[::1]', '127.0.0.1') };
  started.push(gateway);
  return gateway;
}

const whoami = (gateway: Gateway, token?: string, headers: Record<string, string> = {}) =>
  fetch(`${gateway.url}/api/v1/personnel/whoami`, { headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } });

beforeAll(async () => {
  probe = await startProbeService('personnel');
  [hendra, dimas, sipd] = await Promise.all([
    getToken(DEMO_USERS.hendra.nip),
    getToken(DEMO_USERS.dimas.nip),
    getClientToken(DEMO_CLIENTS.sipdReader.clientId, DEMO_CLIENTS.sipdReader.secret),
  ]);
});

afterAll(async () => {
  await Promise.allSettled(started.map((g) => g.app.close()));
  await probe?.close();
});

describe('rate limits shared by two gateway replicas through Redis', () => {
  const prefix = `capaian:test:gateway-rate-limit:${randomUUID()}:`;
  let a: Gateway;
  let b: Gateway;
  beforeAll(async () => {
    const env = {
      RATE_LIMIT_REDIS_URL: REDIS_URL,
      RATE_LIMIT_REDIS_PREFIX: prefix,
      RATE_LIMIT_MAX: '4',
      RATE_LIMIT_ANONYMOUS_MAX: '3',
      RATE_LIMIT_WINDOW_MS: '60000',
      RATE_LIMIT_CLIENT_MAX: 'sipd-reader=7',
    };
    [a, b] = await Promise.all([startGateway(env), startGateway(env)]);
  });
  afterAll(async () => {
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  it('counts one client’s requests on either replica in one bucket: the fifth gets 429 problem+json with Retry-After on both', async () => {
    for (const gateway of [a, b, a, b]) expect((await whoami(gateway, hendra)).status).toBe(200);
    for (const gateway of [a, b]) {
      const res = await whoami(gateway, hendra);
      expect(res.status).toBe(429);
      expect(res.headers.get('content-type')).toMatch(PROBLEM);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(Number(res.headers.get('retry-after'))).toBeLessThanOrEqual(60);
      expect(res.headers.get('x-ratelimit-limit')).toBe('4');
      expect(await res.json()).toMatchObject({ status: 429, code: 'TERLALU_BANYAK_PERMINTAAN', retryAfterSeconds: expect.any(Number) });
    }
    const redis = new Redis(REDIS_URL);
    try {
      const keys = await redis.keys(`${prefix}*`);
      expect(keys.some((key) => key.includes(decodeSubject(hendra)))).toBe(true);
    } finally {
      await redis.quit();
    }
  });

  it('a flood from one client leaves the others untouched', async () => {
    const flood = await Promise.all(Array.from({ length: 60 }, (_, i) => whoami(i % 2 ? a : b, hendra)));
    expect(flood.every((res) => res.status === 429)).toBe(true);
    for (const gateway of [a, b]) {
      const res = await whoami(gateway, dimas);
      expect(res.status).toBe(200);
      expect(((await res.json()) as { nip: string }).nip).toBe(DEMO_USERS.dimas.nip);
    }
  });

  it('gives a client named in RATE_LIMIT_CLIENT_MAX its own allowance, shared as well', async () => {
    for (let i = 0; i < 7; i++) expect((await whoami(i % 2 ? a : b, sipd)).status).toBe(200);
    const res = await whoami(a, sipd);
    expect(res.status).toBe(429);
    expect(res.headers.get('x-ratelimit-limit')).toBe('7');
  });

  it('shares the per-IP bucket of callers without a valid token, whatever X-Forwarded-For they forge', async () => {
    for (const [gateway, forged] of [[a, '198.51.100.1'], [b, '198.51.100.2'], [a, '198.51.100.3']] as const) {
      expect((await whoami(gateway, undefined, { 'x-forwarded-for': forged })).status).toBe(401);
    }
    const res = await whoami(b, undefined, { 'x-forwarded-for': '198.51.100.4' });
    expect(res.status).toBe(429);
    expect(((await res.json()) as { code: string }).code).toBe('TERLALU_BANYAK_PERMINTAAN');
  });
});

describe('a rate-limit store that is down', () => {
  it('neither stops the gateway from starting nor refuses requests', async () => {
    const closed = (await closedPortUrl()).replace(/^http:/, 'redis:');
    const gateway = await startGateway({ RATE_LIMIT_REDIS_URL: closed, RATE_LIMIT_MAX: '2' });
    for (let i = 0; i < 4; i++) expect((await whoami(gateway, dimas)).status).toBe(200);
    const metrics = await (await fetch(`${gateway.url}/metrics`)).text();
    expect(metrics).toMatch(/gateway_rate_limit_store_errors_total [1-9]/);
  });
});

describe('CORS for agency web apps', () => {
  let open: Gateway;
  let closed: Gateway;
  beforeAll(async () => {
    const limits = { RATE_LIMIT_MAX: '10000', RATE_LIMIT_ANONYMOUS_MAX: '10000' };
    [open, closed] = await Promise.all([startGateway({ ...limits, CORS_ALLOWED_ORIGINS: `${AGENCY}, http://localhost:5173` }), startGateway(limits)]);
  });

  it('an allowed origin gets the headers, with what its page may read', async () => {
    const res = await whoami(open, dimas, { origin: AGENCY });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(AGENCY);
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    expect(res.headers.get('access-control-expose-headers')).toContain('x-correlation-id');
    expect(res.headers.get('access-control-expose-headers')).toContain('retry-after');
    expect(res.headers.get('vary')).toMatch(/origin/i);
  });

  it('also on a refusal, so that the page can read the problem', async () => {
    const res = await whoami(open, undefined, { origin: AGENCY });
    expect(res.status).toBe(401);
    expect(res.headers.get('access-control-allow-origin')).toBe(AGENCY);
  });

  it('any other origin gets no CORS header', async () => {
    for (const origin of ['https://jahat.example', 'https://sipd.palembang.go.id.jahat.example', 'null']) {
      const res = await whoami(open, dimas, { origin });
      expect(res.status).toBe(200);
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('answers the preflight of an allowed origin without a token, and not another origin’s', async () => {
    const preflight = (origin: string) =>
      fetch(`${open.url}/api/v1/personnel/probe/catatan`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type, idempotency-key' },
      });
    const before = probe.apiRequests();
    const allowed = await preflight(AGENCY);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(AGENCY);
    expect(allowed.headers.get('access-control-allow-methods')).toContain('POST');
    expect(allowed.headers.get('access-control-allow-headers')?.split(',').map((h) => h.trim())).toEqual(
      expect.arrayContaining(['authorization', 'content-type', 'idempotency-key']),
    );
    expect(allowed.headers.get('access-control-max-age')).toBe('600');
    const other = await preflight('https://jahat.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    expect(probe.apiRequests()).toBe(before);
  });

  it('the browser’s POST after the preflight reaches the service', async () => {
    const res = await fetch(`${open.url}/api/v1/personnel/probe/catatan`, {
      method: 'POST',
      headers: { origin: AGENCY, authorization: `Bearer ${dimas}`, 'content-type': 'application/json' },
      body: JSON.stringify({ isi: 'dari aplikasi dinas' }),
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('access-control-allow-origin')).toBe(AGENCY);
  });

  it('sends no CORS header at all when no origin is configured (the default)', async () => {
    const res = await whoami(closed, dimas, { origin: AGENCY });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(`${closed.url}/api/v1/personnel/whoami`, { method: 'OPTIONS', headers: { origin: AGENCY, 'access-control-request-method': 'GET' } });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });
});

function decodeSubject(token: string): string {
  return (JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { sub: string }).sub;
}
