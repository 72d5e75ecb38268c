/**
 * What the gateway costs, next to a reference proxy. One run measures the same authenticated GETs
 *  - straight to the real personnel service (which checks the token itself),
 *  - through the gateway (token check, rate limit, proxy; the service checks the token again),
 *  - through nginx (Debian's nginx-light: one worker, keep-alive connections to the service,
 *    configuration generated here) — what an operator could put in front instead,
 * on `GET /api/v1/personnel/whoami` and on `GET /api/v1/personnel/employees?size=20` (BKPSDM's first
 * page of the 12,000-employee city), with N connections, in rounds (direct, gateway, nginx, then
 * gateway, nginx, direct, …: each round starts one target later) so that a change in the machine's
 * load hits all three alike. Then the latency the gateway adds at a fixed request rate (whoami,
 * direct vs gateway). The summary gives the medians of the rounds and, per gateway, the rounds in
 * which its ratio reached nginx's (one run's medians can tip either way by the spread).
 *
 * The service, the gateway and nginx are separate processes, as in production; autocannon runs in
 * this process. The benchmark's own client gets a large allowance through the gateway's ordinary
 * configuration (RATE_LIMIT_CLIENT_MAX), exactly as an operator would give one to an agency.
 *
 * Run: `npm run bench -- gateway` or `bash apps/gateway/bench/run.sh [--duration=10]
 * [--connections=50] [--rounds=2] [--rate=500] [--redis] [--profile]`. `--redis` adds the gateway
 * with its counters in Redis; `--profile` writes a CPU profile of the gateway under load
 * (node --cpu-prof) and prints where its time goes.
 */
import { type ChildProcess, fork, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_USERS, getToken } from '@capaian/shared/testing';

