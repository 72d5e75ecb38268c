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
 *
 * `--backlog=<n>` (default 20000; 0 = skip) then measures each event consumer after a catch-up:
 * the service is stopped, its consumer group is moved back by n events in total over the topics it
 * subscribes to (the newest n, whatever their producers left there), and it is started again; the
 * figures are taken when its committed offsets reach where the topics ended at the reset, and again
 * `--settle` seconds later. Both rows are printed: "at rest" and "after catch-up".
 */
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const SERVICES = ['personnel', 'appraisal', 'career', 'notification'];
const arg = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const settleSeconds = Number(arg('settle', '30'));
const backlog = Number(arg('backlog', '20000'));
const only = arg('only', '')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
/** The flags scripts/start.sh gives a service (one definition, `service_node_flags` in scripts/lib.sh). */
const startFlags = (service) =>
  spawnSync('bash', ['-c', `source "${ROOT}/scripts/lib.sh"; service_node_flags ${service}`], { encoding: 'utf8' }).stdout.trim();
const flagsOf = (service) => arg('node-flags', startFlags(service)).split(/\s+/).filter(Boolean);
/** glibc's mmap threshold as scripts/start.sh sets it (SERVICE_MALLOC_MMAP_THRESHOLD in scripts/lib.sh; empty = glibc's default). */
const mallocThreshold = spawnSync('bash', ['-c', `source "${ROOT}/scripts/lib.sh"; printf %s "$SERVICE_MALLOC_MMAP_THRESHOLD"`], { encoding: 'utf8' }).stdout.trim();
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
async function withAdmin(work) {
  const { Kafka, logLevel } = kafkajs();
  const admin = new Kafka({ clientId: 'idle-memory-bench', brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','), logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.disconnect();
  }
}
const kafkajs = () => createRequire(import.meta.url)('kafkajs');

async function skipHistory(groupId) {
  await withAdmin(async (admin) => {
    for (const topic of (await admin.listTopics()).filter((t) => !t.startsWith('__'))) await admin.resetOffsets({ groupId, topic, earliest: false });
  });
}

/** The topics the group's running members subscribe to (from their join metadata). */
async function subscribedTopics(groupId) {
  const { AssignerProtocol } = kafkajs();
  return withAdmin(async (admin) => {
    const { groups } = await admin.describeGroups([groupId]);
    const topics = new Set();
    for (const member of groups[0]?.members ?? []) for (const t of AssignerProtocol.MemberMetadata.decode(member.memberMetadata).topics) topics.add(t);
    return [...topics];
  });
}

/**
 * Moves the (stopped) group back to the newest `count` events of `topics`, spread over their
 * partitions as evenly as each partition's retained history allows. Returns where each partition
 * ended at that moment: the catch-up is over when the group's committed offsets reach it.
 */
async function rewind(groupId, topics, count) {
  return withAdmin(async (admin) => {
    const parts = [];
    for (const topic of topics) for (const p of await admin.fetchTopicOffsets(topic)) parts.push({ topic, partition: p.partition, low: Number(p.low), high: Number(p.high), take: 0 });
    let remaining = count;
    let open = parts.filter((p) => p.high > p.low);
    while (remaining > 0 && open.length > 0) {
      const share = Math.max(1, Math.floor(remaining / open.length));
      for (const p of open) {
        const n = Math.min(share, p.high - p.low - p.take, remaining);
        p.take += n;
        remaining -= n;
      }
      open = open.filter((p) => p.high - p.low > p.take);
    }
    for (const topic of topics) {
      const partitions = parts.filter((p) => p.topic === topic).map((p) => ({ partition: p.partition, offset: String(p.high - p.take) }));
      await admin.setOffsets({ groupId, topic, partitions });
    }
    return { ends: parts, events: count - remaining };
  });
}

