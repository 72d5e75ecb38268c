/**
 * The fast lane (proxy/fast-lane.ts) against real services: the real gateway in-process, the probe
 * service (a real Nest service with the shared auth guard), real Keycloak tokens, and scripted
 * upstreams that write exact bytes (chunked bodies, split heads, a connection the service dropped
 * while idle, a broken answer). Which path answered is read from the gateway's own metrics.
 */
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DEMO_USERS, getToken } from '@capaian/shared/testing';
import request from 'supertest';
import { type ProbeService, startProbeService } from '../test/probe-service';
import { createGatewayApp } from './gateway.app';
import { loadGatewayConfig } from './gateway.config';

jest.setTimeout(30_000);

/** A service that answers each request (its head read) with the next step's bytes; steps may be split and delayed. */
type Step = (socket: Socket, requestHead: string, nthOnConnection: number) => void | Promise<void>;
interface Scripted {
  url: string;
  heads: string[];
  connections: number;
  close(): Promise<void>;
}

async function scriptedUpstream(step: Step): Promise<Scripted> {
  const sockets = new Set<Socket>();
  const state = { heads: [] as string[], connections: 0 };
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    state.connections++;
    let buffered = '';
    let nth = 0;
    socket.on('data', (chunk) => {
      buffered += chunk.toString('latin1');
      let end: number;
      while ((end = buffered.indexOf('\r\n\r\n')) >= 0) {
        const head = buffered.slice(0, end);
        buffered = buffered.slice(end + 4);
        state.heads.push(head);
        void step(socket, head, ++nth);
      }
    });
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get heads() {
      return state.heads;
    },
    get connections() {
      return state.connections;
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function startGateway(env: Record<string, string>): Promise<{ app: NestFastifyApplication; url: string }> {
  const app = await createGatewayApp(loadGatewayConfig({ ...process.env, LOG_LEVEL: 'error', RATE_LIMIT_MAX: '10000', UPSTREAM_TIMEOUT_MS: '1500', ...env }));
  await app.listen(0, '127.0.0.1');
  return { app, url: (await app.getUrl()).replace('[::1]', '127.0.0.1') };
}

/** How many requests the lane forwarded to `service`, from the gateway's /metrics. */
async function laneCount(gatewayUrl: string, service: string): Promise<number> {
  const text = (await request(gatewayUrl).get('/metrics').expect(200)).text;
  const line = text.split('\n').find((l) => l.startsWith(`gateway_fast_lane_requests_total{service="${service}"}`));
  return line ? Number(line.split(' ').pop()) : 0;
}

let probe: ProbeService;
let hendra: string;

beforeAll(async () => {
  probe = await startProbeService('personnel');
  hendra = await getToken(DEMO_USERS.hendra.nip);
});

afterAll(async () => {
  await probe?.close();
});

describe('a known caller’s plain GET', () => {
  let gateway: { app: NestFastifyApplication; url: string };
  beforeAll(async () => {
    gateway = await startGateway({ PERSONNEL_URL: probe.url });
  });
  afterAll(async () => gateway?.app.close());

  it('takes the lane once the token is known, and the service sees what the full path sends it', async () => {
    const path = '/api/v1/personnel/probe/echo?urut=nama&halaman=2';
    const send = () =>
      request(gateway.url)
        .get(path)
        .set('authorization', `Bearer ${hendra}`)
        .set('connection', 'keep-alive, x-hop-pribadi')
        .set('x-hop-pribadi', 'rahasia')
        .set('x-ujung-ke-ujung', 'ya')
        .set('x-forwarded-for', '203.0.113.9')
        .expect(200);
    const before = await laneCount(gateway.url, 'personnel');
    const full = await send(); // first sight of the token: verified on the full path
    expect(await laneCount(gateway.url, 'personnel')).toBe(before);
    const fast = await send();
    expect(await laneCount(gateway.url, 'personnel')).toBe(before + 1);

    expect(fast.body.url).toBe(path);
    expect(fast.body.headerNames).toEqual(full.body.headerNames);
    expect(fast.body.headerNames).not.toContain('x-hop-pribadi');
    expect(fast.body).toMatchObject({ forwardedFor: '127.0.0.1', forwardedProto: 'http', forwardedHost: new URL(gateway.url).host, host: new URL(probe.url).host });
    expect(fast.body.correlationId).toBe(fast.headers['x-correlation-id']);
    expect(fast.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(fast.headers['content-type']).toBe(full.headers['content-type']);
    expect(fast.headers['x-ratelimit-limit']).toBe(full.headers['x-ratelimit-limit']);
    expect(Number(fast.headers['x-ratelimit-remaining'])).toBe(Number(full.headers['x-ratelimit-remaining']) - 1);
  });

  it('passes the caller’s correlation id through', async () => {
    await request(gateway.url).get('/api/v1/personnel/whoami').set('authorization', `Bearer ${hendra}`).expect(200);
    const res = await request(gateway.url).get('/api/v1/personnel/probe/echo').set('authorization', `Bearer ${hendra}`).set('x-correlation-id', 'uji-jalur-cepat-01').expect(200);
    expect(res.headers['x-correlation-id']).toBe('uji-jalur-cepat-01');
    expect(res.body).toMatchObject({ correlationId: 'uji-jalur-cepat-01', headerCorrelationId: 'uji-jalur-cepat-01' });
  });

  it('streams an answer larger than it buffers, whole', async () => {
    const before = await laneCount(gateway.url, 'personnel');
    const res = await request(gateway.url).get('/api/v1/personnel/probe/besar').set('authorization', `Bearer ${hendra}`).expect(200);
    expect(await laneCount(gateway.url, 'personnel')).toBe(before + 1);
    expect(res.body.isi).toBe('abcdefghij'.repeat(40_000));
  });

  it('relays the service’s own refusal (a role the caller lacks) unchanged', async () => {
    const dimas = await getToken(DEMO_USERS.dimas.nip);
    const first = await request(gateway.url).get('/api/v1/personnel/probe/admin').set('authorization', `Bearer ${dimas}`).expect(403);
    const again = await request(gateway.url).get('/api/v1/personnel/probe/admin').set('authorization', `Bearer ${dimas}`).expect(403);
    expect(again.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect({ ...again.body, correlationId: undefined }).toEqual({ ...first.body, correlationId: undefined });
  });

  it.each([
    ['no token', (base: string) => request(base).get('/api/v1/personnel/whoami')],
    ['a body', (base: string) => request(base).post('/api/v1/personnel/probe/catatan').set('authorization', `Bearer ${hendra}`).send({ isi: 'x' })],
    ['percent-encoding', (base: string) => request(base).get('/api/v1/personnel/probe/item/%C3%A9').set('authorization', `Bearer ${hendra}`)],
    ['a traversal', (base: string) => request(base).get('/api/v1/personnel/probe/../../health/live').set('authorization', `Bearer ${hendra}`)],
  ] as const)('leaves a request with %s to the full path', async (_what, build) => {
    const before = await laneCount(gateway.url, 'personnel');
    await build(gateway.url);
    expect(await laneCount(gateway.url, 'personnel')).toBe(before);
  });
});

describe('answers as the service writes them (scripted services)', () => {
  let upstream: Scripted;
  let gateway: { app: NestFastifyApplication; url: string };
  let script: Step = () => undefined;

  beforeAll(async () => {
    upstream = await scriptedUpstream((socket, head, nth) => script(socket, head, nth));
    gateway = await startGateway({ PERSONNEL_URL: probe.url, CAREER_URL: upstream.url });
    // The token becomes known on the full path (the probe's whoami).
    await request(gateway.url).get('/api/v1/personnel/whoami').set('authorization', `Bearer ${hendra}`).expect(200);
  });
  afterAll(async () => {
    await gateway?.app.close();
    await upstream?.close();
  });

  const get = (path: string) => request(gateway.url).get(`/api/v1/career/${path}`).set('authorization', `Bearer ${hendra}`).set('x-correlation-id', 'uji-naskah-0001');

  it('decodes a chunked answer split anywhere, with extensions and trailers', async () => {
    script = async (socket) => {
      socket.write('HTTP/1.1 200 OK\r\ncontent-type: application/json; charset=utf-8\r\ntransfer-enc');
      await pause(20);
      socket.write('oding: chunked\r\nx-dari-layanan: ya\r\n\r\n7;ext=1\r\n{"satu"');
      await pause(20);
      socket.write('\r\n6\r\n:"d');
      await pause(20);
      socket.write('ua"\r\n1\r\n}\r\n0\r\nx-akhir: ya\r\n\r\n');
    };
    const before = await laneCount(gateway.url, 'career');
    const res = await get('cacah').expect(200);
    expect(res.body).toEqual({ satu: 'dua' });
    expect(res.headers['x-dari-layanan']).toBe('ya');
    expect(res.headers['x-correlation-id']).toBe('uji-naskah-0001');
    expect(await laneCount(gateway.url, 'career')).toBe(before + 1);
    // What the lane sent: the head the full path sends, with the gateway's own fields.
    const head = upstream.heads.at(-1)!;
    expect(head).toMatch(/^GET \/api\/v1\/career\/cacah HTTP\/1\.1\r\n/);
    expect(head).toMatch(/\r\nx-correlation-id: uji-naskah-0001(\r\n|$)/);
    expect(head).toMatch(/\r\nx-forwarded-for: 127\.0\.0\.1(\r\n|$)/);
  });

  it('skips an informational answer, and passes a 204 on', async () => {
    script = (socket, head) => {
      if (head.includes('/kosong')) socket.write('HTTP/1.1 204 No Content\r\nx-n: 1\r\n\r\n');
      else socket.write('HTTP/1.1 103 Early Hints\r\nlink: </a.css>\r\n\r\nHTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok');
    };
    expect((await get('petunjuk').expect(200)).text).toBe('ok');
    await get('kosong').expect(204);
  });

  it('sends the request again on a new connection when the service had closed the kept one unanswered', async () => {
    // The first request on each connection is answered; the second finds the connection closed.
    script = (socket, _head, nth) => {
      if (nth === 1) socket.write('HTTP/1.1 200 OK\r\ncontent-length: 4\r\n\r\nsatu');
      else socket.destroy();
    };
    await get('pertama').expect(200);
    const connections = upstream.connections;
    const res = await get('kedua').expect(200);
    expect(res.text).toBe('satu');
    expect(upstream.connections).toBe(connections + 1);
  });

  it.each([
    ['a status line that is not HTTP', 'HTTP/9 oke\r\n\r\n'],
    ['a body without a length', 'HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\n\r\nsampai tutup'],
    ['two different lengths', 'HTTP/1.1 200 OK\r\ncontent-length: 2\r\ncontent-length: 3\r\n\r\nabc'],
  ])('answers %s with 502 problem+json', async (_what, bytes) => {
    script = (socket) => {
      socket.write(bytes);
    };
    const res = await get('rusak').expect(502);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 502, code: 'LAYANAN_HULU_GAGAL', service: 'career', correlationId: 'uji-naskah-0001', instance: '/api/v1/career/rusak' });
  });

  it('closes the caller’s connection when a chunked answer breaks after its head was passed on, and goes on serving', async () => {
    script = (socket) => {
      socket.write('HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n2\r\nok\r\nzz\r\n');
    };
    await expect(get('rusak-tengah')).rejects.toThrow();
    script = (socket) => {
      socket.write('HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok');
    };
    expect((await get('pulih').expect(200)).text).toBe('ok');
  });

  it('answers a service that stops answering with 504, and one that closes mid-answer with 502', async () => {
    script = () => undefined;
    expect((await get('diam').expect(504)).body.code).toBe('LAYANAN_HULU_TIMEOUT');
    script = (socket) => {
      socket.write('HTTP/1.1 200 OK\r\ncontent-length: 100\r\n\r\nsetengah');
      socket.destroy();
    };
    expect((await get('putus').expect(502)).body.code).toBe('LAYANAN_HULU_GAGAL');
  });

  it('streams a large chunked answer whole', async () => {
    const piece = 'x'.repeat(64 * 1024);
    script = async (socket) => {
      socket.write('HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\ntransfer-encoding: chunked\r\n\r\n');
      for (let i = 0; i < 6; i++) {
        socket.write(`${piece.length.toString(16)}\r\n${piece}\r\n`);
        await pause(5);
      }
      socket.write('0\r\n\r\n');
    };
    const res = await get('besar').buffer(true).parse((r, done) => {
      let size = 0;
      r.on('data', (c: Buffer) => (size += c.length));
      r.on('end', () => done(null, size));
    });
    expect(res.status).toBe(200);
    expect(res.body).toBe(6 * 64 * 1024);
  });
});

describe('the allowance and the switch', () => {
  it('counts lane requests like any other, and answers the one over the allowance with 429', async () => {
    const gateway = await startGateway({ PERSONNEL_URL: probe.url, RATE_LIMIT_MAX: '3' });
    try {
      for (let i = 0; i < 3; i++) await request(gateway.url).get('/api/v1/personnel/whoami').set('authorization', `Bearer ${hendra}`).expect(200);
      expect(await laneCount(gateway.url, 'personnel')).toBe(2);
      const over = await request(gateway.url).get('/api/v1/personnel/whoami').set('authorization', `Bearer ${hendra}`).expect(429);
      expect(over.headers['retry-after']).toMatch(/^\d+$/);
      expect(over.body.code).toBe('TERLALU_BANYAK_PERMINTAAN');
      expect(await laneCount(gateway.url, 'personnel')).toBe(2);
    } finally {
      await gateway.app.close();
    }
  });

  it('counts in Redis when the counters are shared, and answers the one over the allowance with the same 429', async () => {
    const prefix = `capaian:test:fast-lane:${process.pid}:${Date.now()}:`;
    const env = { PERSONNEL_URL: probe.url, RATE_LIMIT_MAX: '3', RATE_LIMIT_REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', RATE_LIMIT_REDIS_PREFIX: prefix };
    const [a, b] = await Promise.all([startGateway(env), startGateway(env)]);
    try {
      // The token becomes known on each replica (full path), then the lane takes over: 3 in all.
      await request(a.url).get('/api/v1/personnel/whoami').set('authorization', `Bearer ${hendra}`).expect(200);
      await request(a.url).get('/api/v1/personnel/whoami').set('authorization', `Bearer ${hendra}`).expect(200);
      expect(await laneCount(a.url, 'personnel')).toBe(1);
      const third = await request(b.url).get('/api/v1/personnel/whoami').set('authorization', `Bearer ${hendra}`).expect(200);
      expect(third.headers['x-ratelimit-remaining']).toBe('0');
      const over = await request(a.url).get('/api/v1/personnel/whoami').set('authorization', `Bearer ${hendra}`).set('x-correlation-id', 'uji-batas-bersama').expect(429);
      expect(await laneCount(a.url, 'personnel')).toBe(1);
      expect(over.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
      expect(over.headers['x-ratelimit-limit']).toBe('3');
      expect(over.headers['x-correlation-id']).toBe('uji-batas-bersama');
      expect(over.body).toMatchObject({ status: 429, code: 'TERLALU_BANYAK_PERMINTAAN', retryAfterSeconds: Number(over.headers['retry-after']), correlationId: 'uji-batas-bersama', instance: '/api/v1/personnel/whoami' });
      // The full path (a percent-encoded address) of the other replica agrees.
      expect((await request(b.url).get('/api/v1/personnel/probe/item/%C3%A9').set('authorization', `Bearer ${hendra}`).expect(429)).body.code).toBe('TERLALU_BANYAK_PERMINTAAN');
    } finally {
      await Promise.all([a.app.close(), b.app.close()]);
    }
  });

  it('is not used with GATEWAY_FAST_LANE=off', async () => {
    const gateway = await startGateway({ PERSONNEL_URL: probe.url, GATEWAY_FAST_LANE: 'off' });
    try {
      for (let i = 0; i < 3; i++) await request(gateway.url).get('/api/v1/personnel/whoami').set('authorization', `Bearer ${hendra}`).expect(200);
      expect(await laneCount(gateway.url, 'personnel')).toBe(0);
    } finally {
      await gateway.app.close();
    }
  });
});
