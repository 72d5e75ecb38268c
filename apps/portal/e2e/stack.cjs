// The services behind the portal's end-to-end test, on the real infrastructure: the built services
// (dist/, `nx build`) as child processes on their own ports, each on a scratch database created
// fresh for the run and its own Kafka consumer group, personnel's demo data (a small OPD tree with
// the six demo people), and the gateway serving the portal build at its origin.
// Also usable alone: `node apps/portal/e2e/stack.cjs` keeps it running until Ctrl-C.
const { spawn, spawnSync } = require('node:child_process');
const { existsSync, mkdirSync, openSync } = require('node:fs');
const path = require('node:path');
const { Client } = require('pg');

const ROOT = path.resolve(__dirname, '../../..');
const GATEWAY_PORT = Number(process.env.PORTAL_E2E_PORT || 3090);
const SERVICES = { personnel: GATEWAY_PORT + 1, appraisal: GATEWAY_PORT + 2, career: GATEWAY_PORT + 3, notification: GATEWAY_PORT + 4 };
const LOG_DIR = path.join(ROOT, '.run', 'portal-e2e');

const entry = (svc, file) => path.join(ROOT, 'dist', 'apps', svc, 'apps', svc, 'src', `${file}.js`);
const database = (svc) => `capaian_${svc}_portal_e2e`;

function serviceEnv(svc) {
  return {
    ...process.env,
    NODE_ENV: 'development',
    PORT: String(SERVICES[svc]),
    DB_NAME: database(svc),
    DB_USER: `capaian_${svc}`,
    DB_PASSWORD: `capaian_${svc}`,
    // One group per service for every run: a new group would replay every event since Kafka started
    // (other tests' too) before the demo people of this run; a kept group reads only what is new.
    KAFKA_GROUP_ID: `capaian-${svc}-portal-e2e`,
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

function runOnce(file, env, args = []) {
  const r = spawnSync(process.execPath, [file, ...args], { env, cwd: ROOT, encoding: 'utf8', timeout: 240_000 });
  if (r.status !== 0) throw new Error(`${path.basename(file)} failed: ${r.stderr || r.stdout}`);
}

async function waitReady(url, child, name) {
  for (let i = 0; i < 120; i++) {
    if (child.exitCode !== null) throw new Error(`${name} stopped (see ${LOG_DIR}/${name}.log)`);
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
  const out = openSync(path.join(LOG_DIR, `${name}.log`), 'w');
  return spawn(process.execPath, [entry(name, 'main')], { env, cwd: ROOT, stdio: ['ignore', out, out] });
}

/** Builds what is missing, starts everything, resolves with the portal's URL and a stop function. */
async function startStack({ build = true } = {}) {
  if (build) {
    const missing = ['personnel', 'appraisal', 'career', 'notification', 'gateway'].filter((s) => !existsSync(entry(s, 'main')));
    const projects = [...missing, ...(existsSync(path.join(ROOT, 'dist/apps/portal/index.html')) ? [] : ['portal'])];
    if (projects.length) {
      const r = spawnSync('npx', ['nx', 'run-many', '-t', 'build', `--projects=${projects.join(',')}`, '--output-style=static'], {
        cwd: ROOT, env: { ...process.env, NX_DAEMON: 'false' }, encoding: 'utf8',
      });
      if (r.status !== 0) throw new Error(`build failed: ${r.stdout}\n${r.stderr}`);
    }
  }
  await freshDatabases();
  for (const svc of Object.keys(SERVICES)) runOnce(entry(svc, 'migrate'), serviceEnv(svc));
  runOnce(entry('personnel', 'seed'), serviceEnv('personnel'), ['--employees', '40', '--no-accounts']);

  const children = [];
  const stop = async () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
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
      PORTAL_DIR: path.join(ROOT, 'dist/apps/portal'),
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

module.exports = { startStack, SERVICES, GATEWAY_PORT, ROOT };

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
