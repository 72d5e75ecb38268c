import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { durationMs, type Clock, type Duration } from '@capaian/kinerja';
import type { DataSource, EntityManager } from 'typeorm';
import { describeSchedule, slotAt, type Schedule, type Slot } from './schedule';

export interface JobContext {
  readonly job: string;
  readonly slot: Slot;
  /** 1 for the first attempt of this slot, 2 after one failure or takeover, … */
  readonly attempt: number;
  /** The clock's time when the run was claimed; read `clock` for later instants. */
  readonly now: Date;
  readonly clock: Clock;
  /**
   * The transaction in which the run is marked succeeded. Database effects written through it
   * (state changes, outbox events) commit together with "this slot is done", so a slot's effects
   * happen exactly once even if the replica dies mid-run or its lease is taken over.
   */
  readonly manager: EntityManager;
}

export interface JobDefinition {
  /** Unique within the service; also the key of its rows in `scheduled_job_run`. */
  readonly name: string;
  readonly schedule: Schedule;
  readonly run: (context: JobContext) => Promise<void>;
  /**
   * How late a slot may still start (default: until the next slot starts). A daily 07:00 reminder
   * with a window of 3 hours is skipped, not sent at 15:00, if every replica was down all morning.
   */
  readonly catchUpWindow?: Duration | number;
  /** How long a claimed run may take before another replica may assume it died (default 15 min). */
  readonly lease?: Duration | number;
  /** Attempts per slot before giving up until the next slot (default 3). */
  readonly maxAttempts?: number;
}

export type TickOutcome =
  /** This replica ran the job and it succeeded. */
  | 'succeeded'
  /** This replica ran the job and it threw; retried on a later tick while attempts remain. */
  | 'failed'
  /** Another replica holds the slot, or it is already settled. */
  | 'not-claimed'
  /** The slot started longer ago than the catch-up window: recorded as skipped, not run. */
  | 'skipped';

export interface TickResult {
  readonly job: string;
  readonly slot: string;
  readonly outcome: TickOutcome;
  readonly error?: string;
}

export interface SchedulerOptions {
  /** Name of this replica in `scheduled_job_run.claimed_by` (default host, pid and a random suffix). */
  readonly instanceId?: string;
  /** How often `start()` ticks, in real milliseconds (default 30 s). Tests call `tick()` instead. */
  readonly pollIntervalMs?: number;
  readonly logger?: SchedulerLogger;
}

export interface SchedulerLogger {
  log(message: Record<string, unknown>): void;
  error(message: Record<string, unknown>): void;
}

const DEFAULT_LEASE_MS = 15 * 60_000;
const DEFAULT_MAX_ATTEMPTS = 3;

/**
 * Is a slot still worth running at `now`? Only the current slot is ever considered (a slot missed
 * while every replica was down runs once on start-up if still inside its catch-up window; older
 * missed slots are not replayed — jobs are written to catch up on their own data, e.g. "remind
 * everyone whose deadline has passed and who was not reminded", rather than per slot).
 */
export function withinCatchUpWindow(slot: Slot, now: Date, catchUpWindow?: Duration | number): boolean {
  const windowMs = catchUpWindow === undefined ? slot.end.getTime() - slot.start.getTime() : durationMs(catchUpWindow);
  return now.getTime() - slot.start.getTime() < windowMs;
}

/**
 * Runs named jobs once per schedule slot across every replica of a service that shares one
 * database. Each tick reads the clock, finds each job's current slot and tries to claim its row
 * in `scheduled_job_run` with one atomic statement: exactly one replica wins a new slot, a failed
 * run is retried by whichever replica ticks next, and a run whose lease expired (its replica died)
 * may be taken over. The run's effects and the row's `succeeded` commit in one transaction, which
 * also refuses to commit if the run was taken over meanwhile.
 */
