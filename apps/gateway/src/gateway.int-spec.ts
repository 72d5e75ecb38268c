/**
 * The gateway and the shared auth guard against the real Keycloak (infra/infra.sh up keycloak):
 * a real gateway in-process, a real Nest service (test/probe-service.ts) behind it, real tokens.
 * Every refused token is also sent straight to the service: its own guard must refuse it too.
 */
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  createForgingKey,
  decodeToken,
  DEMO_CLIENTS,
  DEMO_USERS,
  forgeToken,
  type ForgingKey,
  getClientToken,
  getToken,
  getTokenWithoutApiAudience,
  trustKeyInRealm,
} from '@capaian/shared/testing';
import request from 'supertest';
import { type BrokenUpstream, closedPortUrl, startHangingUpstream, startResettingUpstream } from '../test/broken-upstreams';
import { type ProbeService, startProbeService } from '../test/probe-service';
import { createGatewayApp } from './gateway.app';
import { loadGatewayConfig } from './gateway.config';

jest.setTimeout(20_000);

const PROBLEM = /^application\/problem\+json/;

let probe: ProbeService;
let hanging: BrokenUpstream;
let resetting: BrokenUpstream;
let gateway: NestFastifyApplication;
let gatewayUrl: string;
let trusted: ForgingKey & { remove(): Promise<void> };
let hendra: string;
let dimas: string;
let sipd: string;

async function startGateway(env: Record<string, string>): Promise<{ app: NestFastifyApplication; url: string }> {
  const app = await createGatewayApp(loadGatewayConfig({ ...process.env, LOG_LEVEL: 'error', ...env }));
  await app.listen(0, '127.0.0.1');
  return { app, url: (await app.getUrl()).replace('[::1]', '127.0.0.1') };
}

beforeAll(async () => {
  // Before any verifier fetches the JWKS: the realm then publishes our verify-only key too, so a
  // forged token's signature is valid and only the other checks can refuse it.
  trusted = await trustKeyInRealm();
  [probe, hanging, resetting] = await Promise.all([startProbeService('personnel'), startHangingUpstream(), startResettingUpstream()]);
  ({ app: gateway, url: gatewayUrl } = await startGateway({
    PERSONNEL_URL: probe.url,
    APPRAISAL_URL: resetting.url,
    CAREER_URL: hanging.url,
    NOTIFICATION_URL: await closedPortUrl(),
    UPSTREAM_TIMEOUT_MS: '700',
    OPENAPI_TIMEOUT_MS: '700',
    HEALTH_TIMEOUT_MS: '700',
    RATE_LIMIT_MAX: '10000',
    RATE_LIMIT_ANONYMOUS_MAX: '10000',
  }));
  [hendra, dimas, sipd] = await Promise.all([
    getToken(DEMO_USERS.hendra.nip),
    getToken(DEMO_USERS.dimas.nip),
    getClientToken(DEMO_CLIENTS.sipdReader.clientId, DEMO_CLIENTS.sipdReader.secret),
  ]);
});

afterAll(async () => {
  await Promise.allSettled([gateway?.close(), probe?.close(), hanging?.close(), resetting?.close()]);
  await trusted?.remove();
});

const get = (base: string, path: string, token?: string) => {
  const r = request(base).get(path);
  return token === undefined ? r : r.set('authorization', `Bearer ${token}`);
};

describe('a valid token', () => {
  it('reaches the service through the gateway, which sees the caller’s NIP, OPD and roles', async () => {
    const res = await get(gatewayUrl, '/api/v1/personnel/whoami', hendra).expect(200);
    expect(res.body).toMatchObject({
      service: 'personnel',
      username: DEMO_USERS.hendra.nip,
      nip: DEMO_USERS.hendra.nip,
      opd: 'BKPSDM',
      clientId: 'capaian-tests',
      isServiceAccount: false,
      subject: decodeToken(hendra).payload.sub,
    });
    expect(res.body.roles).toEqual(expect.arrayContaining(['pegawai', 'admin-bkpsdm']));
    expect(res.body).not.toHaveProperty('token');
  });

  it('passes an admin route for admin-bkpsdm', async () => {
    const res = await get(gatewayUrl, '/api/v1/personnel/probe/admin', hendra).expect(200);
    expect(res.body).toEqual({ ok: true, nip: DEMO_USERS.hendra.nip });
  });

  it('forged with the realm-trusted test key passes too (so the refusals below are the checks, not the key)', async () => {
    const res = await get(gatewayUrl, '/api/v1/personnel/whoami', forgeToken({ key: trusted })).expect(200);
    expect(res.body.nip).toBe(DEMO_USERS.hendra.nip);
  });

  it('is also accepted by the gateway’s own whoami', async () => {
    const res = await get(gatewayUrl, '/api/v1/gateway/whoami', dimas).expect(200);
    expect(res.body).toMatchObject({ service: 'gateway', nip: DEMO_USERS.dimas.nip, opd: 'DISKOMINFO' });
  });
});

