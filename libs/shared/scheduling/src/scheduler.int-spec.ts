import { randomUUID } from 'node:crypto';
import { dataSourceOptions, runMigrations } from '@capaian/shared/persistence';
import { TestClock } from '@capaian/kinerja';
import { DataSource } from 'typeorm';
import { dailyAt, every, yearlyOn } from './schedule';
import { schedulingMigrations } from './scheduled-job-run.migration';
import { Scheduler, type JobDefinition, type TickResult } from './scheduler';

/**
 * Two "replicas" of a service (two schedulers, each with its own connection pool) on one real
 * PostgreSQL database, driven by one test clock: every job runs exactly once per slot. The
 * scheduler's own database, `capaian_scheduling_test`, is created on first use.
 */
const DATABASE = 'capaian_scheduling_test';
const db = {
  host: process.env.DB_HOST ?? '127.0.0.1',
  port: Number(process.env.DB_PORT ?? 5432),
  database: DATABASE,
  username: process.env.PGUSER ?? 'postgres',
  password: process.env.PGPASSWORD ?? 'postgres',
  poolSize: 5,
};

async function prepareDatabase(): Promise<void> {
  const admin = await new DataSource({ type: 'postgres', host: db.host, port: db.port, username: db.username, password: db.password, database: 'postgres', extra: { max: 1 } }).initialize();
  try {
    // Serialises parallel Jest workers creating the same database.
    await admin.query('SELECT pg_advisory_lock(hashtext($1))', [DATABASE]);
    const exists: unknown[] = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (exists.length === 0) await admin.query(`CREATE DATABASE ${DATABASE}`);
    await runMigrations(dataSourceOptions(db, [], schedulingMigrations));
  } finally {
    await admin.query('SELECT pg_advisory_unlock(hashtext($1))', [DATABASE]).catch(() => undefined);
    await admin.destroy();
  }
}

