import 'reflect-metadata';
import { fork } from 'node:child_process';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { NestFactory } from '@nestjs/core';
import { todayInJakarta } from '@capaian/kinerja';
import { JsonLogger } from '@capaian/shared/http';
import { runMigrations } from '@capaian/shared/persistence';
import { DataSource } from 'typeorm';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { InMemoryAccountDirectory } from '../src/accounts/infrastructure/in-memory-account-directory';
import { SYSTEM_ACTOR } from '../src/common/access';
import { personnelDataSourceOptions } from '../src/data-source';
import { DemoSeeder, DEMO_STRUCTURE_DATE, structureFor } from '../src/demo/demo-seeder';
import { DemoModule } from '../src/demo/demo.module';
import { generateWorkforce, toCsv } from '../src/demo/workforce';
import { RunImport } from '../src/import/use-cases/run-import';
import { loadPersonnelConfig } from '../src/personnel.config';
import { ReportingService } from '../src/reporting/reporting.service';

/**
 * Personnel benchmark (issue #3): import N employees (default 100,000) from one CSV through the
 * import job (parse, validate every row, plan against the database, one transaction, outbox events),
 * with wall time and the process's peak memory; then p50/p95/p99 of "direct reports" and "chain up"
 * on that data set.
 *
 * To show that memory does not grow with the file, the same import also runs on a quarter and a
 * half of the file first (25k, 50k, 100k by default), each time into an empty workforce and each in
 * a fresh child process that does nothing but start the service's modules and run the job: its peak
 * RSS is what a service instance needs for that import (the CSV generation stays in the parent).
 * Each run also reports its CPU time (the child's, and that of the PostgreSQL backends serving it),
 * the statements it sent and the phases the job logged: on a machine shared with other work, these
 * compare two versions where wall times do not.
 *
 *   npx nx run personnel:bench                      (builds first)
 *   node dist/apps/personnel/apps/personnel/bench/personnel.bench.js [--employees 100000] [--samples 1000] [--steps 3] [--heap-mb 128]
 *   BENCH_KEEP_CSV=1 …                              (keeps the generated CSV files)
 *   node --max-old-space-size=128 …/personnel.bench.js --child <file>   (one import by hand, result on stdout)
 *
 * It uses its own database, capaian_personnel_bench (created through the local superuser `postgres`,
 * trust auth, as on the development machines; set BENCH_DB_NAME to use another one, e.g.
 * capaian_personnel_test). The schema of that database is dropped and recreated. Keycloak and Kafka are
 * not needed: accounts are not provisioned for imports, and the outbox relay is off (events stay in
 * the outbox table, which is part of what the import writes).
 */
function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = Number(i >= 0 ? process.argv[i + 1] : fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
  return value;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const r = (v: number) => Math.round(v * 100) / 100;
  return { n: s.length, p50Ms: r(percentile(s, 50)), p95Ms: r(percentile(s, 95)), p99Ms: r(percentile(s, 99)), maxMs: r(s[s.length - 1]) };
}

async function ensureDatabase(name: string, owner: string): Promise<void> {
  const admin = new DataSource({ type: 'postgres', host: process.env.DB_HOST ?? '127.0.0.1', port: Number(process.env.DB_PORT ?? 5432), username: 'postgres', database: 'postgres' });
  await admin.initialize();
  try {
    const exists = await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name]);
    if (exists.length === 0) await admin.query(`CREATE DATABASE "${name}" OWNER "${owner}"`);
  } finally {
    await admin.destroy();
  }
}

