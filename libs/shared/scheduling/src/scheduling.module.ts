import { type BeforeApplicationShutdown, type DynamicModule, Global, Inject, Injectable, Logger, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { Clock, SystemClock } from '@capaian/kinerja';
import { DataSource } from 'typeorm';
import { Scheduler } from './scheduler';

/**
 * Provides the `Clock` (the system clock; tests override the provider with a `TestClock`).
 * Every use case and job that needs "now" or "today" injects `Clock` instead of calling `new Date()`.
 */
@Global()
@Module({
  providers: [{ provide: Clock, useClass: SystemClock }],
  exports: [Clock],
})
export class ClockModule {}

export interface SchedulingModuleOptions {
  /** Off in tests that do not exercise jobs, or in a replica meant only for HTTP (default on; env `SCHEDULER_ENABLED=false`). */
  readonly enabled?: boolean;
  /** Real milliseconds between ticks (default 30 s; env `SCHEDULER_POLL_MS`). */
  readonly pollIntervalMs?: number;
  readonly instanceId?: string;
}

/** Reads `SCHEDULER_ENABLED` and `SCHEDULER_POLL_MS`; explicit options win. */
export function schedulingOptionsFromEnv(env: NodeJS.ProcessEnv = process.env, explicit: SchedulingModuleOptions = {}): Required<Omit<SchedulingModuleOptions, 'instanceId'>> & SchedulingModuleOptions {
  const poll = env.SCHEDULER_POLL_MS === undefined ? 30_000 : Number(env.SCHEDULER_POLL_MS);
  if (!Number.isInteger(poll) || poll < 100) throw new Error(`SCHEDULER_POLL_MS must be a whole number ≥ 100, got ${env.SCHEDULER_POLL_MS}`);
  const enabledRaw = (env.SCHEDULER_ENABLED ?? 'true').toLowerCase();
  if (!['true', 'false', '1', '0'].includes(enabledRaw)) throw new Error(`SCHEDULER_ENABLED must be true or false, got ${env.SCHEDULER_ENABLED}`);
  return { enabled: enabledRaw === 'true' || enabledRaw === '1', pollIntervalMs: poll, ...explicit };
}

const OPTIONS = Symbol('SCHEDULING_OPTIONS');

/** Starts ticking once every module has registered its jobs, and stops before the database closes. */
@Injectable()
class SchedulerLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    private readonly scheduler: Scheduler,
    @Inject(OPTIONS) private readonly options: SchedulingModuleOptions,
  ) {}

  onApplicationBootstrap(): void {
    const logger = new Logger('Scheduler');
    if (this.options.enabled === false) {
      logger.log({ msg: 'scheduler disabled', jobs: this.scheduler.registeredJobs() });
      return;
    }
    logger.log({ msg: 'scheduler started', instance: this.scheduler.instanceId, jobs: this.scheduler.registeredJobs() });
    this.scheduler.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.scheduler.stop();
  }
}

/**
 * The scheduler of one service, on the service's own database (list `schedulingMigrations` in its
 * `data-source.ts`). Feature modules inject `Scheduler` and call `register({ name, schedule, run })`
 * in `onModuleInit`; ticking starts at application bootstrap, so every job is registered by then.
 */
@Module({})
export class SchedulingModule {
  static forRoot(options: SchedulingModuleOptions = {}): DynamicModule {
    return {
      module: SchedulingModule,
      global: true,
      imports: [ClockModule],
      providers: [
        { provide: OPTIONS, useFactory: () => schedulingOptionsFromEnv(process.env, options) },
        {
          provide: Scheduler,
          inject: [DataSource, Clock, OPTIONS],
          useFactory: (dataSource: DataSource, clock: Clock, resolved: SchedulingModuleOptions) => {
            const logger = new Logger('Scheduler');
            return new Scheduler(dataSource, clock, {
              instanceId: resolved.instanceId,
              pollIntervalMs: resolved.pollIntervalMs,
              logger: { log: (m) => logger.log(m), error: (m) => logger.error(m) },
            });
          },
        },
        SchedulerLifecycle,
      ],
      exports: [Scheduler],
    };
  }
}