describe('refused tokens: 401 problem+json at the gateway (service not contacted) and at the service itself', () => {
  const tamperedRoles = () => {
    const [h, p, s] = dimas.split('.');
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
    payload.realm_access.roles.push('admin-bkpsdm');
    return `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}`;
  };
  const cases: [string, () => Promise<string | undefined> | string | undefined, string, string][] = [
    ['no token', () => undefined, 'TOKEN_TIDAK_ADA', 'missing'],
    ['not a JWT', () => 'bukan-token', 'TOKEN_TIDAK_VALID', 'malformed'],
    ['an expired token', () => forgeToken({ key: trusted, expiresIn: -30 }), 'TOKEN_KEDALUWARSA', 'expired'],
    ['a token signed by another key (same kid)', () => forgeToken({ key: createForgingKey(trusted.kid) }), 'TOKEN_TIDAK_VALID', 'signature'],
    ['a token with an unknown kid', () => forgeToken({ key: createForgingKey('kid-yang-tidak-ada') }), 'TOKEN_TIDAK_VALID', 'key_unknown'],
    ['a real Keycloak token for another audience (admin-cli)', () => getTokenWithoutApiAudience(DEMO_USERS.hendra.nip), 'TOKEN_TIDAK_VALID', 'audience'],
    ['a forged token for another audience', () => forgeToken({ key: trusted, aud: 'account' }), 'TOKEN_TIDAK_VALID', 'audience'],
    ['alg none', () => forgeToken({ key: trusted, alg: 'none' }), 'TOKEN_TIDAK_VALID', 'algorithm'],
    ['HS256 signed with the public key', () => forgeToken({ key: trusted, alg: 'HS256' }), 'TOKEN_TIDAK_VALID', 'algorithm'],
    ['a future nbf', () => forgeToken({ key: trusted, notBefore: 600 }), 'TOKEN_BELUM_BERLAKU', 'not_yet_valid'],
    ['no exp', () => forgeToken({ key: trusted, claims: { exp: undefined } }), 'TOKEN_TIDAK_VALID', 'exp_missing'],
    ['another issuer', () => forgeToken({ key: trusted, claims: { iss: 'http://127.0.0.1:8180/realms/master' } }), 'TOKEN_TIDAK_VALID', 'issuer'],
    ['a real token with roles added', tamperedRoles, 'TOKEN_TIDAK_VALID', 'signature'],
  ];

  it.each(cases)('%s', async (_name, makeToken, code, reason) => {
    const token = await makeToken();
    const before = probe.apiRequests();
    const viaGateway = await get(gatewayUrl, '/api/v1/personnel/whoami', token);
    expect(probe.apiRequests()).toBe(before);
    const direct = await get(probe.url, '/api/v1/personnel/whoami', token);
    expect(probe.apiRequests()).toBe(before + 1);
    for (const res of [viaGateway, direct]) {
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer realm="capaian"/);
      expect(res.body).toMatchObject({ status: 401, code, reason, instance: '/api/v1/personnel/whoami' });
      expect(res.body.correlationId).toBe(res.headers['x-correlation-id']);
    }
  });
});

describe('roles', () => {
  it('a pegawai on an admin route: 403 PERAN_TIDAK_MEMADAI, at the gateway’s upstream and directly', async () => {
    for (const base of [gatewayUrl, probe.url]) {
      const res = await get(base, '/api/v1/personnel/probe/admin', dimas).expect(403);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.body).toMatchObject({ code: 'PERAN_TIDAK_MEMADAI', requiredRoles: ['admin-bkpsdm'] });
    }
  });

  it('the sipd-reader service account reads, but is refused the admin route', async () => {
    const who = await get(gatewayUrl, '/api/v1/personnel/whoami', sipd).expect(200);
    expect(who.body).toMatchObject({ username: 'service-account-sipd-reader', clientId: 'sipd-reader', isServiceAccount: true, roles: ['integrasi-baca'] });
    expect(who.body).not.toHaveProperty('nip');
    const read = await get(gatewayUrl, '/api/v1/personnel/probe/laporan', sipd).expect(200);
    expect(read.body).toEqual({ items: [], readBy: 'service-account-sipd-reader' });
    const admin = await get(gatewayUrl, '/api/v1/personnel/probe/admin', sipd).expect(403);
    expect(admin.body.code).toBe('PERAN_TIDAK_MEMADAI');
  });
});

