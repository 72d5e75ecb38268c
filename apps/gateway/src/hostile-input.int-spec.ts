/**
 * Hostile input through the real gateway to a real service (test/probe-service.ts, the same
 * bootstrap as every service) with real Keycloak tokens: every answer is the service's own
 * problem+json, relayed unchanged, and no keep-alive connection is left hanging.
 */
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DEMO_USERS, getToken } from '@capaian/shared/testing';
import { Agent, request as httpRequest } from 'node:http';
import { type ProbeService, startProbeService } from '../test/probe-service';
import { createGatewayApp } from './gateway.app';
import { loadGatewayConfig } from './gateway.config';

jest.setTimeout(30_000);

const PROBLEM = /^application\/problem\+json/;

let probe: ProbeService;
let gateway: { app: NestFastifyApplication; url: string };
let dimas: string;

async function startGateway(env: Record<string, string>): Promise<{ app: NestFastifyApplication; url: string }> {
  const app = await createGatewayApp(loadGatewayConfig({ ...process.env, LOG_LEVEL: 'error', ...env }));
  await app.listen(0, '127.0.0.1');
  return { app, url: (await app.getUrl()).replace('[::1]', '127.0.0.1') };
}

const allUpstreams = (url: string) => ({ PERSONNEL_URL: url, APPRAISAL_URL: url, CAREER_URL: url, NOTIFICATION_URL: url });

beforeAll(async () => {
  probe = await startProbeService('personnel');
  gateway = await startGateway({ ...allUpstreams(probe.url), RATE_LIMIT_MAX: '10000', RATE_LIMIT_ANONYMOUS_MAX: '10000' });
  dimas = await getToken(DEMO_USERS.dimas.nip);
});

afterAll(async () => {
  await Promise.allSettled([gateway?.app.close(), probe?.close()]);
});

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  socket: unknown;
}

/** One request on a given agent (so tests can see which socket answered), body sent as raw bytes. */
function send(agent: Agent, base: string, method: string, path: string, body?: Buffer | string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : Buffer.from(body);
    const req = httpRequest(
      `${base}${path}`,
      {
        method,
        agent,
        headers: { authorization: `Bearer ${dimas}`, ...(payload ? { 'content-length': String(payload.length) } : {}), ...headers },
        signal: AbortSignal.timeout(10_000),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString(), socket: req.socket }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const json = { 'content-type': 'application/json' };

describe('through the gateway and directly: the service’s own problem, unchanged', () => {
  const cases: [string, string, string, string | Buffer | undefined, Record<string, string>, number, string][] = [
    ['a form-encoded body', 'POST', '/api/v1/personnel/probe/catatan', 'isi=halo', { 'content-type': 'application/x-www-form-urlencoded' }, 415, 'JENIS_KONTEN_TIDAK_DIDUKUNG'],
    ['a text/plain body', 'POST', '/api/v1/personnel/probe/catatan', '{"isi":"halo"}', { 'content-type': 'text/plain' }, 415, 'JENIS_KONTEN_TIDAK_DIDUKUNG'],
    ['JSON nested 100,000 levels', 'POST', '/api/v1/personnel/probe/catatan', '['.repeat(100_000) + ']'.repeat(100_000), json, 400, 'JSON_TERLALU_DALAM'],
    ['a NUL in a field', 'POST', '/api/v1/personnel/probe/catatan', '{"isi":"a\\u0000b"}', json, 400, 'VALIDASI_GAGAL'],
    ['a lone surrogate in a field', 'POST', '/api/v1/personnel/probe/catatan', '{"isi":"\\ud800"}', json, 400, 'VALIDASI_GAGAL'],
    ['a body that is just null', 'POST', '/api/v1/personnel/probe/catatan', 'null', json, 400, 'ISI_HARUS_OBJEK'],
    ['a missing field', 'POST', '/api/v1/personnel/probe/catatan', '{}', json, 400, 'VALIDASI_GAGAL'],
    ['a NUL in a path parameter', 'GET', '/api/v1/personnel/probe/item/abc%00def', undefined, {}, 400, 'VALIDASI_GAGAL'],
    ['a NUL in a query', 'GET', '/api/v1/personnel/probe/item/abc?q=%00', undefined, {}, 400, 'VALIDASI_GAGAL'],
    ['lone surrogate bytes in a path parameter', 'GET', '/api/v1/personnel/probe/item/abc%ED%A0%80', undefined, {}, 400, 'ALAMAT_TIDAK_VALID'],
    ['lone surrogate bytes in the path of a POST with a body', 'POST', '/api/v1/personnel/probe/item/abc%ED%A0%80/x%ED%A0%80?q=', '{"isi":"x"}', json, 400, 'ALAMAT_TIDAK_VALID'],
    ['a path parameter of 150 characters', 'GET', `/api/v1/personnel/probe/item/${'p'.repeat(150)}`, undefined, {}, 414, 'ALAMAT_TERLALU_PANJANG'],
  ];

  it.each(cases)('%s', async (_name, method, path, body, headers, status, code) => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      for (const base of [gateway.url, probe.url]) {
        const res = await send(agent, base, method, path, body, headers);
        expect(res.status).toBe(status);
        expect(res.headers['content-type']).toMatch(PROBLEM);
        const problem = JSON.parse(res.body);
        expect(problem).toMatchObject({ status, code });
        expect(problem.title).not.toMatch(/Validation failed|object is expected|is exceeding|not a valid url/);
        if (status === 414) expect(res.body).not.toContain('p'.repeat(150));
        if (code === 'VALIDASI_GAGAL') expect(problem.errors?.length).toBeGreaterThan(0);
      }
    } finally {
      agent.destroy();
    }
  });

  it('missing field: "Wajib diisi", not "Teks terlalu panjang"', async () => {
    const agent = new Agent({ keepAlive: true });
    try {
      const res = await send(agent, gateway.url, 'POST', '/api/v1/personnel/probe/catatan', '{}', json);
      expect(JSON.parse(res.body).errors).toEqual([{ field: 'isi', code: 'IS_STRING', message: 'Wajib diisi' }]);
    } finally {
      agent.destroy();
    }
  });
});