async function main(): Promise<void> {
  const employees = arg('employees', 100_000);
  const samples = arg('samples', 1000);
  const steps = arg('steps', 3);
  // The child runs as docs/deploy.md recommends for personnel (NODE_OPTIONS=--max-old-space-size=…):
  // with the default limit V8 lets garbage pile up to hundreds of MB before a full collection.
  const heapMb = arg('heap-mb', 128);
  const dbName = process.env.BENCH_DB_NAME ?? 'capaian_personnel_bench';
  const config = loadPersonnelConfig({ ...process.env, DB_NAME: dbName, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
  if (!process.env.BENCH_DB_NAME) await ensureDatabase(dbName, config.service.database.username);

  const reset = new DataSource({ ...personnelDataSourceOptions(config.service.database), entities: [], migrations: [] });
  await reset.initialize();
  await reset.query('DROP SCHEMA IF EXISTS public CASCADE');
  await reset.query('CREATE SCHEMA public');
  await reset.destroy();
  await runMigrations(personnelDataSourceOptions(config.service.database));

  const app = await NestFactory.createApplicationContext(
    DemoModule.forRoot(config, { accountDirectory: new InMemoryAccountDirectory(), messaging: { relay: false } }),
    { logger: new JsonLogger('personnel-bench', config.service.logLevel) },
  );
  try {
    const log = (msg: string, extra: Record<string, unknown> = {}) => process.stdout.write(JSON.stringify({ bench: 'personnel', msg, ...extra }) + '\n');
    const structure = structureFor(employees);
    let t0 = performance.now();
    const written = await app.get(DemoSeeder).writeStructure(structure, DEMO_STRUCTURE_DATE);
    log('structure written', { ...written, ms: Math.round(performance.now() - t0) });

    const dir = join(tmpdir(), 'capaian-personnel-bench');
    await mkdir(dir, { recursive: true });
    const path = join(dir, `pegawai-${employees}.csv`);
    t0 = performance.now();
    let people: ReturnType<typeof generateWorkforce> | null = generateWorkforce(structure, { size: employees, today: todayInJakarta() < '2026-11-01' ? todayInJakarta() : '2026-11-01' });
    const rows = people.length;
    // The first `size` rows of the same workforce for the smaller runs (same positions, same rules).
    const sizes = [...new Set([...Array.from({ length: steps - 1 }, (_, i) => Math.round((employees * 2 ** i) / 2 ** (steps - 1))), employees])].filter((n) => n > 0);
    const files = new Map<number, string>();
    for (const size of sizes) {
      const file = size === rows ? path : join(dir, `pegawai-${size}.csv`);
      await writeFile(file, toCsv(people.slice(0, size)));
      files.set(size, file);
    }
    people = null;
    const bytes = (await stat(path)).size;
    log('csv generated', { rows, bytes, sizes, ms: Math.round(performance.now() - t0) });

    const ds = app.get(DataSource);
    const runs: ImportRun[] = [];
    for (const size of sizes) {
      // Every run imports into an empty workforce, so each one creates all of its rows.
      await ds.query('TRUNCATE employee, employee_history, outbox, audit_trail, import_job');
      const run = await importInChild(files.get(size)!, employees, dbName, heapMb);
      if (size !== rows && !process.env.BENCH_KEEP_CSV) await rm(files.get(size)!, { force: true });
      runs.push(run);
      log('import done', { ...run });
    }
    // BENCH_KEEP_CSV=1 keeps the generated files, to run one import again by hand (`--child <file>`).
    if (!process.env.BENCH_KEEP_CSV) await rm(path, { force: true });
    const importResult = runs[runs.length - 1];
    log('peak RSS by rows imported', Object.fromEntries(runs.map((r) => [r.rows, r.peakRssMb])));

    await ds.query('ANALYZE');
    const reporting = app.get(ReportingService);
    const today = todayInJakarta();
    const anyone: { id: string }[] = await ds.query(`SELECT id FROM employee ORDER BY random() LIMIT $1`, [samples]);
    const heads: { id: string }[] = await ds.query(
      `SELECT e.id FROM employee e JOIN org_unit u ON u.head_position_id = e.position_id ORDER BY random() LIMIT $1`,
      [samples],
    );
    // Warm-up: plans and caches, as on a running service.
    for (const { id } of anyone.slice(0, 50)) {
      await reporting.directReports(id, today);
      await reporting.chain(id, today);
    }
    const time = async (ids: { id: string }[], fn: (id: string) => Promise<unknown>) => {
      const out: number[] = [];
      for (const { id } of ids) {
        const s = performance.now();
        await fn(id);
        out.push(performance.now() - s);
      }
      return stats(out);
    };
    const [{ avg_reports }] = await ds.query(
      `SELECT avg(n)::numeric(10,1) AS avg_reports FROM (SELECT count(*) AS n FROM personnel_direct_reports_at((SELECT e.id FROM employee e JOIN org_unit u ON u.head_position_id = e.position_id ORDER BY random() LIMIT 1), $1::date)) x`,
      [today],
    );
    const queries = {
      directReportsOfHeads: await time(heads, (id) => reporting.directReports(id, today)),
      directReportsOfAnyone: await time(anyone, (id) => reporting.directReports(id, today)),
      chainUpOfAnyone: await time(anyone, (id) => reporting.chain(id, today)),
      chainUpAsOfPastDate: await time(anyone.slice(0, Math.min(200, samples)), (id) => reporting.chain(id, '2025-06-30')),
      sampleHeadDirectReports: Number(avg_reports),
    };
    log('reporting queries (service level: SQL + mapping, no HTTP)', queries);
    process.stdout.write('\n' + JSON.stringify({ imports: runs, import: importResult, queries }, null, 2) + '\n');
  } finally {
    await app.close();
  }
}

interface ImportRun {
  rows: number;
  fileMb: number;
  wallSeconds: number;
  jobSeconds: number;
  rowsPerSecond: number;
  summary: unknown;
  hiredEventsInOutbox: number;
  /** RSS of the child once the service's modules are up, before the job. */
  rssBeforeMb: number;
  peakRssMb: number;
  peakHeapUsedMb: number;
  /**
   * CPU seconds (user + system) of the job: this process, and the PostgreSQL backends of the
   * bench database (from /proc). Unlike wall time, these hardly depend on what else the machine runs.
   */
  cpuSeconds: { service: number; postgres: number; total: number };
  /** Statements sent to PostgreSQL during the job (each one a round trip). */
  queries: number;
  /** Phases in ms as the job logged them: plan (read 1), write, events, tracker (and audit). */
  phasesMs: Record<string, number>;
  /** `uptime`'s 1-minute load average at the end of the job. */
  load: number;
}

const mb = (b: number) => Math.round((b / 1024 / 1024) * 10) / 10;

/** Runs one import in a fresh process (this script with `--child`) and returns what it measured. */
function importInChild(path: string, employees: number, dbName: string, heapMb: number): Promise<ImportRun> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, ['--child', path, '--employees', String(employees)], {
      env: { ...process.env, BENCH_DB_NAME: dbName },
      execArgv: [`--max-old-space-size=${heapMb}`],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let result: ImportRun | null = null;
    child.on('message', (m) => (result = m as ImportRun));
    child.on('error', reject);
    child.on('exit', (code) => (result && code === 0 ? resolve(result) : reject(new Error(`import child exited with ${code}`))));
  });
}

