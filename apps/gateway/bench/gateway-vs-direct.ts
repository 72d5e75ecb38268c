/**
 * Cost of the gateway: the same authenticated GET (`/api/v1/personnel/whoami`, token checked by the
 * service's guard) straight to a service, then through the gateway (token check + rate limit +
 * proxy + the service's own check). The service and the gateway run as separate Node processes,
 * as in production; autocannon runs in this process.
 *
 * Run (needs Keycloak: `bash infra/infra.sh up keycloak`):
 *   NX_DAEMON=false npx nx run gateway:bench
 *   NX_DAEMON=false npx nx run gateway:bench --args="--duration=20 --connections=100"
 * or, after building once with the same target: node dist/bench/gateway/apps/gateway/bench/gateway-vs-direct.js
 */
import { fork, type ChildProcess } from 'node:child_process';
import { DEMO_USERS, getToken } from '@capaian/shared/testing';

// autocannon 9 ships no typings; the part used here.
interface Histogram {
  average: number;
  p50: number;
  p99: number;
}
interface AutocannonResult {
  requests: Histogram & { total: number };
  latency: Histogram;
  non2xx: number;
  errors: number;
  timeouts: number;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon: (options: Record<string, unknown>) => Promise<AutocannonResult> = require('autocannon');

function arg(name: string, fallback: number): number {
  const raw = process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
}

/** Child roles: the same file, started with `--role=service` or `--role=gateway`. */
async function runRole(role: string): Promise<void> {
  process.env.LOG_LEVEL = 'error';
  if (role === 'service') {
    const { startProbeService } = await import('../test/probe-service');
    const probe = await startProbeService('personnel');
    process.send?.({ url: probe.url });
  } else {
    const { createGatewayApp } = await import('../src/gateway.app');
    const { loadGatewayConfig } = await import('../src/gateway.config');
    // The benchmark is one client hammering: lift the per-client limit out of the way.
    const app = await createGatewayApp(loadGatewayConfig({ ...process.env, RATE_LIMIT_MAX: '1000000000' }));
    await app.listen(0, '127.0.0.1');
    process.send?.({ url: (await app.getUrl()).replace('[::1]', '127.0.0.1') });
  }
}

function start(role: string, env: Record<string, string> = {}): Promise<{ child: ChildProcess; url: string }> {
  const child = fork(__filename, [`--role=${role}`], { env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('message', (m: { url: string }) => resolve({ child, url: m.url }));
    child.once('exit', (code) => reject(new Error(`${role} exited with ${code} before listening`)));
  });
}

async function measure(label: string, url: string, token: string, duration: number, connections: number): Promise<AutocannonResult> {
  const options = { url: `${url}/api/v1/personnel/whoami`, headers: { authorization: `Bearer ${token}` }, connections };
  await autocannon({ ...options, duration: 2 }); // warm-up: JIT, JWKS fetch, keep-alive pools
  const result = await autocannon({ ...options, duration });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${label}: ${result.non2xx} non-2xx answers, ${result.errors} errors: the measurement is not of successful requests`);
  }
  return result;
}

async function main(): Promise<void> {
  const duration = arg('duration', 10);
  const connections = arg('connections', 50);
  const token = await getToken(DEMO_USERS.hendra.nip);
  const service = await start('service');
  const gateway = await start('gateway', { PERSONNEL_URL: service.url });
  try {
    console.log(`GET /api/v1/personnel/whoami, ${connections} connections, ${duration} s each (after 2 s warm-up), Node ${process.version}\n`);
    const direct = await measure('direct', service.url, token, duration, connections);
    const viaGateway = await measure('gateway', gateway.url, token, duration, connections);
    const row = (name: string, r: AutocannonResult) =>
      `${name.padEnd(16)}${r.requests.average.toFixed(0).padStart(10)}${r.latency.p50.toFixed(1).padStart(10)}${r.latency.p99.toFixed(1).padStart(10)}${String(r.requests.total).padStart(12)}`;
    console.log(`${''.padEnd(16)}${'req/s'.padStart(10)}${'p50 ms'.padStart(10)}${'p99 ms'.padStart(10)}${'requests'.padStart(12)}`);
    console.log(row('direct', direct));
    console.log(row('via gateway', viaGateway));
    console.log(
      `\nratio gateway/direct: throughput ${(viaGateway.requests.average / direct.requests.average).toFixed(2)}, ` +
        `p50 ${(viaGateway.latency.p50 / Math.max(direct.latency.p50, 0.001)).toFixed(2)}x, p99 ${(viaGateway.latency.p99 / Math.max(direct.latency.p99, 0.001)).toFixed(2)}x`,
    );
  } finally {
    service.child.kill();
    gateway.child.kill();
  }
}

const role = process.argv.find((a) => a.startsWith('--role='))?.split('=')[1];
(role ? runRole(role) : main()).catch((error) => {
  console.error(error);
  process.exit(1);
});
