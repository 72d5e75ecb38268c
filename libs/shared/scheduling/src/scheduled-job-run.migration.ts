import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row per job and slot: the primary key is what makes a job run once per slot however many
 * replicas race for it. The row is claimed before the job runs and settled (succeeded) in the job's
 * own transaction; `lease_until` lets another replica take over a run whose replica died.
 */
export class CreateScheduledJobRuns1764800000000 implements MigrationInterface {
  name = 'CreateScheduledJobRuns1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE scheduled_job_run (
      job text NOT NULL CHECK (length(job) BETWEEN 1 AND 100),
      slot text NOT NULL,
      slot_start timestamptz NOT NULL,
      status text NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'skipped')),
      attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
      claimed_by text,
      claimed_at timestamptz,
      lease_until timestamptz,
      finished_at timestamptz,
      error text,
      PRIMARY KEY (job, slot)
    )`);
    await q.query(`CREATE INDEX scheduled_job_run_job_start_idx ON scheduled_job_run (job, slot_start DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS scheduled_job_run`);
  }
}

/** Listed in a service's `data-source.ts` migrations when it uses the scheduler. */
export const schedulingMigrations = [CreateScheduledJobRuns1764800000000];