/** Clock ticks per second of /proc/<pid>/stat's utime and stime (USER_HZ, 100 on Linux). */
const USER_HZ = 100;

/** The little of node-postgres's client used here (the package ships no types). */
interface PgClient {
  connect(): Promise<void>;
  query<R>(sql: string, params: unknown[]): Promise<{ rows: R[] }>;
  end(): Promise<void>;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Client } = require('pg') as { Client: new (options: Record<string, unknown>) => PgClient };

/**
 * CPU time of the PostgreSQL backends serving the job: their pids from pg_stat_activity (through a
 * connection of its own to the database `postgres`, so it neither counts as the job's statement nor
 * as one of its backends), their user + system ticks from /proc/<pid>/stat. The last figure seen of
 * each backend is kept, as a pooled connection may close before the end.
 */
class BackendCpu {
  private readonly start = new Map<number, number>();
  private readonly last = new Map<number, number>();
  private readonly client: PgClient;

  constructor(private readonly dbName: string, db: { host: string; port: number }) {
    this.client = new Client({ host: db.host, port: db.port, user: 'postgres', database: 'postgres' });
  }

  async begin(): Promise<void> {
    await this.client.connect();
    for (const [pid, t] of await this.read()) this.start.set(pid, t);
  }

  async sample(): Promise<void> {
    for (const [pid, t] of await this.read()) this.last.set(pid, t);
  }

  async end(): Promise<number> {
    await this.sample();
    await this.client.end();
    let ticks = 0;
    for (const [pid, t] of this.last) ticks += t - (this.start.get(pid) ?? 0);
    return ticks / USER_HZ;
  }