describe('a body over the service’s 1 MB limit', () => {
  it('is answered with the service’s 413 every time, and the same keep-alive connection serves the next request (to another service)', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 4 });
    try {
      for (let i = 0; i < 8; i++) {
        const big = `{"isi":"${'a'.repeat(1_050_000 + i * 40_000)}"}`;
        const refused = await send(agent, gateway.url, 'POST', '/api/v1/personnel/probe/catatan', big, json);
        expect(refused.status).toBe(413);
        expect(refused.headers['content-type']).toMatch(PROBLEM);
        expect(JSON.parse(refused.body)).toMatchObject({ status: 413, code: 'MUATAN_TERLALU_BESAR' });
        const next = await send(agent, gateway.url, 'POST', '/api/v1/appraisal/probe/catatan', '{"isi":"\\ud800"}', json);
        expect(next.status).toBe(400);
        if (refused.headers.connection !== 'close') expect(next.socket).toBe(refused.socket);
      }
    } finally {
      agent.destroy();
    }
  });
});

describe('rate limit and X-Forwarded-For', () => {
  let strict: { app: NestFastifyApplication; url: string };
  let behindProxy: { app: NestFastifyApplication; url: string };

  beforeAll(async () => {
    const limits = { RATE_LIMIT_MAX: '1000', RATE_LIMIT_ANONYMOUS_MAX: '2', RATE_LIMIT_WINDOW_MS: '60000' };
    [strict, behindProxy] = await Promise.all([
      startGateway({ ...allUpstreams(probe.url), ...limits }),
      startGateway({ ...allUpstreams(probe.url), ...limits, TRUSTED_PROXIES: '127.0.0.1' }),
    ]);
  });
  afterAll(async () => {
    await Promise.allSettled([strict?.app.close(), behindProxy?.app.close()]);
  });

  const anonymous = (base: string, forwardedFor: string) => fetch(`${base}/api/v1/personnel/whoami`, { headers: { 'x-forwarded-for': forwardedFor } });

  it('a forged X-Forwarded-For from an untrusted peer buys no fresh allowance', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await anonymous(strict.url, `203.0.113.${i + 1}`)).status);
    expect(statuses).toEqual([401, 401, 429, 429]);
  });

  it('a configured trusted proxy names the client: each client has its own bucket', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await anonymous(behindProxy.url, `198.51.100.${i + 1}`)).status);
    expect(statuses).toEqual([401, 401, 401, 401]);
    for (let i = 0; i < 2; i++) await anonymous(behindProxy.url, '198.51.100.77');
    expect((await anonymous(behindProxy.url, '198.51.100.77')).status).toBe(429);
  });

  it('forwards only the trusted chain to the service', async () => {
    const res = await fetch(`${strict.url}/api/v1/personnel/probe/echo`, { headers: { authorization: `Bearer ${dimas}`, 'x-forwarded-for': '203.0.113.9' } });
    expect(((await res.json()) as { forwardedFor: string }).forwardedFor).toBe('127.0.0.1');
  });
});
