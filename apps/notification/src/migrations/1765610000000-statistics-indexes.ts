import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The statistics (`GET /statistik?dari=&sampai=`) count notices, deliveries and dispatch issues of a
 * period: with these indexes that is a range of the period's rows instead of a scan of every row
 * ever written (issue 12, "reads that scale"). The inbox itself is read per recipient, newest first,
 * by notification_recipient_idx.
 */
export class StatisticsIndexes1765610000000 implements MigrationInterface {
  name = 'StatisticsIndexes1765610000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX notification_created_idx ON notification (created_at)`);
    await q.query(`CREATE INDEX delivery_created_idx ON delivery (created_at)`);
    await q.query(`CREATE INDEX dispatch_issue_created_idx ON dispatch_issue (created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS dispatch_issue_created_idx`);
    await q.query(`DROP INDEX IF EXISTS delivery_created_idx`);
    await q.query(`DROP INDEX IF EXISTS notification_created_idx`);
  }
}
