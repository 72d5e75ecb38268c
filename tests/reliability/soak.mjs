#!/usr/bin/env node
// Soak run (issue 12): a steady, mixed load through the gateway for a long time (default 30 min)
// against the running platform (`npm start` first), then the verdict: zero failed requests, and the
// RSS of each service grew by at most 10 % from the end of the warm-up to the end of the run.
//   node tests/reliability/soak.mjs [--minutes 30] [--rate 20] [--warmup-minutes 5]
// `npm run bench -- soak` runs it. The load is the day of six demo people (each with a real Keycloak
// token): BKPSDM's admin reads the employee pages, units, budgets, JP compliance and statistics; the admin OPD,
// the pimpinan and the staff read their profile, SKPs, JP, inbox and chain, and change a notification
// preference (a write, alternated so the data does not grow). Each person stays under the gateway's
// per-user limit (RATE_LIMIT_MAX, 300 a minute): the soak measures the platform, not the limiter.
// Any status >= 400, timeout or connection error counts as an error. RSS comes from
// /proc/<pid>/status of the pids in .run/services/<service>.pid, sampled every 10 s. Exit 0 only on a pass.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : Number(process.env[`SOAK_${name.toUpperCase().replace(/-/g, '_')}`] ?? fallback);
};
const minutes = arg('minutes', 30);
const rate = arg('rate', 20);
const warmupMinutes = arg('warmup-minutes', Math.min(5, minutes / 5));
const gateway = process.env.GATEWAY_URL ?? 'http://127.0.0.1:3000';
const keycloak = process.env.KEYCLOAK_URL ?? 'http://127.0.0.1:8180';
const perUserLimitPerMinute = Number(process.env.RATE_LIMIT_MAX ?? 300);
const services = ['gateway', 'personnel', 'appraisal', 'career', 'notification'];
const year = new Date().getFullYear();
const staffPaths = [
  { path: '/api/v1/personnel/me' },
  { path: `/api/v1/appraisal/skps/mine?year=${year}` },
  { path: `/api/v1/career/jp/me?year=${year}` },
  { path: '/api/v1/notification/inbox' },
  { path: '/api/v1/personnel/me/chain' },
  { path: '/api/v1/career/programs' },
  { path: '/api/v1/notification/preferensi/tim', write: true },
];
const actors = [
  {
    username: '197906012005011002', // admin-bkpsdm
    paths: [
      { path: '/api/v1/personnel/employees?size=20' },
      { path: '/api/v1/personnel/employees?size=20&q=a' },
      { path: '/api/v1/personnel/units' },
      { path: `/api/v1/career/budgets?year=${year}` },
      { path: `/api/v1/career/jp/compliance?year=${year}` },
      { path: '/api/v1/notification/statistik' },
      { path: '/api/v1/personnel/whoami' },
    ],
  },
  { username: '198811102012121001', paths: [...staffPaths, { path: '/api/v1/personnel/employees?size=20&opd=DISKOMINFO' }] }, // admin-opd
  { username: '197512251998031001', paths: staffPaths }, // pimpinan
  { username: '198507222010012003', paths: [...staffPaths, { path: '/api/v1/personnel/me/direct-reports' }] }, // penilai
  { username: '199203152019031004', paths: staffPaths }, // pegawai PNS
  { username: '199505052023212005', paths: staffPaths }, // pegawai PPPK
];

async function token(username) {
  const body = new URLSearchParams({
    grant_type: 'password',
    client_id: 'capaian-tests',
    client_secret: 'capaian-tests-secret',
    username,
    password: 'capaian-demo',
  });
  const res = await fetch(`${keycloak}/realms/capaian/protocol/openid-connect/token`, { method: 'POST', body, signal: AbortSignal.timeout(10_000) });
  if (!res.ok) throw new Error(`token of ${username}: HTTP ${res.status} (is the platform running? npm start)`);
  const json = await res.json();
  return { value: json.access_token, expiresAt: Date.now() + (json.expires_in - 30) * 1000 };
}

function rssKb(service) {
  try {
    const pid = readFileSync(path.join(root, '.run/services', `${service}.pid`), 'utf8').trim();
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
    return line ? Number(line.split(/\s+/)[1]) : null;
  } catch {
    return null;
  }
}

