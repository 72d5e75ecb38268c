import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who was told that planning (`planning-due`, per employee and year) or a rating (`rating-due`, per
 * SKP) is due: the daily jobs announce each once. The partial index keeps the rating job's daily
 * query to the set or closed SKPs not yet announced, by year and last day.
 */
export class PlanningAndRatingDueNotice1765700000000 implements MigrationInterface {
  name = 'PlanningAndRatingDueNotice1765700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE skp_planning_notice (
      nip text NOT NULL,
      year integer NOT NULL,
      employee_id uuid NOT NULL,
      noticed_at timestamptz NOT NULL,
      PRIMARY KEY (nip, year)
    )`);
    await q.query(`ALTER TABLE skp ADD COLUMN rating_due_noticed_at timestamptz`);
    await q.query(`CREATE INDEX skp_rating_due_idx ON skp (year, end_date) WHERE rating_due_noticed_at IS NULL AND status IN ('DITETAPKAN', 'DITUTUP')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS skp_rating_due_idx`);
    await q.query(`ALTER TABLE skp DROP COLUMN IF EXISTS rating_due_noticed_at`);
    await q.query(`DROP TABLE IF EXISTS skp_planning_notice`);
  }
}
