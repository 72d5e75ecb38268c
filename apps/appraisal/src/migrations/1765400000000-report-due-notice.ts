import type { MigrationInterface, QueryRunner } from 'typeorm';

/** When a period's report was announced as due (`report-due` event): the daily job announces each period once. */
export class ReportDueNotice1765400000000 implements MigrationInterface {
  name = 'ReportDueNotice1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE periodic_report ADD COLUMN due_noticed_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE periodic_report DROP COLUMN due_noticed_at`);
  }
}