async function caughtUp(groupId, ends) {
  return withAdmin(async (admin) => {
    const topics = [...new Set(ends.map((e) => e.topic))];
    const committed = await admin.fetchOffsets({ groupId, topics });
    return ends.every((e) => Number(committed.find((t) => t.topic === e.topic)?.partitions.find((p) => p.partition === e.partition)?.offset ?? -1) >= e.high);
  });
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
    env: { ...process.env, LOG_LEVEL: 'warn', ...(mallocThreshold ? { MALLOC_MMAP_THRESHOLD_: mallocThreshold } : {}), ...env },
    // stdout (warn-level logs, and --trace-gc lines when that flag is given) kept for a look afterwards.
    stdio: ['ignore', openSync(join(ROOT, `.run/idle-memory/${service}.log`), 'a'), 'pipe'],
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
  const envOf = {};
  for (const service of services) {
    const database = `capaian_${service}_idle`;
    if (psql(`SELECT 1 FROM pg_database WHERE datname = '${database}'`) !== '1') psql(`CREATE DATABASE ${database}`);
    const env = { DB_NAME: database, DB_USER: 'postgres', DB_PASSWORD: 'postgres', KAFKA_GROUP_ID: `capaian-${service}-idle-bench` };
    const migrated = spawnSync(process.execPath, [entry(service, 'migrate')], { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'warn', ...env }, encoding: 'utf8' });
    if (migrated.status !== 0) throw new Error(`migrating ${database} failed: ${migrated.stderr}`);
    await skipHistory(env.KAFKA_GROUP_ID);
    inboxBefore[service] = inboxCount(database);
    ports[service] = await freePort();
    envOf[service] = { ...env, PORT: String(ports[service]), UNSUBSCRIBE_SECRET: process.env.UNSUBSCRIBE_SECRET ?? 'idle-memory-bench-unsubscribe-secret-0123456789' };
    running[service] = start(service, envOf[service]);
  }
  if (withGateway) {
    const upstreams = Object.fromEntries(SERVICES.map((s) => [`${s.toUpperCase()}_URL`, `http://127.0.0.1:${ports[s] ?? 9}`]));
    ports.gateway = await freePort();
    running.gateway = start('gateway', { ...upstreams, PORT: String(ports.gateway), RATE_LIMIT_REDIS_URL: process.env.RATE_LIMIT_REDIS_URL ?? 'redis://127.0.0.1:6379' });
  }
  const started = Date.now();
  const ready = (s) => until(async () => (await fetch(`http://127.0.0.1:${ports[s]}/health/ready`)).ok, 300_000, s);
  await Promise.all(Object.keys(running).map(ready));
  const readyAfter = (Date.now() - started) / 1000;
  await new Promise((r) => setTimeout(r, settleSeconds * 1000));
  console.log(`Idle memory, ${settleSeconds} s after every service was ready (${readyAfter.toFixed(1)} s to ready), node ${process.version}, MALLOC_MMAP_THRESHOLD_=${mallocThreshold || '(glibc default)'}\n`);
  const header = () => console.log(`${'service'.padEnd(14)}${'RSS MB'.padStart(8)}${'peak MB'.padStart(9)}${'events handled'.padStart(16)}  node flags`);
  const row = (label, service, m, events) =>
    console.log(`${label.padEnd(14)}${m.rssMb.toFixed(0).padStart(8)}${m.peakMb.toFixed(0).padStart(9)}${(Number.isNaN(events) ? '-' : String(events)).padStart(16)}  ${flagsOf(service).join(' ') || '(none)'}`);
  const handled = (service) => (service in inboxBefore ? inboxCount(`capaian_${service}_idle`) - inboxBefore[service] : NaN);
  console.log('At rest (consumer groups at the end of every topic; events handled = what other runs produced meanwhile)');
  header();
  for (const [service, child] of Object.entries(running)) row(service, service, memoryOf(child.pid), handled(service));
  if (backlog <= 0) return;

  // After a catch-up: one consumer at a time, so that each has the machine's cores to itself.
  const consumers = [];
  for (const service of services) {
    const topics = await subscribedTopics(envOf[service].KAFKA_GROUP_ID);
    if (topics.length > 0) consumers.push([service, topics]);
  }
  console.log(`\nAfter a catch-up of the newest ${backlog} events of the topics each consumes (measured when its committed offsets reach the topics' ends at the reset, then ${settleSeconds} s later)`);
  console.log(`${'service'.padEnd(14)}${'events'.padStart(8)}${'catch-up s'.padStart(12)}${'RSS MB'.padStart(8)}${'peak MB'.padStart(9)}${'RSS later'.padStart(11)}  node flags`);
  for (const [service, topics] of consumers) {
    const child = running[service];
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
    const groupId = envOf[service].KAFKA_GROUP_ID;
    await until(async () => (await subscribedTopics(groupId)).length === 0, 60_000, `${service}'s group to empty`);
    const { ends, events } = await rewind(groupId, topics, backlog);
    const begun = Date.now();
    running[service] = start(service, envOf[service]);
    await ready(service);
    await until(() => caughtUp(groupId, ends), 1_800_000, `${service}'s catch-up`);
    const seconds = (Date.now() - begun) / 1000;
    const atEnd = memoryOf(running[service].pid);
    await new Promise((r) => setTimeout(r, settleSeconds * 1000));
    const later = memoryOf(running[service].pid);
    console.log(`${service.padEnd(14)}${String(events).padStart(8)}${seconds.toFixed(1).padStart(12)}${atEnd.rssMb.toFixed(0).padStart(8)}${later.peakMb.toFixed(0).padStart(9)}${later.rssMb.toFixed(0).padStart(11)}  ${flagsOf(service).join(' ') || '(none)'}`);
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
