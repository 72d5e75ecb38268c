// The services behind the portal's end-to-end test, on the real infrastructure: the built services
// (dist/, `nx build`) as child processes on their own ports, each on a scratch database created
// fresh for the run and its own Kafka consumer group, personnel's demo data (a small OPD tree with
// the six demo people), and the gateway serving the portal build at its origin.
// Also usable alone: `node apps/portal/e2e/stack.cjs` keeps it running until Ctrl-C.
const { spawn, spawnSync } = require('node:child_process');
const { existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const path = require('node:path');
const { Client } = require('pg');

const ROOT = path.resolve(__dirname, '../../..');
const net = require('node:net');
// Ports base..base+4 (gateway, then the four services); the first free block from 3090 on, so two
// runs at once (a developer's and npm test) do not meet. The block also names the run's databases
// and consumer groups.
let GATEWAY_PORT = Number(process.env.PORTAL_E2E_PORT || 3090);
let SERVICES = {};
const serviceNames = ['personnel', 'appraisal', 'career', 'notification'];
const RUN = Date.now().toString(36);

const portFree = (port) =>
  new Promise((resolve) => {
    const server = net.createServer().once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });

/** A lock file per block: a run that is still starting has not bound its ports yet. */
function claim(base) {
  mkdirSync(LOG_DIR, { recursive: true });
  const lock = path.join(LOG_DIR, `ports-${base}.lock`);
  try {
    writeFileSync(lock, String(process.pid), { flag: 'wx' });
  } catch {
    const owner = Number(readFileSync(lock, 'utf8'));
    let alive = false;
    try {
      process.kill(owner, 0);
      alive = owner !== process.pid;
    } catch {
      /* the run that held it is gone */
    }
    if (alive) return false;
    writeFileSync(lock, String(process.pid));
  }
  process.once('exit', () => rmSync(lock, { force: true }));
  return true;
}

async function choosePorts() {
  for (let base = GATEWAY_PORT; base < GATEWAY_PORT + 1000; base += 10) {
    const ok = await Promise.all([0, 1, 2, 3, 4].map((i) => portFree(base + i)));
    if (ok.every(Boolean) && claim(base)) {
      GATEWAY_PORT = base;
      SERVICES = Object.fromEntries(serviceNames.map((svc, i) => [svc, base + 1 + i]));
      return;
    }
  }
  throw new Error('no free block of five ports from 3090 on');
}
const LOG_DIR = path.join(ROOT, '.run', 'portal-e2e');

// The builds the run starts: dist/ by default. PORTAL_E2E_DIST names a copy instead (inside the
// repository, so node_modules resolves), for a run that must not be disturbed by builds of dist/
// started meanwhile (each `nx build` empties its folder first).
const DIST = process.env.PORTAL_E2E_DIST ? path.resolve(process.env.PORTAL_E2E_DIST) : path.join(ROOT, 'dist');
const entry = (svc, file) => path.join(DIST, 'apps', svc, 'apps', svc, 'src', `${file}.js`);
const database = (svc) => `capaian_${svc}_portal_e2e_${GATEWAY_PORT}`;

function serviceEnv(svc) {
  return {
    ...process.env,
    NODE_ENV: 'development',
    PORT: String(SERVICES[svc]),
    DB_NAME: database(svc),
    DB_USER: `capaian_${svc}`,
    DB_PASSWORD: `capaian_${svc}`,
    // A group of the run's own; the e2e test moves it past the shared topics' history before the
    // services join, so they read only what happens during the run.
    KAFKA_GROUP_ID: `capaian-${svc}-portal-e2e-${GATEWAY_PORT}-${RUN}`,
    LOG_LEVEL: 'warn',
  };
}

async function freshDatabases() {
  const admin = new Client({ host: '127.0.0.1', user: 'postgres', database: 'postgres' });
  await admin.connect();
  try {
    for (const svc of Object.keys(SERVICES)) {
      await admin.query(`DROP DATABASE IF EXISTS ${database(svc)} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${database(svc)} OWNER capaian_${svc}`);
    }
  } finally {
    await admin.end();
  }
}

function runOnce(file, env, args = [], attempts = 2) {
  const r = spawnSync(process.execPath, [file, ...args], { env, cwd: ROOT, encoding: 'utf8', timeout: 240_000 });
  if (r.status === 0) return;
  // Migrations and the demo seed are idempotent: one more try rides out a dropped connection.
  if (attempts > 1) return runOnce(file, env, args, attempts - 1);
  throw new Error(`${path.basename(file)} failed: ${r.stderr || r.stdout}`);
}

// A service starting while other engineers' builds and benchmarks load the two cores may take minutes:
// PORTAL_E2E_READY_SECONDS (default 180) is how long each may take to answer ready.
const READY_TRIES = Number(process.env.PORTAL_E2E_READY_SECONDS || 180) * 2;

async function waitReady(url, child, name) {
  for (let i = 0; i < READY_TRIES; i++) {
    if (child.exitCode !== null) throw new Error(`${name} stopped (see ${LOG_DIR}/${name}-${GATEWAY_PORT}.log)`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${name} not ready: ${url}`);
}

function start(name, env) {
  mkdirSync(LOG_DIR, { recursive: true });
  const logFile = path.join(LOG_DIR, `${name}-${GATEWAY_PORT}.log`);
  const out = openSync(logFile, 'w');
  const child = spawn(process.execPath, [entry(name, 'main')], { env, cwd: ROOT, stdio: ['ignore', out, out] });
  // A service that dies while the tests run shows up as timeouts and refused connections, and the
  // next suite's stack overwrites its log: say so at once, with the log's end, in the test output.
  child.once('exit', (code, signal) => {
    if (child.stopRequested) return;
    let tail = '';
    try {
      tail = readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
    } catch {
      /* no log */
    }
    process.stderr.write(`[portal e2e] ${name} on the stack of port ${GATEWAY_PORT} exited unexpectedly (${signal ?? code}); the end of its log:\n${tail}\n`);
  });
  return child;
}

/** Builds what is missing, starts everything, resolves with the portal's URL and a stop function. */
async function startStack({ build = true, beforeServices } = {}) {
  if (build && !process.env.PORTAL_E2E_DIST) {
    const missing = ['personnel', 'appraisal', 'career', 'notification', 'gateway'].filter((s) => !existsSync(entry(s, 'main')));
    const projects = [...missing, ...(existsSync(path.join(ROOT, 'dist/apps/portal/index.html')) ? [] : ['portal'])];
    if (projects.length) {
      const r = spawnSync('npx', ['nx', 'run-many', '-t', 'build', `--projects=${projects.join(',')}`, '--output-style=static'], {
        cwd: ROOT, env: { ...process.env, NX_DAEMON: 'false' }, encoding: 'utf8',
      });
      if (r.status !== 0) throw new Error(`build failed: ${r.stdout}\n${r.stderr}`);
    }
  }
  await choosePorts();
  await freshDatabases();
  for (const svc of Object.keys(SERVICES)) runOnce(entry(svc, 'migrate'), serviceEnv(svc));
  runOnce(entry('personnel', 'seed'), serviceEnv('personnel'), ['--employees', '40', '--no-accounts']);

  // The caller may prepare the run's consumer groups (e.g. move them past the history of the shared
  // topics) before any service joins them.
  if (beforeServices) await beforeServices(serviceNames.map((svc) => serviceEnv(svc).KAFKA_GROUP_ID));
  const children = [];
  const stop = async () => {
    for (const c of children) {
      c.stopRequested = true;
      if (c.exitCode === null) c.kill('SIGTERM');
    }
    await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null)));
  };
  try {
    for (const svc of Object.keys(SERVICES)) {
      const child = start(svc, serviceEnv(svc));
      children.push(child);
    }
    const down = [];
    for (const [svc, port] of Object.entries(SERVICES)) {
      try {
        await waitReady(`http://127.0.0.1:${port}/health/ready`, children[Object.keys(SERVICES).indexOf(svc)], svc);
      } catch (e) {
        // Career is still being built by its issue: the portal shows its screens as unavailable without it.
        if (svc !== 'career') throw e;
        down.push(svc);
      }
    }
    const gateway = start('gateway', {
      ...process.env,
      PORT: String(GATEWAY_PORT),
      LOG_LEVEL: 'warn',
      PORTAL_DIR: path.join(DIST, 'apps/portal'),
      PERSONNEL_URL: `http://127.0.0.1:${SERVICES.personnel}`,
      APPRAISAL_URL: `http://127.0.0.1:${SERVICES.appraisal}`,
      CAREER_URL: `http://127.0.0.1:${SERVICES.career}`,
      NOTIFICATION_URL: `http://127.0.0.1:${SERVICES.notification}`,
      RATE_LIMIT_MAX: '100000',
      RATE_LIMIT_ANONYMOUS_MAX: '100000',
    });
    children.push(gateway);
    const url = `http://127.0.0.1:${GATEWAY_PORT}`;
    await waitReady(`${url}/health/ready`, gateway, 'gateway');
    return { url, stop, down, env: serviceEnv };
  } catch (e) {
    await stop();
    throw e;
  }
}

module.exports = { startStack, ROOT };

if (require.main === module) {
  startStack({ build: !process.argv.includes('--no-build') }).then(
    ({ url, stop, down }) => {
      process.stdout.write(`portal stack ready at ${url}${down.length ? ` (not running: ${down.join(', ')})` : ''}\n`);
      const quit = () => stop().then(() => process.exit(0));
      process.on('SIGINT', quit);
      process.on('SIGTERM', quit);
    },
    (e) => {
      process.stderr.write(String(e.stack || e) + '\n');
      process.exit(1);
    },
  );
}