// autocannon 9 ships no typings; the part used here.
interface Histogram {
  average: number;
  p50: number;
  p99: number;
}
interface AutocannonResult {
  requests: Histogram & { total: number };
  latency: Histogram & { p90: number };
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
const flag = (name: string) => process.argv.includes(`--${name}`);

const BENCH_CLIENT = 'capaian-tests';
const ENDPOINTS = [
  { name: 'whoami', path: '/api/v1/personnel/whoami' },
  { name: 'employees page', path: '/api/v1/personnel/employees?size=20' },
];

/** The V8 flags npm start gives a service (`service_node_flags` in scripts/lib.sh, exported by run.sh). */
const nodeFlags = (service: 'personnel' | 'gateway') => (process.env[`${service.toUpperCase()}_NODE_FLAGS`] ?? '').split(/\s+/).filter(Boolean);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function until(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} not ready after ${timeoutMs / 1000} s`);
}

const ready = (url: string) => until(async () => (await fetch(`${url}/health/live`)).ok, 300_000, url);

/** The gateway role: this file started with `--role=gateway` (so that `--cpu-prof` profiles only it). */
async function runGateway(): Promise<void> {
  const { createGatewayApp } = await import('../src/gateway.app');
  const { loadGatewayConfig } = await import('../src/gateway.config');
  const app = await createGatewayApp(loadGatewayConfig(process.env));
  await app.listen(Number(process.env.PORT), '127.0.0.1');
  process.once('SIGTERM', () => void app.close().finally(() => process.exit(0)));
  // The CPU profile covers only the measurements (not the boot): started and stopped on request.
  const { Session } = await import('node:inspector');
  const session = new Session();
  const post = (method: string) => new Promise<unknown>((resolve, reject) => session.post(method, (error, result) => (error ? reject(error) : resolve(result))));
  process.on('message', (message: { profile?: 'start' | 'stop'; file?: string }) => {
    if (message.profile === 'start') {
      session.connect();
      void post('Profiler.enable')
        .then(() => post('Profiler.start'))
        .then(() => process.send?.('profiling'));
    } else if (message.profile === 'stop' && message.file) {
      void post('Profiler.stop').then((result) => {
        writeFileSync(message.file!, JSON.stringify((result as { profile: unknown }).profile));
        session.disconnect();
        process.send?.('profiled');
      });
    }
  });
  process.send?.('ready');
}

/** User and system CPU time of a process and its children (nginx's worker), in microseconds. */
function cpuTimes(pid: number): { user: number; system: number } {
  const ticks = (p: number): [number, number] => {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const own: [number, number] = [Number(fields[11]), Number(fields[12])];
      for (const task of readdirSync(`/proc/${p}/task`)) {
        const children = readFileSync(`/proc/${p}/task/${task}/children`, 'utf8').trim();
        for (const child of children ? children.split(' ') : []) {
          const [user, system] = ticks(Number(child));
          own[0] += user;
          own[1] += system;
        }
      }
      return own;
    } catch {
      return [0, 0];
    }
  };
  const [user, system] = ticks(pid);
  return { user: (user * 1e6) / 100, system: (system * 1e6) / 100 };
}

/** User + system CPU time of a process and its children, in microseconds. */
function cpuMicros(pid: number): number {
  const { user, system } = cpuTimes(pid);
  return user + system;
}

function ask(child: ChildProcess, message: object, answer: string): Promise<void> {
  return new Promise((resolve) => {
    const listener = (m: unknown) => {
      if (m !== answer) return;
      child.off('message', listener);
      resolve();
    };
    child.on('message', listener);
    child.send(message);
  });
}

const children: ChildProcess[] = [];
// SIGTERM, not SIGKILL: nginx's master then stops its worker too (a killed master leaves it running).
process.on('exit', () => children.forEach((c) => c.exitCode === null && c.kill('SIGTERM')));

function track<T extends ChildProcess>(child: T, name: string): T {
  children.push(child);
  child.once('exit', (code, signal) => {
    if (code && code !== 0) console.error(`${name} exited with ${code ?? signal}`);
  });
  return child;
}

async function startPersonnel(): Promise<{ url: string; pid: number }> {
  const main = process.env.PERSONNEL_MAIN;
  if (!main) throw new Error('PERSONNEL_MAIN is not set: run apps/gateway/bench/run.sh');
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeFlags('personnel'), main], {
    env: { ...process.env, PORT: String(port), LOG_LEVEL: 'error', KAFKA_GROUP_ID: `capaian-personnel-gwbench-${process.pid}` },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  track(child, 'personnel');
  const url = `http://127.0.0.1:${port}`;
  await ready(url);
  return { url, pid: child.pid! };
}

async function startGateway(personnelUrl: string, env: Record<string, string>): Promise<{ url: string; pid: number; child: ChildProcess }> {
  const port = await freePort();
  const child = fork(__filename, ['--role=gateway'], {
    env: {
      ...process.env,
      PORT: String(port),
      LOG_LEVEL: 'error',
      PERSONNEL_URL: personnelUrl,
      RATE_LIMIT_CLIENT_MAX: `${BENCH_CLIENT}=1000000000`,
      ...env,
    },
    execArgv: nodeFlags('gateway'),
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  track(child, 'gateway');
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`gateway exited with ${code} before listening`)));
  });
  return { url: `http://127.0.0.1:${port}`, pid: child.pid!, child };
}

function nginxBinary(): string {
  for (const candidate of ['/usr/sbin/nginx', '/usr/bin/nginx']) {
    try {
      readFileSync(candidate);
      return candidate;
    } catch {
      // next
    }
  }
  throw new Error('nginx not found: apps/gateway/bench/run.sh installs nginx-light');
}

