import { randomUUID } from 'node:crypto';
import { Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Clock, TestClock } from '@capaian/kinerja';
import { dataSourceOptions, runMigrations } from '@capaian/shared/persistence';
import { eventually } from '@capaian/shared/testing';
import { DataSource } from 'typeorm';
import { dailyAt } from './schedule';
import { schedulingMigrations } from './scheduled-job-run.migration';
import { Scheduler } from './scheduler';
import { SchedulingModule } from './scheduling.module';

/**
 * The Nest wiring on the real PostgreSQL (`capaian_scheduling_module_test`): a feature module
 * registers its job in `onModuleInit`, the use case reads the injected clock, and at application
 * bootstrap the scheduler catches up the slot that is due — once, even with two applications
 * ("replicas") started on the same database.
 */
const DATABASE = 'capaian_scheduling_module_test';
const db = {
  host: process.env.DB_HOST ?? '127.0.0.1',
  port: Number(process.env.DB_PORT ?? 5432),
  database: DATABASE,
  username: process.env.PGUSER ?? 'postgres',
  password: process.env.PGPASSWORD ?? 'postgres',
  poolSize: 5,
};
const JOB = `year-end-${randomUUID().slice(0, 8)}`;

@Injectable()
class CloseLedger implements OnModuleInit {
  constructor(
    private readonly scheduler: Scheduler,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.scheduler.register({
      name: JOB,
      schedule: dailyAt('20:00'),
      run: async ({ manager, slot }) => {
        await manager.query(`INSERT INTO scheduling_module_test_effect (job, slot, today) VALUES ($1, $2, $3)`, [JOB, slot.key, this.clock.today()]);
      },
    });
  }
}

@Module({ providers: [CloseLedger] })
class LedgerModule {}

async function prepareDatabase(): Promise<void> {
  const admin = await new DataSource({ type: 'postgres', host: db.host, port: db.port, username: db.username, password: db.password, database: 'postgres', extra: { max: 1 } }).initialize();
  try {
    await admin.query('SELECT pg_advisory_lock(hashtext($1))', [DATABASE]);
    const exists: unknown[] = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (exists.length === 0) await admin.query(`CREATE DATABASE ${DATABASE}`);
    await runMigrations(dataSourceOptions(db, [], schedulingMigrations));
  } finally {
    await admin.query('SELECT pg_advisory_unlock(hashtext($1))', [DATABASE]).catch(() => undefined);
    await admin.destroy();
  }
}

async function startReplica(clock: TestClock) {
  const moduleRef = await Test.createTestingModule({
    imports: [TypeOrmModule.forRoot(dataSourceOptions(db, [], [])), SchedulingModule.forRoot({ pollIntervalMs: 600_000 }), LedgerModule],
  })
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  // No HTTP server: the application context alone runs the lifecycle hooks (register, bootstrap, shutdown).
  moduleRef.useLogger(false);
  await moduleRef.init();
  return moduleRef;
}

describe('SchedulingModule (Nest, real PostgreSQL)', () => {
  let probe: DataSource;

  beforeAll(async () => {
    await prepareDatabase();
    probe = await new DataSource(dataSourceOptions(db, [], [])).initialize();
    await probe.query(`CREATE TABLE IF NOT EXISTS scheduling_module_test_effect (id bigserial PRIMARY KEY, job text NOT NULL, slot text NOT NULL, today text NOT NULL)`);
  }, 60_000);

  afterAll(async () => {
    await probe?.destroy();
  });

  it('runs the due slot once at start-up across two replicas, reading the injected clock', async () => {
    // 22:30 WIB on 31 December: the 20:00 slot of that day is due and has not run.
    const clock = new TestClock('2026-12-31T15:30:00Z');
    const [a, b] = await Promise.all([startReplica(clock), startReplica(clock)]);
    try {
      expect(a.get(Scheduler).registeredJobs()).toEqual([{ name: JOB, schedule: 'daily 20:00 WIB' }]);
      // The bootstrap ticks run in the background; wait until both replicas have settled the slot.
      await eventually(async () => {
        const [row] = await probe.query(`SELECT status FROM scheduled_job_run WHERE job = $1 AND slot = '2026-12-31'`, [JOB]);
        return row?.status === 'succeeded';
      });
      await Promise.all([a.get(Scheduler).tick(), b.get(Scheduler).tick()]);
      const effects = await probe.query(`SELECT slot, today FROM scheduling_module_test_effect WHERE job = $1`, [JOB]);
      expect(effects).toEqual([{ slot: '2026-12-31', today: '2026-12-31' }]);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
