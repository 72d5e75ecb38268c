#!/usr/bin/env node
/**
 * Idle memory of every Node service (`npm run bench -- memory`): starts the built services from
 * dist as scripts/start.sh does (same entry points, same node flags from scripts/lib.sh), each on
 * a free port, with its own scratch database (`capaian_<service>_idle`, migrated here) and its own
 * Kafka consumer group, plus the gateway in front of them. Once every service is ready it waits
 * (default 30 s, `--settle=<s>`), then prints each process's resident set (VmRSS) and its peak
 * (VmHWM) from /proc. Needs PostgreSQL, Kafka, Keycloak and the S3 store (infra/infra.sh up). The
 * services are compiled first, as their `build` target does, into `.run/idle-memory/dist` (not
 * `dist/`, which another build may be replacing meanwhile); `--no-build` reuses that output.
 *
 * `--node-flags="..."` replaces the flags (to compare); `--only=personnel,gateway` starts fewer.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const SERVICES = ['personnel', 'appraisal', 'career', 'notification'];
const arg = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const settleSeconds = Number(arg('settle', '30'));
const only = arg('only', '')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
/** The flags scripts/start.sh gives a service (one definition, `service_node_flags` in scripts/lib.sh). */
const startFlags = (service) =>
  spawnSync('bash', ['-c', `source "${ROOT}/scripts/lib.sh"; service_node_flags ${service}`], { encoding: 'utf8' }).stdout.trim();
const flagsOf = (service) => arg('node-flags', startFlags(service)).split(/\s+/).filter(Boolean);
const DIST = join(ROOT, '.run/idle-memory/dist');
const entry = (service, file) => join(DIST, `apps/${service}/apps/${service}/src/${file}.js`);

function build(service) {
  const out = join(DIST, `apps/${service}`);
  for (const [command, args] of [
    ['rm', ['-rf', out]],
    ['npx', ['tsc', '-p', `apps/${service}/tsconfig.app.json`, '--outDir', out]],
    ['npx', ['tsc-alias', '-p', 'tsconfig.base.json', '--outDir', out]],
  ]) {
    const r = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`building ${service} failed: ${r.stdout}${r.stderr}`);
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function psql(sql) {
  const r = spawnSync('psql', ['-h', process.env.DB_HOST ?? '127.0.0.1', '-U', 'postgres', '-d', 'postgres', '-Atc', sql], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`psql failed: ${r.stderr}`);
  return r.stdout.trim();
}

function memoryOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

async function until(check, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${what} not ready after ${timeoutMs / 1000} s`);
}

/**
 * Moves the service's consumer group to the end of every topic before it starts: the figure is of
 * a service at rest, not of one catching up with the shared topics' history (other runs on this
 * machine keep producing; what arrives during the measurement is counted and printed).
 */
async function skipHistory(groupId) {
  const { Kafka, logLevel } = createRequire(import.meta.url)('kafkajs');
  const admin = new Kafka({ clientId: 'idle-memory-bench', brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','), logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    for (const topic of (await admin.listTopics()).filter((t) => !t.startsWith('__'))) await admin.resetOffsets({ groupId, topic, earliest: false });
  } finally {
    await admin.disconnect();
  }
}

function inboxCount(database) {
  const r = spawnSync('psql', ['-h', process.env.DB_HOST ?? '127.0.0.1', '-U', 'postgres', '-d', database, '-Atc', "SELECT count(*) FROM inbox"], { encoding: 'utf8' });
  return r.status === 0 ? Number(r.stdout.trim()) : NaN;
}

const children = [];
function stopAll() {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
}
process.on('exit', stopAll);
process.on('SIGINT', () => process.exit(130));

function start(service, env) {
  const child = spawn(process.execPath, [...flagsOf(service), entry(service, 'main')], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
  child.on('exit', (code) => {
    if (code !== null && code !== 0) process.stderr.write(`${service} exited with ${code}:\n${stderr}\n`);
  });
  children.push(child);
  return child;
}

async function main() {
  const services = only.length > 0 ? SERVICES.filter((s) => only.includes(s)) : SERVICES;
  const withGateway = only.length === 0 || only.includes('gateway');
  if (!process.argv.includes('--no-build')) for (const service of [...services, ...(withGateway ? ['gateway'] : [])]) build(service);
  const ports = {};
  const running = {};
  const inboxBefore = {};
  for (const service of services) {
    const database = `capaian_${service}_idle`;
    if (psql(`SELECT 1 FROM pg_database WHERE datname = '${database}'`) !== '1') psql(`CREATE DATABASE ${database}`);
    const env = { DB_NAME: database, DB_USER: 'postgres', DB_PASSWORD: 'postgres', KAFKA_GROUP_ID: `capaian-${service}-idle-bench` };
    const migrated = spawnSync(process.execPath, [entry(service, 'migrate')], { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'warn', ...env }, encoding: 'utf8' });
    if (migrated.status !== 0) throw new Error(`migrating ${database} failed: ${migrated.stderr}`);
    await skipHistory(env.KAFKA_GROUP_ID);
    inboxBefore[service] = inboxCount(database);
    ports[service] = await freePort();
    running[service] = start(service, { ...env, PORT: String(ports[service]), UNSUBSCRIBE_SECRET: process.env.UNSUBSCRIBE_SECRET ?? 'idle-memory-bench-unsubscribe-secret-0123456789' });
  }
  if (withGateway) {
    const upstreams = Object.fromEntries(SERVICES.map((s) => [`${s.toUpperCase()}_URL`, `http://127.0.0.1:${ports[s] ?? 9}`]));
    ports.gateway = await freePort();
    running.gateway = start('gateway', { ...upstreams, PORT: String(ports.gateway), RATE_LIMIT_REDIS_URL: process.env.RATE_LIMIT_REDIS_URL ?? 'redis://127.0.0.1:6379' });
  }
  const started = Date.now();
  await Promise.all(
    Object.keys(running).map((s) => until(async () => (await fetch(`http://127.0.0.1:${ports[s]}/health/ready`)).ok, 300_000, s)),
  );
  const readyAfter = (Date.now() - started) / 1000;
  await new Promise((r) => setTimeout(r, settleSeconds * 1000));
  console.log(`Idle memory, ${settleSeconds} s after every service was ready (${readyAfter.toFixed(1)} s to ready), node ${process.version}\n`);
  console.log(`${'service'.padEnd(14)}${'RSS MB'.padStart(8)}${'peak MB'.padStart(9)}${'events handled meanwhile'.padStart(26)}  node flags`);
  for (const [service, child] of Object.entries(running)) {
    const m = memoryOf(child.pid);
    const events = service in inboxBefore ? inboxCount(`capaian_${service}_idle`) - inboxBefore[service] : NaN;
    console.log(`${service.padEnd(14)}${m.rssMb.toFixed(0).padStart(8)}${m.peakMb.toFixed(0).padStart(9)}${(Number.isNaN(events) ? '-' : String(events)).padStart(26)}  ${flagsOf(service).join(' ') || '(none)'}`);
  }
}

main()
  .then(() => {
    stopAll();
    process.exit(0);
  })
  .catch((error) => {
    console.error(error);
    stopAll();
    process.exit(1);
  });