/** nginx as a plain reverse proxy: one worker, HTTP/1.1 keep-alive to the service, no logs. */
async function startNginx(personnelUrl: string): Promise<{ url: string; pid: number }> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'capaian-gw-bench-nginx-'));
  for (const sub of ['client', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, sub));
  const upstream = new URL(personnelUrl).host;
  writeFileSync(
    join(dir, 'nginx.conf'),
    `daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  # nginx closes a client's keep-alive connection after 1000 requests by default; autocannon may
  # already have written the next request on it, which then fails as a connection error. Node's
  # server (direct, gateway) has no such limit, so neither has the reference.
  keepalive_requests 1000000;
  client_body_temp_path ${dir}/client;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  upstream personnel {
    server ${upstream};
    keepalive 128;
    keepalive_requests 1000000;
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://personnel;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
    }
  }
}
`,
  );
  const child = spawn(nginxBinary(), ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: ['ignore', 'ignore', 'inherit'] });
  track(child, 'nginx');
  child.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const url = `http://127.0.0.1:${port}`;
  await ready(url);
  return { url, pid: child.pid! };
}

/**
 * One request until it succeeds (the service and the gateway fetch the realm's keys on the first
 * token they see), then a 2 s warm-up (JIT, keep-alive pools) whose answers are not counted.
 */
async function warmUp(url: string, token: string, options: Record<string, unknown>): Promise<void> {
  await until(async () => (await fetch(url, { headers: { authorization: `Bearer ${token}` } })).ok, 60_000, url);
  await autocannon({ url, headers: { authorization: `Bearer ${token}` }, ...options, duration: 2 });
}

/**
 * A measurement of successful requests: any other answer stops the benchmark. Requests that got no
 * answer within 30 s (a machine shared with other work can starve a process) are counted and shown.
 */
async function load(url: string, token: string, options: Record<string, unknown>): Promise<AutocannonResult> {
  const result = await autocannon({ url, headers: { authorization: `Bearer ${token}` }, timeout: 30, ...options });
  if (result.non2xx > 0 || result.errors > result.timeouts) {
    throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors: the measurement is not of successful requests`);
  }
  return result;
}

const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Self time of a .cpuprofile by package (or file of ours) and by function: where the gateway's CPU goes. */
function summariseProfile(path: string): void {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as {
    nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
    samples: number[];
    timeDeltas: number[];
  };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const byPlace = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    const frame = byId.get(id)!.callFrame;
    total += dt;
    const url = frame.url.replace(/^file:\/\//, '');
    const at = url.lastIndexOf('node_modules/');
    let place: string;
    if (frame.functionName === '(idle)' || frame.functionName === '(program)' || frame.functionName === '(garbage collector)') place = frame.functionName;
    else if (at >= 0) {
      const rest = url.slice(at + 13).split('/');
      place = rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
    } else if (url.startsWith('node:') || url === '') place = 'node core / native';
    else place = url.replace(/^.*\/(apps|libs)\//, '$1/');
    byPlace.set(place, (byPlace.get(place) ?? 0) + dt);
    const fn = `${frame.functionName || '(anonymous)'} ${place}:${frame.lineNumber + 1}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + dt);
  });
  const busy = total - (byPlace.get('(idle)') ?? 0);
  const top = (map: Map<string, number>, n: number) =>
    [...map.entries()]
      .filter(([k]) => k !== '(idle)' && !k.startsWith('(idle)'))
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `  ${((100 * v) / busy).toFixed(1).padStart(5)} %  ${k}`)
      .join('\n');
  console.log(`\nCPU profile of the gateway (${path}): busy ${(busy / 1e6).toFixed(1)} s of ${(total / 1e6).toFixed(1)} s\nself time by package or file:\n${top(byPlace, 20)}\nself time by function:\n${top(byFunction, 25)}`);
}