describe('scheduler on PostgreSQL: once per slot across replicas', () => {
  const replicaPools: DataSource[] = [];
  let probe: DataSource;
  const run = randomUUID().slice(0, 8);
  const name = (base: string) => `${base}-${run}`;

  const pool = async () => {
    const ds = await new DataSource(dataSourceOptions(db, [], [])).initialize();
    replicaPools.push(ds);
    return ds;
  };

  /** A job whose effect is a row in the same transaction that settles the slot; no unique key, so a double run shows. */
  const effectJob = (jobName: string, schedule: JobDefinition['schedule'], extra: Partial<JobDefinition> = {}): JobDefinition => ({
    name: jobName,
    schedule,
    run: async ({ manager, slot, job }) => {
      await manager.query(`INSERT INTO scheduling_test_effect (job, slot) VALUES ($1, $2)`, [job, slot.key]);
    },
    ...extra,
  });

  const effects = async (jobName: string) =>
    ((await probe.query(`SELECT slot, count(*)::int AS n FROM scheduling_test_effect WHERE job = $1 GROUP BY slot ORDER BY slot`, [jobName])) as { slot: string; n: number }[]).map(
      (r) => `${r.slot}×${r.n}`,
    );
  const runRow = async (jobName: string, slot: string) => {
    const [row] = await probe.query(`SELECT status, attempts, claimed_by, error FROM scheduled_job_run WHERE job = $1 AND slot = $2`, [jobName, slot]);
    return row as { status: string; attempts: number; claimed_by: string | null; error: string | null } | undefined;
  };
  /** Both replicas tick at the same moment, twice each, as busy replicas would. */
  const tickAll = async (...schedulers: Scheduler[]): Promise<TickResult[]> =>
    (await Promise.all([...schedulers, ...schedulers].map((s) => s.tick()))).flat();

  beforeAll(async () => {
    await prepareDatabase();
    probe = await new DataSource(dataSourceOptions(db, [], [])).initialize();
    await probe.query(`CREATE TABLE IF NOT EXISTS scheduling_test_effect (id bigserial PRIMARY KEY, job text NOT NULL, slot text NOT NULL)`);
  }, 60_000);

  afterAll(async () => {
    for (const ds of replicaPools) await ds.destroy().catch(() => undefined);
    await probe?.destroy();
  });

  it('runs a daily job once per day while the clock moves, however the two replicas race', async () => {
    const clock = new TestClock('2026-12-28T23:00:00Z'); // 06:00 WIB on 29 December
    const job = name('daily-reminder');
    const [a, b] = [new Scheduler(await pool(), clock, { instanceId: 'replica-a' }), new Scheduler(await pool(), clock, { instanceId: 'replica-b' })];
    a.register(effectJob(job, dailyAt('07:00')));
    b.register(effectJob(job, dailyAt('07:00')));

    // The first tick is in the slot of 28 December (07:00 WIB on the 28th until 07:00 on the 29th).
    for (let step = 0; step < 5 * 24; step += 1) {
      await tickAll(a, b);
      clock.advance({ hours: 1 });
    }
    expect(await effects(job)).toEqual(['2026-12-28×1', '2026-12-29×1', '2026-12-30×1', '2026-12-31×1', '2027-01-01×1', '2027-01-02×1']);
    expect((await runRow(job, '2027-01-01'))?.status).toBe('succeeded');
  });

  it('runs an interval job once per slot with the clock moving in uneven steps', async () => {
    const clock = new TestClock('2026-06-01T00:00:00Z');
    const job = name('every-ten-minutes');
    const [a, b] = [new Scheduler(await pool(), clock), new Scheduler(await pool(), clock)];
    a.register(effectJob(job, every({ minutes: 10 })));
    b.register(effectJob(job, every({ minutes: 10 })));
    const outcomes: TickResult[] = [];
    for (let step = 0; step < 20; step += 1) {
      outcomes.push(...(await tickAll(a, b)));
      clock.advance({ minutes: 3 });
    }
    // 0…57 minutes: slots :00 :10 :20 :30 :40 :50.
    expect(await effects(job)).toHaveLength(6);
    expect((await effects(job)).every((e) => e.endsWith('×1'))).toBe(true);
    expect(outcomes.filter((o) => o.outcome === 'succeeded')).toHaveLength(6);
  });

  it('survives a restart: the slot missed while every replica was down runs once on start-up, older ones are not replayed', async () => {
    const clock = new TestClock('2027-03-01T00:30:00Z'); // 07:30 WIB
    const job = name('after-restart');
    const first = new Scheduler(await pool(), clock);
    first.register(effectJob(job, dailyAt('07:00')));
    await first.tick();
    await first.stop();

    // Down for three days; back at 10:00 WIB on 4 March.
    clock.set('2027-03-04T03:00:00Z');
    const [a, b] = [new Scheduler(await pool(), clock), new Scheduler(await pool(), clock)];
    a.register(effectJob(job, dailyAt('07:00')));
    b.register(effectJob(job, dailyAt('07:00')));
    await tickAll(a, b);
    await tickAll(a, b);
    expect(await effects(job)).toEqual(['2027-03-01×1', '2027-03-04×1']);
  });

  it('skips, and records, a slot that is past its catch-up window', async () => {
    const clock = new TestClock('2027-04-01T05:00:00Z'); // 12:00 WIB, five hours after the 07:00 slot
    const job = name('morning-only');
    const a = new Scheduler(await pool(), clock);
    a.register(effectJob(job, dailyAt('07:00'), { catchUpWindow: { hours: 3 } }));
    expect((await a.tick())[0]).toMatchObject({ outcome: 'skipped', slot: '2027-04-01' });
    expect(await effects(job)).toEqual([]);
    expect((await runRow(job, '2027-04-01'))?.status).toBe('skipped');
    clock.set('2027-04-02T00:10:00Z'); // 07:10 WIB next day
    expect((await a.tick())[0]).toMatchObject({ outcome: 'succeeded', slot: '2027-04-02' });
  });

  it('retries a failed run on a later tick, on any replica, and keeps nothing of the failed attempt', async () => {
    const clock = new TestClock('2027-12-31T13:30:00Z'); // 20:30 WIB on 31 December
    const job = name('year-end');
    let failuresLeft = 1;
    const flaky = (base: JobDefinition): JobDefinition => ({
      ...base,
      run: async (ctx) => {
        await base.run(ctx); // its effect is written, then rolled back by the failure
        if (failuresLeft-- > 0) throw new Error('ledger not reachable');
      },
    });
    const [a, b] = [new Scheduler(await pool(), clock, { instanceId: 'replica-a' }), new Scheduler(await pool(), clock, { instanceId: 'replica-b' })];
    a.register(flaky(effectJob(job, yearlyOn('12-31', '20:00'))));
    b.register(flaky(effectJob(job, yearlyOn('12-31', '20:00'))));

    // One replica after the other: ticking both at once, the second sometimes started after the first had
    // already recorded its failure, and (rightly) retried at once — the outcome depended on the race.
    expect((await a.tick()).map((r) => r.outcome)).toEqual(['failed']);
    expect(await runRow(job, '2027')).toMatchObject({ status: 'failed', attempts: 1, error: 'ledger not reachable' });
    expect(await effects(job)).toEqual([]);

    expect((await b.tick()).map((r) => r.outcome)).toEqual(['succeeded']);
    expect(await runRow(job, '2027')).toMatchObject({ status: 'succeeded', attempts: 2, error: null });
    expect(await effects(job)).toEqual(['2027×1']);
    await tickAll(a, b);
    expect(await effects(job)).toEqual(['2027×1']);
  });

  it('gives up after the last attempt until the next slot', async () => {
    const clock = new TestClock('2027-05-01T00:00:00Z');
    const job = name('always-fails');
    const a = new Scheduler(await pool(), clock);
    a.register({ name: job, schedule: every({ hours: 1 }), maxAttempts: 2, run: async () => Promise.reject(new Error('boom')) });
    expect((await a.tick())[0].outcome).toBe('failed');
    expect((await a.tick())[0].outcome).toBe('failed');
    expect((await a.tick())[0].outcome).toBe('not-claimed');
    expect(await runRow(job, '2027-05-01T00:00:00.000Z')).toMatchObject({ status: 'failed', attempts: 2 });
  });

  it('lets a replica take over a run whose lease expired, and rolls back the stale run', async () => {
    const clock = new TestClock('2027-06-01T00:00:00Z');
    const job = name('takeover');
    let release: () => void = () => undefined;
    const hung = new Promise<void>((resolve) => (release = resolve));
    let started: () => void = () => undefined;
    const hasStarted = new Promise<void>((resolve) => (started = resolve));
    const base = effectJob(job, every({ hours: 1 }), { lease: { minutes: 5 } });
    const a = new Scheduler(await pool(), clock, { instanceId: 'replica-a' });
    const b = new Scheduler(await pool(), clock, { instanceId: 'replica-b' });
    // Replica A writes its effect, then hangs (a stuck run, or a replica about to die).
    a.register({ ...base, run: async (ctx) => { await base.run(ctx); started(); await hung; } });
    b.register(base);

    const stuck = a.tick();
    await hasStarted;
    expect((await b.tick())[0].outcome).toBe('not-claimed'); // the lease still holds
    clock.advance({ minutes: 6 });
    expect((await b.tick())[0].outcome).toBe('succeeded');
    release();
    expect((await stuck)[0]).toMatchObject({ outcome: 'failed' });
    expect((await stuck)[0].error).toMatch(/taken over/);
    expect(await effects(job)).toEqual(['2027-06-01T00:00:00.000Z×1']);
    expect(await runRow(job, '2027-06-01T00:00:00.000Z')).toMatchObject({ status: 'succeeded', attempts: 2, claimed_by: 'replica-b' });
  });

  it('refuses bad job definitions', async () => {
    const a = new Scheduler(await pool(), new TestClock());
    expect(() => a.register({ name: 'Bad Name', schedule: every({ minutes: 1 }), run: async () => undefined })).toThrow(/job name/);
    a.register({ name: 'twice', schedule: every({ minutes: 1 }), run: async () => undefined });
    expect(() => a.register({ name: 'twice', schedule: every({ minutes: 1 }), run: async () => undefined })).toThrow(/already registered/);
    expect(() => a.register({ name: 'zero', schedule: every({ minutes: 1 }), maxAttempts: 0, run: async () => undefined })).toThrow(/maxAttempts/);
  });
});