async function main() {
  if ((rate / actors.length) * 60 > perUserLimitPerMinute * 0.9) {
    throw new Error(`${rate} req/s over ${actors.length} people is more than 90 % of the per-user limit (${perUserLimitPerMinute}/min): lower --rate`);
  }
  for (const actor of actors) actor.auth = await token(actor.username);
  const missing = services.filter((s) => rssKb(s) === null);
  if (missing.length > 0) throw new Error(`not running (no live pid in .run/services): ${missing.join(', ')} — start the platform with npm start`);
  const started = Date.now();
  const end = started + minutes * 60_000;
  const warmupEnd = started + warmupMinutes * 60_000;
  const samples = []; // { t, rss: { service: kb } }
  const errors = new Map();
  let requests = 0;
  let failed = 0;
  // Per route (method and path without its query), so a high p99 names the request behind it.
  const byRoute = new Map();
  const sample = () => samples.push({ t: Date.now(), rss: Object.fromEntries(services.map((s) => [s, rssKb(s)])) });
  sample();
  const sampler = setInterval(sample, 10_000);
  const reporter = setInterval(() => {
    const m = ((Date.now() - started) / 60_000).toFixed(1);
    console.log(`soak: ${m} min, ${requests} requests, ${failed} failed, rss MB ${services.map((s) => `${s} ${Math.round((rssKb(s) ?? 0) / 1024)}`).join(', ')}`);
  }, 60_000);
  const inFlight = new Set();
  let i = 0;
  while (Date.now() < end) {
    const due = started + (i * 1000) / rate;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const actor = actors[i % actors.length];
    const step = actor.paths[Math.floor(i / actors.length) % actor.paths.length];
    i++;
    if (Date.now() > actor.auth.expiresAt) actor.auth = await token(actor.username);
    const url = gateway + step.path;
    const headers = { authorization: `Bearer ${actor.auth.value}` };
    let init = { headers, signal: AbortSignal.timeout(15_000) };
    if (step.write) {
      // An optional category switched on and off in turn: a real write whose data does not grow.
      actor.emailOn = !actor.emailOn;
      init = { ...init, method: 'PUT', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ email: actor.emailOn }) };
    }
    const t0 = performance.now();
    const p = fetch(url, init)
      .then(async (res) => {
        await res.arrayBuffer();
        if (res.status >= 400) throw new Error(`HTTP ${res.status} ${init.method ?? 'GET'} ${url.replace(gateway, '')}`);
        const ms = performance.now() - t0;
        const route = `${init.method ?? 'GET'} ${step.path.split('?')[0]}`;
        if (!byRoute.has(route)) byRoute.set(route, []);
        byRoute.get(route).push(ms);
      })
      .catch((e) => {
        failed++;
        const key = e.message ?? String(e);
        errors.set(key, (errors.get(key) ?? 0) + 1);
      })
      .finally(() => {
        requests++;
        inFlight.delete(p);
      });
    inFlight.add(p);
  }
  await Promise.all(inFlight);
  clearInterval(sampler);
  clearInterval(reporter);
  sample();

  // RSS growth: the mean of the first minute after the warm-up against the mean of the last minute.
  const window = (from, to) => samples.filter((s) => s.t >= from && s.t <= to);
  const after = window(warmupEnd, warmupEnd + 60_000);
  const last = window(Date.now() - 60_000, Date.now());
  const mean = (list, s) => list.reduce((sum, x) => sum + (x.rss[s] ?? 0), 0) / Math.max(1, list.length);
  const growth = Object.fromEntries(services.map((s) => [s, after.length && last.length ? (mean(last, s) / mean(after, s) - 1) * 100 : NaN]));
  const percentile = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)].toFixed(1) : 'n/a');
  const latencies = [...byRoute.values()].flat().sort((a, b) => a - b);
  const pct = (p) => percentile(latencies, p);
  const pass = failed === 0 && Object.values(growth).every((g) => Number.isFinite(g) && g <= 10);
  console.log(`soak: ${minutes} min at ${rate} req/s through the gateway (warm-up ${warmupMinutes} min)`);
  console.log(`  requests ${requests}, failed ${failed}; latency p50 ${pct(50)} ms, p99 ${pct(99)} ms`);
  for (const [message, n] of errors) console.log(`  error ×${n}: ${message}`);
  const routes = [...byRoute].map(([route, list]) => {
    list.sort((a, b) => a - b);
    return { route, n: list.length, p50: percentile(list, 50), p99: percentile(list, 99), max: list[list.length - 1].toFixed(1) };
  });
  routes.sort((a, b) => Number(b.p99) - Number(a.p99));
  for (const r of routes) console.log(`  ${r.route.padEnd(48)} n ${String(r.n).padStart(6)}  p50 ${r.p50.padStart(7)} ms  p99 ${r.p99.padStart(7)} ms  max ${r.max.padStart(7)} ms`);
  for (const s of services) {
    console.log(`  ${s.padEnd(12)} rss after warm-up ${Math.round(mean(after, s) / 1024)} MB, at the end ${Math.round(mean(last, s) / 1024)} MB, growth ${growth[s].toFixed(1)} %`);
  }
  console.log(`  verdict: ${pass ? 'PASS' : 'FAIL'} (zero errors, RSS growth <= 10 % per service)`);
  console.log(JSON.stringify({ bench: 'soak', minutes, rate, requests, failed, latencyMs: { p50: Number(pct(50)), p99: Number(pct(99)) }, routes, rssGrowthPercent: growth, pass }));
  process.exit(pass ? 0 : 1);
}

main().catch((e) => {
  console.error(`soak: ${e.message}`);
  process.exit(1);
});