describe('writes through the proxy', () => {
  it('forwards a JSON body and relays the service’s own validation problem unchanged', async () => {
    const created = await request(gatewayUrl).post('/api/v1/personnel/probe/catatan').set('authorization', `Bearer ${dimas}`).send({ isi: 'laporan harian' }).expect(201);
    expect(created.body).toEqual({ isi: 'laporan harian', oleh: DEMO_USERS.dimas.nip });
    const invalid = await request(gatewayUrl)
      .post('/api/v1/personnel/probe/catatan')
      .set('authorization', `Bearer ${dimas}`)
      .send({ isi: 'x', tambahan: true })
      .expect(400);
    expect(invalid.headers['content-type']).toMatch(PROBLEM);
    expect(invalid.body).toMatchObject({ code: 'VALIDASI_GAGAL' });
    expect(invalid.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'tambahan' })]));
  });
});

describe('correlation id', () => {
  it('passes the caller’s id to the service and returns it', async () => {
    const res = await get(gatewayUrl, '/api/v1/personnel/probe/echo', hendra).set('x-correlation-id', 'uji-korelasi-0001').expect(200);
    expect(res.headers['x-correlation-id']).toBe('uji-korelasi-0001');
    expect(res.body).toMatchObject({ correlationId: 'uji-korelasi-0001', headerCorrelationId: 'uji-korelasi-0001', forwardedFor: '127.0.0.1' });
  });

  it('creates one when the caller sends none (or an unsafe one), the same at gateway and service', async () => {
    for (const sent of [undefined, 'bad id with spaces']) {
      const r = get(gatewayUrl, '/api/v1/personnel/probe/echo', hendra);
      const res = await (sent ? r.set('x-correlation-id', sent) : r).expect(200);
      const id = res.headers['x-correlation-id'];
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(res.body.correlationId).toBe(id);
    }
  });
});

describe('forwarding', () => {
  it('passes path and query unchanged, drops hop-by-hop headers (and those the Connection header names), keeps the rest', async () => {
    const path = '/api/v1/personnel/probe/echo?urut=nama&cari=%C3%A9&cari=b%20c';
    const res = await get(gatewayUrl, path, hendra)
      .set('connection', 'keep-alive, x-hop-pribadi')
      .set('keep-alive', 'timeout=5')
      .set('x-hop-pribadi', 'rahasia')
      .set('x-ujung-ke-ujung', 'ya')
      .expect(200);
    expect(res.body.url).toBe(path);
    expect(res.body.headerNames).toContain('x-ujung-ke-ujung');
    expect(res.body.headerNames).toContain('authorization');
    for (const dropped of ['keep-alive', 'x-hop-pribadi']) expect(res.body.headerNames).not.toContain(dropped);
    expect(res.body).toMatchObject({ forwardedFor: '127.0.0.1', forwardedProto: 'http', forwardedHost: new URL(gatewayUrl).host, host: new URL(probe.url).host });
  });

  it('streams an answer larger than it buffers, whole', async () => {
    const res = await get(gatewayUrl, '/api/v1/personnel/probe/besar', hendra).expect(200);
    expect(Number(res.headers['content-length'])).toBeGreaterThan(256 * 1024);
    expect(res.body.isi).toBe('abcdefghij'.repeat(40_000));
  });

  it.each(['/api/v1/personnel/%2e%2e/%2e%2e/health/live', '/api/v1/personnel/probe/..%2F..%2Fhealth/live', '/api/v1/personnel/probe/%E0%A4%A'])(
    'refuses %s with 400 without contacting the service',
    async (path) => {
      const before = probe.apiRequests();
      const res = await get(gatewayUrl, path, hendra);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.body.code).toMatch(/^(ALAMAT_TIDAK_VALID|VALIDASI_GAGAL)$/);
      expect(probe.apiRequests()).toBe(before);
    },
  );
});

