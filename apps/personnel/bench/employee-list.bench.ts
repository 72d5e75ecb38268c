/**
 * Reads that scale (issue 12): `GET /employees?size=20` as admin-bkpsdm, 50 connections, straight to
 * personnel (no gateway), on the 12,000-employee demo city; then the same page with `total=true`,
 * the next page by cursor, and an admin-opd's page of their own OPD. The service runs as its own Node
 * process on the database capaian_personnel_bench_reads (created and loaded on first run, then
 * reused); autocannon runs in this process. Needs PostgreSQL and Keycloak (for the demo users' tokens).
 *
 *   bash apps/personnel/bench/run.sh --reads [--duration 10] [--connections 50]
 *   node dist/apps/personnel/apps/personnel/bench/employee-list.bench.js [--duration=10] [--connections=50] [--only=admin-opd]
 *
 * `--processes=N` measures instead the first page in N freshly started service processes, one after
 * the other: the garbage collector's choices differ from one process to the next, and a process that
 * falls into a bad one stays in it (docs/benchmarks.md, "pretenuring").
 */
import 'reflect-metadata';
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { constants, PerformanceObserver } from 'node:perf_hooks';
import { createHttpApp } from '@capaian/shared/http';
import { runMigrations } from '@capaian/shared/persistence';
import { DEMO_USERS, getToken } from '@capaian/shared/testing';
import { DataSource } from 'typeorm';
import { InMemoryAccountDirectory } from '../src/accounts/infrastructure/in-memory-account-directory';
import { personnelDataSourceOptions } from '../src/data-source';
import { DemoSeeder } from '../src/demo/demo-seeder';
import { DemoModule } from '../src/demo/demo.module';
import { loadPersonnelConfig } from '../src/personnel.config';

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
// autocannon 9 ships no typings; the part used here.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon: (options: Record<string, unknown>) => Promise<AutocannonResult> = require('autocannon');

const DATABASE = 'capaian_personnel_bench_reads';
const EMPLOYEES = 12_000;

function arg(name: string, fallback: number): number {
  const raw = process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
}

