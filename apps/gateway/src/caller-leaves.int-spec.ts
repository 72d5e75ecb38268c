import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { alive, DEMO_USERS, getToken, kill, startService, type ServiceProcess } from '@capaian/shared/testing';

/**
 * A caller that leaves before the service answers (a browser navigating away, a closed tab): when
 * the service's status line arrives there is nobody to answer. The gateway must drop that answer
 * and keep serving; it once aborted the service's request from inside undici's header callback,
 * and the error escaped as an unhandled 'error' event that ended the process. The built gateway runs
 * in a child process, so that "it is still running" is a real question.
 */
const ROOT = resolve(__dirname, '../../..');
jest.setTimeout(30_000);

let slow: Server;
let gateway: ServiceProcess;
let gatewayUrl: string;
let token: string;

/** Answers every request after `ANSWER_AFTER_MS`, small (with a length) or streamed (without). */
const ANSWER_AFTER_MS = 300;
async function startSlowUpstream(): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    setTimeout(() => {
      if (req.url?.includes('stream')) {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.write('data: satu\n\n');
        setTimeout(() => res.end('data: dua\n\n'), 50);
      } else {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"ok":true}');
      }
    }, ANSWER_AFTER_MS);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** Sends a GET and goes away after `leaveAfterMs`, before any answer. */
function leave(path: string, leaveAfterMs: number): Promise<void> {
  return new Promise((done) => {
    const req = httpRequest(`${gatewayUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
    req.on('error', () => done());
    req.on('close', () => done());
    req.end();
    setTimeout(() => req.destroy(), leaveAfterMs);
  });
}

beforeAll(async () => {
  let url: string;
  ({ server: slow, url } = await startSlowUpstream());
  gateway = await startService({
    name: 'gateway',
    main: join(ROOT, 'dist/apps/gateway/apps/gateway/src/main.js'),
    cwd: ROOT,
    env: { NOTIFICATION_URL: url, RATE_LIMIT_MAX: '10000', RATE_LIMIT_ANONYMOUS_MAX: '10000' },
  });
  gatewayUrl = gateway.url;
  token = await getToken(DEMO_USERS.dimas.nip);
});

afterAll(async () => {
  if (gateway) await kill(gateway);
  slow?.closeAllConnections();
  await new Promise((done) => slow?.close(done));
});

it('drops the answer of a caller who left, small or streamed, and goes on answering others', async () => {
  await Promise.all([leave('/api/v1/notification/small', 50), leave('/api/v1/notification/stream', 50), leave('/api/v1/notification/small', 50)]);
  // The service answers after the callers left.
  await new Promise((done) => setTimeout(done, ANSWER_AFTER_MS + 300));
  expect(alive(gateway)).toBe(true);
  const after = await fetch(`${gatewayUrl}/api/v1/notification/small`, { headers: { authorization: `Bearer ${token}` } });
  expect(after.status).toBe(200);
  expect(await after.json()).toEqual({ ok: true });
});