async function main(): Promise<void> {
  const duration = arg('duration', 10);
  const connections = arg('connections', 50);
  const rounds = arg('rounds', 2);
  const rate = arg('rate', 500);
  const profileFile = flag('profile') ? join(mkdtempSync(join(tmpdir(), 'capaian-gw-profile-')), 'gateway.cpuprofile') : undefined;
  const token = () => getToken(DEMO_USERS.hendra.nip);

  const personnel = await startPersonnel();
  const gateway = await startGateway(personnel.url, {});
  const nginx = await startNginx(personnel.url);
  // name, address, the proxy's pid (none for direct)
  const targets: [string, string, number | undefined][] = [
    ['direct', personnel.url, undefined],
    ['gateway', gateway.url, gateway.pid],
    ['nginx', nginx.url, nginx.pid],
  ];
  if (flag('redis')) {
    const withRedis = await startGateway(personnel.url, {
      RATE_LIMIT_REDIS_URL: process.env.RATE_LIMIT_REDIS_URL ?? 'redis://127.0.0.1:6379',
      RATE_LIMIT_REDIS_PREFIX: `capaian:bench:${process.pid}:`,
    });
    targets.splice(2, 0, ['gateway+redis', withRedis.url, withRedis.pid]);
  }
  if (profileFile) await ask(gateway.child, { profile: 'start' }, 'profiling');

  console.log(`${connections} connections, ${duration} s per measurement after a 2 s warm-up, ${rounds} rounds, Node ${process.version}, gateway flags: ${nodeFlags('gateway').join(' ') || 'none'}`);
  console.log('CPU µs/req: CPU time of the service and of the proxy per request answered (user + system, from /proc); of it system: the proxy\'s time in the kernel');
  console.log('round r.k: measured k-th in round r (each round starts one target later)');
  console.log(
    `${'endpoint'.padEnd(16)}${'path'.padEnd(15)}${'round'.padStart(6)}${'req/s'.padStart(9)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'÷ direct'.padStart(10)}${'service µs/req'.padStart(16)}${'proxy µs/req'.padStart(14)}${'of it system'.padStart(14)}`,
  );
  const summary: string[] = [];
  for (const endpoint of ENDPOINTS) {
    const ratios = new Map<string, number[]>(targets.map(([name]) => [name, []]));
    const proxyCpu = new Map<string, number[]>(targets.map(([name]) => [name, []]));
    const proxySystem = new Map<string, number[]>(targets.map(([name]) => [name, []]));
    for (let round = 1; round <= rounds; round++) {
      // Each round starts one target later: the service's own CPU per request drifts within a run
      // (by a quarter or more between two loads a minute apart), so no target may always follow the same one.
      const order = targets.map((_, i) => targets[(i + round - 1) % targets.length]);
      const measured = new Map<string, { r: AutocannonResult; serviceCpu: number; ownCpu: number; ownSystem: number; at: number }>();
      for (const [name, base, proxyPid] of order) {
        const bearer = await token();
        const url = `${base}${endpoint.path}`;
        await warmUp(url, bearer, { connections });
        const before = { service: cpuMicros(personnel.pid), proxy: proxyPid ? cpuTimes(proxyPid) : { user: 0, system: 0 } };
        const r = await load(url, bearer, { connections, duration });
        const serviceCpu = (cpuMicros(personnel.pid) - before.service) / r.requests.total;
        const after = proxyPid ? cpuTimes(proxyPid) : { user: 0, system: 0 };
        const ownCpu = (after.user + after.system - before.proxy.user - before.proxy.system) / r.requests.total;
        const ownSystem = (after.system - before.proxy.system) / r.requests.total;
        measured.set(name, { r, serviceCpu, ownCpu, ownSystem, at: measured.size + 1 });
      }
      const direct = measured.get('direct')!.r.requests.average;
      for (const [name, , proxyPid] of targets) {
        const { r, serviceCpu, ownCpu, ownSystem, at } = measured.get(name)!;
        ratios.get(name)!.push(r.requests.average / direct);
        proxyCpu.get(name)!.push(ownCpu);
        proxySystem.get(name)!.push(ownSystem);
        console.log(
          `${endpoint.name.padEnd(16)}${name.padEnd(15)}${`${round}.${at}`.padStart(6)}${r.requests.average.toFixed(0).padStart(9)}${r.latency.p50.toFixed(1).padStart(9)}${r.latency.p99.toFixed(1).padStart(9)}${(r.requests.average / direct).toFixed(2).padStart(10)}${serviceCpu.toFixed(0).padStart(16)}${(proxyPid ? ownCpu.toFixed(0) : '-').padStart(14)}${(proxyPid ? ownSystem.toFixed(0) : '-').padStart(14)}${r.timeouts ? `  (${r.timeouts} timed out)` : ''}`,
        );
      }
    }
    summary.push(
      `${endpoint.name}: ${targets
        .slice(1)
        .map(([name]) => `${name} ÷ direct ${median(ratios.get(name)!).toFixed(2)} (${median(proxyCpu.get(name)!).toFixed(0)} µs CPU/req, ${median(proxySystem.get(name)!).toFixed(0)} of it system)`)
        .join(', ')} (medians of ${rounds} rounds)`,
    );
    // The goal compares medians; round by round shows how much of the verdict is the runs' spread.
    const reference = ratios.get('nginx') ?? [];
    for (const [name] of targets.filter(([name]) => name.startsWith('gateway'))) {
      const own = ratios.get(name) ?? [];
      const differences = own.map((ratio, i) => ratio - reference[i]);
      const atLeast = differences.filter((d) => d >= 0).length;
      summary.push(
        `  ${name} at least nginx's ratio in ${atLeast} of ${rounds} rounds (${name} − nginx per round: ${differences.map((d) => `${d >= 0 ? '+' : '−'}${Math.abs(d).toFixed(2)}`).join(', ')})`,
      );
    }
  }

  // At a fixed rate the proxies are far from saturated: what a request pays for the extra hop.
  console.log(`\nGET whoami at a fixed ${rate} req/s for ${duration} s (10 connections):`);
  const paced: Record<string, AutocannonResult> = {};
  for (const [name, base, proxyPid] of targets) {
    const bearer = await token();
    const options = { url: `${base}${ENDPOINTS[0].path}`, connections: 10, overallRate: rate };
    await warmUp(options.url, bearer, options);
    // At the same rate for every path, the CPU per request compares the proxies with the machine's
    // other load mattering less than under saturation (where a starved process batches less).
    const before = { service: cpuMicros(personnel.pid), proxy: proxyPid ? cpuMicros(proxyPid) : 0 };
    paced[name] = await load(options.url, bearer, { ...options, duration });
    const serviceCpu = (cpuMicros(personnel.pid) - before.service) / paced[name].requests.total;
    const ownCpu = proxyPid ? `, proxy ${((cpuMicros(proxyPid) - before.proxy) / paced[name].requests.total).toFixed(0)} µs CPU/req` : '';
    console.log(
      `  ${name.padEnd(15)} p50 ${paced[name].latency.p50.toFixed(2)} ms, p90 ${paced[name].latency.p90.toFixed(2)} ms, p99 ${paced[name].latency.p99.toFixed(2)} ms, ${paced[name].requests.average.toFixed(0)} req/s; service ${serviceCpu.toFixed(0)} µs CPU/req${ownCpu}`,
    );
  }
  const added = (name: string) =>
    `p50 +${(paced[name].latency.p50 - paced.direct.latency.p50).toFixed(2)} ms, p99 +${(paced[name].latency.p99 - paced.direct.latency.p99).toFixed(2)} ms`;
  console.log(`\n${summary.join('\n')}\nadded at ${rate} req/s: ${targets.slice(1).map(([name]) => `${name} ${added(name)}`).join('; ')}`);

  if (profileFile) {
    await ask(gateway.child, { profile: 'stop', file: profileFile }, 'profiled');
    summariseProfile(profileFile);
  }
}

const role = process.argv.find((a) => a.startsWith('--role='))?.split('=')[1];
(role === 'gateway' ? runGateway() : main()).then(
  () => {
    if (!role) process.exit(0);
  },
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