export class Scheduler {
  readonly instanceId: string;
  private readonly jobs = new Map<string, JobDefinition>();
  /** Slots known to be settled (succeeded or skipped), so a tick does not ask the database again. */
  private readonly settled = new Map<string, string>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<TickResult[]> | null = null;
  private stopped = true;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly options: SchedulerOptions = {},
  ) {
    this.instanceId = options.instanceId ?? `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
  }

  register(job: JobDefinition): void {
    if (!/^[a-z0-9][a-z0-9._-]{0,99}$/.test(job.name)) throw new Error(`job name must be 1–100 chars of a-z 0-9 . _ -: ${job.name}`);
    if (this.jobs.has(job.name)) throw new Error(`job ${job.name} is already registered`);
    if (job.maxAttempts !== undefined && (!Number.isInteger(job.maxAttempts) || job.maxAttempts < 1)) throw new Error(`maxAttempts of ${job.name} must be ≥ 1`);
    this.jobs.set(job.name, job);
  }

  registeredJobs(): { name: string; schedule: string }[] {
    return [...this.jobs.values()].map((j) => ({ name: j.name, schedule: describeSchedule(j.schedule) }));
  }

  /** Ticks now (catching up a missed slot on start-up), then every poll interval until `stop()`. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    const loop = async () => {
      await this.tick().catch((error) => this.options.logger?.error({ msg: 'scheduler tick failed', error: String(error) }));
      if (!this.stopped) {
        this.timer = setTimeout(loop, this.options.pollIntervalMs ?? 30_000);
        // The HTTP server keeps a service alive; a pending tick alone must not.
        this.timer.unref();
      }
    };
    void loop();
  }

  /** Stops ticking and waits for a run in progress to finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  /** One pass over every job; ticks of one instance never overlap. */
  async tick(): Promise<TickResult[]> {
    while (this.running) await this.running.catch(() => undefined);
    const pass = this.tickOnce();
    this.running = pass;
    try {
      return await pass;
    } finally {
      this.running = null;
    }
  }

  private async tickOnce(): Promise<TickResult[]> {
    const results: TickResult[] = [];
    for (const job of this.jobs.values()) {
      const now = this.clock.now();
      const slot = slotAt(job.schedule, now);
      if (this.settled.get(job.name) === slot.key) {
        results.push({ job: job.name, slot: slot.key, outcome: 'not-claimed' });
        continue;
      }
      results.push(await this.runSlot(job, slot, now));
    }
    return results;
  }

  private async runSlot(job: JobDefinition, slot: Slot, now: Date): Promise<TickResult> {
    if (!withinCatchUpWindow(slot, now, job.catchUpWindow)) {
      await this.dataSource.query(
        `INSERT INTO scheduled_job_run (job, slot, slot_start, status, finished_at) VALUES ($1, $2, $3, 'skipped', $4) ON CONFLICT (job, slot) DO NOTHING`,
        [job.name, slot.key, slot.start, now],
      );
      this.settled.set(job.name, slot.key);
      return { job: job.name, slot: slot.key, outcome: 'skipped' };
    }

    const attempt = await this.claim(job, slot, now);
    if (attempt === null) {
      const [row] = (await this.dataSource.query(`SELECT status FROM scheduled_job_run WHERE job = $1 AND slot = $2`, [job.name, slot.key])) as { status: string }[];
      if (row?.status === 'succeeded' || row?.status === 'skipped') this.settled.set(job.name, slot.key);
      return { job: job.name, slot: slot.key, outcome: 'not-claimed' };
    }

    try {
      await this.dataSource.transaction(async (manager) => {
        await job.run({ job: job.name, slot, attempt, now, clock: this.clock, manager });
        const settled = (await manager.query(
          `UPDATE scheduled_job_run SET status = 'succeeded', finished_at = $5, lease_until = NULL, error = NULL
            WHERE job = $1 AND slot = $2 AND claimed_by = $3 AND attempts = $4 AND status = 'running' RETURNING 1`,
          [job.name, slot.key, this.instanceId, attempt, this.clock.now()],
        )) as [unknown[], number] | unknown[];
        if (affectedRows(settled) !== 1) throw new RunTakenOverError(job.name, slot.key);
      });
      this.settled.set(job.name, slot.key);
      this.options.logger?.log({ msg: 'scheduled job succeeded', job: job.name, slot: slot.key, attempt, instance: this.instanceId });
      return { job: job.name, slot: slot.key, outcome: 'succeeded' };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (!(error instanceof RunTakenOverError)) {
        await this.dataSource.query(
          `UPDATE scheduled_job_run SET status = 'failed', finished_at = $5, lease_until = NULL, error = $6
            WHERE job = $1 AND slot = $2 AND claimed_by = $3 AND attempts = $4 AND status = 'running'`,
          [job.name, slot.key, this.instanceId, attempt, this.clock.now(), message.slice(0, 2000)],
        );
      }
      this.options.logger?.error({ msg: 'scheduled job failed', job: job.name, slot: slot.key, attempt, instance: this.instanceId, error: message });
      return { job: job.name, slot: slot.key, outcome: 'failed', error: message };
    }
  }

  /**
   * One statement, so two replicas cannot both win: a new slot is inserted; an existing row is
   * re-claimed only if it failed with attempts left, or if its lease has expired. PostgreSQL locks
   * the conflicting row and re-checks the condition after a concurrent claim commits.
   */
  private async claim(job: JobDefinition, slot: Slot, now: Date): Promise<number | null> {
    const leaseUntil = new Date(now.getTime() + (job.lease === undefined ? DEFAULT_LEASE_MS : durationMs(job.lease)));
    const rows = (await this.dataSource.query(
      `INSERT INTO scheduled_job_run AS r (job, slot, slot_start, status, attempts, claimed_by, claimed_at, lease_until)
       VALUES ($1, $2, $3, 'running', 1, $4, $5, $6)
       ON CONFLICT (job, slot) DO UPDATE
         SET status = 'running', attempts = r.attempts + 1, claimed_by = EXCLUDED.claimed_by,
             claimed_at = EXCLUDED.claimed_at, lease_until = EXCLUDED.lease_until, finished_at = NULL
       WHERE (r.status = 'failed' AND r.attempts < $7) OR (r.status = 'running' AND r.lease_until <= $5 AND r.attempts < $7)
       RETURNING r.attempts`,
      [job.name, slot.key, slot.start, this.instanceId, now, leaseUntil, job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS],
    )) as { attempts: number }[];
    return rows.length === 1 ? Number(rows[0].attempts) : null;
  }
}

class RunTakenOverError extends Error {
  constructor(job: string, slot: string) {
    super(`run of ${job} for slot ${slot} was taken over by another replica; its effects were rolled back`);
    this.name = 'RunTakenOverError';
  }
}

/** TypeORM returns `[rows, count]` for UPDATE … RETURNING on PostgreSQL. */
function affectedRows(result: unknown): number {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[1];
  return Array.isArray(result) ? result.length : 0;
}