  private async read(): Promise<Map<number, number>> {
    const { rows } = await this.client.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = $1 AND backend_type = 'client backend'`, [this.dbName]);
    const out = new Map<number, number>();
    for (const { pid } of rows) {
      const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
      if (stat === null) continue;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(pid, Number(fields[11]) + Number(fields[12]));
    }
    return out;
  }
}

/** Passes everything on, and keeps the timings the import logs (planMs, writeMs, eventsMs, totalMs). */
class TimingLogger extends JsonLogger {
  readonly timings: Record<string, number> = {};
  override log(message: unknown, ...rest: unknown[]): void {
    if (message && typeof message === 'object') {
      for (const [k, v] of Object.entries(message)) if (/Ms$/.test(k) && typeof v === 'number') this.timings[k] = v;
    }
    super.log(message, ...rest);
  }
}

/** The child: the service's modules, one import of `path`, peak memory sampled every 20 ms. */
async function child(path: string): Promise<void> {
  const config = loadPersonnelConfig({ ...process.env, DB_NAME: process.env.BENCH_DB_NAME, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
  const logger = new TimingLogger('personnel-bench', config.service.logLevel);
  const app = await NestFactory.createApplicationContext(
    DemoModule.forRoot(config, { accountDirectory: new InMemoryAccountDirectory(), messaging: { relay: false } }),
    { logger },
  );
  try {
    let queries = 0;
    const query = PostgresQueryRunner.prototype.query;
    PostgresQueryRunner.prototype.query = function (this: PostgresQueryRunner, ...args: Parameters<typeof query>) {
      queries++;
      return query.apply(this, args);
    } as typeof query;
    const backends = new BackendCpu(config.service.database.database, config.service.database);
    await backends.begin();
    const backendSampler = setInterval(() => void backends.sample().catch(() => undefined), 500);
    const cpu0 = process.cpuUsage();
    const baseline = process.memoryUsage();
    let peakRss = baseline.rss;
    let peakHeap = baseline.heapUsed;
    // RSS is cheap to read; the heap's figures walk its spaces, so they are read less often.
    let ticks = 0;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage.rss());
      if (ticks++ % 10 === 0) peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    }, 20);
    const t0 = performance.now();
    const job = await app.get(RunImport).importFile(path, 'csv', SYSTEM_ACTOR, { fileName: 'bench.csv' });
    const importMs = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const jobQueries = queries;
    clearInterval(sampler);
    clearInterval(backendSampler);
    const postgresSeconds = await backends.end();
    if (job.status !== 'BERHASIL') throw new Error(`import ${job.id} ended ${job.status}: ${job.failure ?? JSON.stringify(job.errors.slice(0, 5))}`);
    const ds = app.get(DataSource);
    const [timing] = await ds.query(`SELECT EXTRACT(EPOCH FROM (finished_at - started_at)) * 1000 AS job_ms FROM import_job WHERE id = $1`, [job.id]);
    const [{ events }] = await ds.query(`SELECT count(*)::int AS events FROM outbox WHERE type = 'capaian.personnel.employee.hired.v1'`);
    const rows = job.summary?.created ?? 0;
    const run: ImportRun = {
      rows,
      fileMb: mb(Number(job.fileBytes ?? (await stat(path)).size)),
      wallSeconds: Math.round(importMs / 100) / 10,
      jobSeconds: Math.round(Number(timing.job_ms) / 100) / 10,
      rowsPerSecond: Math.round(rows / (importMs / 1000)),
      summary: job.summary,
      hiredEventsInOutbox: events,
      rssBeforeMb: mb(baseline.rss),
      peakRssMb: mb(peakRss),
      peakHeapUsedMb: mb(peakHeap),
      cpuSeconds: {
        service: Math.round((cpu.user + cpu.system) / 1e4) / 100,
        postgres: Math.round(postgresSeconds * 100) / 100,
        total: Math.round(((cpu.user + cpu.system) / 1e6 + postgresSeconds) * 100) / 100,
      },
      queries: jobQueries,
      phasesMs: phasesOf(logger.timings),
      load: Number((await readFile('/proc/loadavg', 'utf8')).split(' ')[0]),
    };
    // Run by hand (`--child <file>`, e.g. under --cpu-prof) it prints what the parent would receive.
    if (process.send) process.send(run);
    else process.stdout.write(JSON.stringify(run) + '\n');
  } finally {
    await app.close();
  }
}

/** The import's own timings as phases: plan (read 1), write, events, tracker (with the audit entry). */
function phasesOf(t: Record<string, number>): Record<string, number> {
  const { planMs = 0, writeMs = 0, eventsMs = 0, totalMs = 0 } = t;
  return { plan: planMs, write: writeMs, events: eventsMs, tracker: totalMs - writeMs - eventsMs, ...(t.analyzeMs !== undefined ? { analyze: t.analyzeMs } : {}) };
}

const childAt = process.argv.indexOf('--child');
(childAt >= 0 ? child(process.argv[childAt + 1]) : main()).catch((e) => {
  process.stderr.write(`personnel benchmark failed: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