describe('upstream failures: problem+json, never a hang', () => {
  it.each([
    ['appraisal', 'drops the connection', 502, 'LAYANAN_HULU_GAGAL'],
    ['notification', 'is not listening', 503, 'LAYANAN_TIDAK_TERSEDIA'],
    ['career', 'never answers', 504, 'LAYANAN_HULU_TIMEOUT'],
  ])('%s %s → %i %s', async (service, _what, status, code) => {
    const started = Date.now();
    const res = await get(gatewayUrl, `/api/v1/${service}/apa-saja`, hendra).set('x-correlation-id', `uji-hulu-${service}`);
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body).toMatchObject({ status, code, service, correlationId: `uji-hulu-${service}` });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('still checks the token first', async () => {
    const res = await get(gatewayUrl, '/api/v1/notification/apa-saja').expect(401);
    expect(res.body.code).toBe('TOKEN_TIDAK_ADA');
  });
});

describe('the gateway’s own routes', () => {
  it('serves one merged OpenAPI document with the service’s paths and lists the services that are down', async () => {
    const res = await request(gatewayUrl).get('/api/openapi.json').expect(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/personnel/whoami', '/api/v1/personnel/probe/admin', '/api/v1/personnel/probe/laporan', '/api/v1/gateway/whoami']),
    );
    expect(Object.keys(res.body.paths).filter((p) => !p.startsWith('/api/v1/'))).toEqual([]);
    expect(res.body.components.schemas).toHaveProperty('WhoAmIResponse');
    expect(res.body.info['x-services']).toMatchObject({
      personnel: { status: 'up' },
      appraisal: { status: 'unavailable' },
      career: { status: 'unavailable' },
      notification: { status: 'unavailable' },
    });
  });

  it('serves Swagger UI at /api/docs', async () => {
    const page = await request(gatewayUrl).get('/api/docs').expect(200);
    expect(page.text).toContain('/api/openapi.json');
    await request(gatewayUrl).get('/api/docs/swagger-ui-bundle.js').expect(200).expect('content-type', /javascript/);
    await request(gatewayUrl).get('/api/docs/../package.json').expect(404);
  });

  it('aggregates health: 503 with details while services are down', async () => {
    const res = await request(gatewayUrl).get('/health').expect(503);
    expect(res.body.status).toBe('down');
    expect(res.body.components).toMatchObject({
      gateway: { status: 'up' },
      keycloak: { status: 'up' },
      personnel: { status: 'up' },
      appraisal: { status: 'down' },
      career: { status: 'down' },
      notification: { status: 'down' },
    });
  });

  it('answers live, ready and metrics without a token', async () => {
    await request(gatewayUrl).get('/health/live').expect(200);
    await request(gatewayUrl).get('/health/ready').expect(200);
    const metrics = await request(gatewayUrl).get('/metrics').expect(200);
    expect(metrics.text).toContain('gateway_rejected_requests_total{reason="TOKEN_TIDAK_ADA"}');
    expect(metrics.text).toMatch(/gateway_upstream_errors_total\{service="notification",code="LAYANAN_TIDAK_TERSEDIA"\} [1-9]/);
  });

  it('answers an unknown path with 404 problem+json', async () => {
    const res = await get(gatewayUrl, '/api/v1/tidak-ada/x', hendra).expect(404);
    expect(res.headers['content-type']).toMatch(PROBLEM);
  });
});

describe('rate limit (a second gateway with small limits; every upstream is the probe)', () => {
  let limited: { app: NestFastifyApplication; url: string };
  beforeAll(async () => {
    limited = await startGateway({
      PERSONNEL_URL: probe.url,
      APPRAISAL_URL: probe.url,
      CAREER_URL: probe.url,
      NOTIFICATION_URL: probe.url,
      RATE_LIMIT_MAX: '3',
      RATE_LIMIT_ANONYMOUS_MAX: '2',
      RATE_LIMIT_WINDOW_MS: '60000',
    });
  });
  afterAll(() => limited?.app.close());

  it('limits each client + subject: 429 problem+json with Retry-After, other callers unaffected', async () => {
    for (let i = 0; i < 3; i++) await get(limited.url, '/api/v1/personnel/whoami', hendra).expect(200);
    const res = await get(limited.url, '/api/v1/personnel/whoami', hendra).expect(429);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body).toMatchObject({ status: 429, code: 'TERLALU_BANYAK_PERMINTAAN' });
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(res.headers['x-ratelimit-limit']).toBe('3');
    // Another user, and the same user through another client, have their own buckets.
    await get(limited.url, '/api/v1/personnel/whoami', dimas).expect(200);
    await get(limited.url, '/api/v1/personnel/whoami', forgeToken({ key: trusted, claims: { azp: 'capaian-portal' } })).expect(200);
  });

  it('limits callers without a valid token by IP, before they learn anything else', async () => {
    await get(limited.url, '/api/v1/personnel/whoami').expect(401);
    await get(limited.url, '/api/v1/personnel/whoami', 'bukan-token').expect(401);
    const res = await get(limited.url, '/api/v1/personnel/whoami').expect(429);
    expect(res.body.code).toBe('TERLALU_BANYAK_PERMINTAAN');
  });

  it('reports 200 on /health when every service and Keycloak are up', async () => {
    const res = await request(limited.url).get('/health').expect(200);
    expect(res.body.status).toBe('up');
  });
});