/** The child: personnel's HTTP app on the bench database, with the demo city loaded once. */
async function runService(): Promise<void> {
  const config = loadPersonnelConfig({ ...process.env, DB_NAME: DATABASE, LOG_LEVEL: 'error' });
  const admin = new DataSource({ type: 'postgres', host: config.service.database.host, port: config.service.database.port, username: 'postgres', database: 'postgres' });
  await admin.initialize();
  try {
    const exists = await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [DATABASE]);
    if (exists.length === 0) await admin.query(`CREATE DATABASE "${DATABASE}" OWNER "${config.service.database.username}"`);
  } finally {
    await admin.destroy();
  }
  await runMigrations(personnelDataSourceOptions(config.service.database));
  const app = await createHttpApp(
    DemoModule.forRoot(config, { accountDirectory: new InMemoryAccountDirectory(), messaging: { relay: false } }),
    config.service,
    { title: 'personnel (bench)' },
  );
  const ds = app.get(DataSource);
  const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM employee`);
  if (n < EMPLOYEES) {
    await app.get(DemoSeeder).run({ employees: EMPLOYEES, linkDemoAccounts: false });
    await ds.query(`DELETE FROM outbox`);
  }
  await ds.query('VACUUM ANALYZE');
  await app.listen(0, '127.0.0.1');
  // The parent asks for this process's CPU time around each run.
  let fullGcs = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if ((entry as unknown as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) fullGcs++;
  }).observe({ entryTypes: ['gc'] });
  process.on('message', (m: { cpu?: boolean }) => {
    if (m.cpu) process.send?.({ cpuMicros: process.cpuUsage(), fullGcs });
  });
  process.send?.({ url: (await app.getUrl()).replace('[::1]', '127.0.0.1') });
}

/** CPU time (ms) of the PostgreSQL backends serving the bench database, from /proc (same machine). */
async function databaseCpuMs(admin: DataSource): Promise<number> {
  const rows: { pid: number }[] = await admin.query(`SELECT pid FROM pg_stat_activity WHERE datname = $1`, [DATABASE]);
  const ticks = 100; // USER_HZ on Linux
  let total = 0;
  for (const { pid } of rows) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      total += ((Number(fields[11]) + Number(fields[12])) / ticks) * 1000;
    } catch {
      // a backend that ended between the two reads
    }
  }
  return total;
}

/** The service's CPU time (ms) and the full (mark-compact) collections it has run since it started. */
function serviceCounters(child: ChildProcess): Promise<{ cpuMs: number; fullGcs: number }> {
  return new Promise((resolve) => {
    const onMessage = (m: { cpuMicros?: { user: number; system: number }; fullGcs?: number }) => {
      if (!m.cpuMicros) return;
      child.off('message', onMessage);
      resolve({ cpuMs: (m.cpuMicros.user + m.cpuMicros.system) / 1000, fullGcs: m.fullGcs ?? 0 });
    };
    child.on('message', onMessage);
    child.send({ cpu: true });
  });
}

function startService(): Promise<{ child: ChildProcess; url: string }> {
  // The flags npm start gives the service (run.sh sets them), so that its garbage collector works as deployed.
  const execArgv = (process.env.PERSONNEL_NODE_FLAGS ?? '').split(' ').filter(Boolean);
  const child = fork(__filename, ['--role=service'], { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('message', (m: { url: string }) => resolve({ child, url: m.url }));
    child.once('exit', (code) => reject(new Error(`service exited with ${code} before listening`)));
  });
}

async function measure(label: string, url: string, token: string, duration: number, connections: number): Promise<AutocannonResult> {
  const options = { url, headers: { authorization: `Bearer ${token}` }, connections };
  const result = await autocannon({ ...options, duration });
  if (result.non2xx > 0) throw new Error(`${label}: ${result.non2xx} non-2xx answers: the measurement is not of successful requests`);
  // On a machine busy with other work, requests that wait longer than autocannon's 10 s are counted
  // as timeouts (errors); they are printed, not hidden.
  return result;
}

/** The first page in `count` fresh service processes: CPU per page and full collections of each. */
async function perProcess(count: number, duration: number, connections: number): Promise<void> {
  const token = await getToken(DEMO_USERS.hendra.nip);
  console.log(`GET /api/v1/personnel/employees?size=20 direct to personnel in ${count} fresh processes, ${connections} connections, ${duration} s each (after 2 s warm-up), Node ${process.version}, service flags: ${process.env.PERSONNEL_NODE_FLAGS || '(none)'}\n`);
  console.log(`${'process'.padEnd(10)}${'req/s'.padStart(10)}${'p99 ms'.padStart(10)}${'node cpu µs/page'.padStart(18)}${'full GCs'.padStart(10)}`);
  const cpu: number[] = [];
  for (let i = 1; i <= count; i++) {
    const service = await startService();
    try {
      const url = `${service.url}/api/v1/personnel/employees?size=20`;
      await autocannon({ url, headers: { authorization: `Bearer ${token}` }, connections, duration: 2 });
      const before = await serviceCounters(service.child);
      const r = await measure(`process ${i}`, url, token, duration, connections);
      const after = await serviceCounters(service.child);
      const perPage = ((after.cpuMs - before.cpuMs) / Math.max(1, r.requests.total)) * 1000;
      cpu.push(perPage);
      console.log(`${String(i).padEnd(10)}${r.requests.average.toFixed(0).padStart(10)}${r.latency.p99.toFixed(1).padStart(10)}${perPage.toFixed(0).padStart(18)}${String(after.fullGcs - before.fullGcs).padStart(10)}`);
    } finally {
      service.child.kill();
      await new Promise((resolve) => service.child.once('exit', resolve));
    }
  }
  const sorted = [...cpu].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  const slow = cpu.filter((c) => c > median * 1.3).length;
  console.log(`\nCPU per page: min ${sorted[0].toFixed(0)}, median ${median.toFixed(0)}, max ${sorted[sorted.length - 1].toFixed(0)} µs; processes above 1.3 × the median: ${slow} of ${count}`);
  process.stdout.write(JSON.stringify({ bench: 'personnel-employee-list-per-process', connections, duration, cpuMicrosPerPage: cpu.map((c) => Math.round(c)), slow }) + '\n');
}

async function main(): Promise<void> {
  const duration = arg('duration', 10);
  const connections = arg('connections', 50);
  const processes = process.argv.some((a) => a.startsWith('--processes=')) ? arg('processes', 1) : undefined;
  if (processes !== undefined) return perProcess(processes, duration, connections);
  const [hendra, rudi] = [await getToken(DEMO_USERS.hendra.nip), await getToken(DEMO_USERS.rudi.nip)];
  const service = await startService();
  const admin = new DataSource({ type: 'postgres', host: process.env.DB_HOST ?? '127.0.0.1', port: Number(process.env.DB_PORT ?? 5432), username: 'postgres', database: 'postgres', extra: { max: 1 } });
  await admin.initialize();
  try {
    const base = `${service.url}/api/v1/personnel/employees`;
    const first = (await (await fetch(`${base}?size=20`, { headers: { authorization: `Bearer ${hendra}` } })).json()) as { next: string | null };
    const runs: [string, string, string][] = [
      ['admin-bkpsdm ?size=20', `${base}?size=20`, hendra],
      ['… &total=true', `${base}?size=20&total=true`, hendra],
      ['… next by cursor', `${base}?size=20&after=${first.next}`, hendra],
      ['… page 300 (offset)', `${base}?size=20&page=300`, hendra],
      ['admin-opd ?size=20', `${base}?size=20`, rudi],
      ['name search ?q=siti', `${base}?size=20&q=siti`, hendra],
      // The same token and HTTP stack without a database: what every request costs the service.
      ['whoami (no database)', `${service.url}/api/v1/personnel/whoami`, hendra],
    ];
    console.log(`GET /api/v1/personnel/employees direct to personnel, ${EMPLOYEES} employees, ${connections} connections, ${duration} s each (after 2 s warm-up), Node ${process.version}, service flags: ${process.env.PERSONNEL_NODE_FLAGS || '(none)'}`);
    console.log(`CPU ms per request: the service process and the PostgreSQL backends serving it (independent of what else the machine runs)\n`);
    console.log(`${''.padEnd(24)}${'req/s'.padStart(10)}${'p50 ms'.padStart(10)}${'p99 ms'.padStart(10)}${'requests'.padStart(12)}${'errors'.padStart(8)}${'node cpu'.padStart(10)}${'pg cpu'.padStart(10)}`);
    const results: Record<string, { reqPerSec: number; p50Ms: number; p99Ms: number; requests: number; errors: number; nodeCpuMsPerRequest: number; pgCpuMsPerRequest: number }> = {};
    // `--only=<start of a label>` measures one case (for a CPU profile of just that request).
    const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
    for (const [label, url, token] of runs.filter(([l]) => only === undefined || l.startsWith(only))) {
      await autocannon({ url, headers: { authorization: `Bearer ${token}` }, connections, duration: 2 }); // warm-up: JIT, JWKS, plans, pools
      const [node0, pg0] = [(await serviceCounters(service.child)).cpuMs, await databaseCpuMs(admin)];
      const r = await measure(label, url, token, duration, connections);
      const [node1, pg1] = [(await serviceCounters(service.child)).cpuMs, await databaseCpuMs(admin)];
      const per = (ms: number) => Math.round((ms / Math.max(1, r.requests.total)) * 1000) / 1000;
      results[label] = { reqPerSec: Math.round(r.requests.average), p50Ms: r.latency.p50, p99Ms: r.latency.p99, requests: r.requests.total, errors: r.errors, nodeCpuMsPerRequest: per(node1 - node0), pgCpuMsPerRequest: per(pg1 - pg0) };
      const x = results[label];
      console.log(`${label.padEnd(24)}${r.requests.average.toFixed(0).padStart(10)}${r.latency.p50.toFixed(1).padStart(10)}${r.latency.p99.toFixed(1).padStart(10)}${String(r.requests.total).padStart(12)}${String(r.errors).padStart(8)}${x.nodeCpuMsPerRequest.toFixed(3).padStart(10)}${x.pgCpuMsPerRequest.toFixed(3).padStart(10)}`);
    }
    process.stdout.write('\n' + JSON.stringify({ bench: 'personnel-employee-list', connections, duration, results }) + '\n');
  } finally {
    await admin.destroy();
    service.child.kill();
  }
}

const role = process.argv.find((a) => a.startsWith('--role='))?.split('=')[1];
(role === 'service' ? runService() : main()).catch((error) => {
  console.error(error);
  process.exit(1);
});
