import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `GET /inbox` pages a person's notices newest first (`created_at DESC, id DESC`), all of them or
 * the unread ones (`belumDibaca=true`). The old indexes held the recipient with the time, or the
 * recipient alone for the unread ones: a page of a person with thousands of notices (a BKPSDM admin
 * told of every transfer) sorted all of that person's unread notices, and the planner walked the
 * whole city's notices by time (notification_created_idx) to find one person's deep page. These
 * indexes hold the page's whole order, so a page is read from the index alone and only its rows are
 * fetched. They replace notification_recipient_idx and notification_unread_idx, whose leading
 * columns they repeat (the unread count and the live stream's catch-up read them just as well).
 */
export class InboxPageIndexes1765800000000 implements MigrationInterface {
  name = 'InboxPageIndexes1765800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX notification_recipient_page_idx ON notification (recipient_nip, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX notification_unread_page_idx ON notification (recipient_nip, created_at DESC, id DESC) WHERE read_at IS NULL`);
    await q.query(`DROP INDEX IF EXISTS notification_recipient_idx`);
    await q.query(`DROP INDEX IF EXISTS notification_unread_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX IF NOT EXISTS notification_unread_idx ON notification (recipient_nip) WHERE read_at IS NULL`);
    await q.query(`CREATE INDEX IF NOT EXISTS notification_recipient_idx ON notification (recipient_nip, created_at DESC)`);
    await q.query(`DROP INDEX IF EXISTS notification_unread_page_idx`);
    await q.query(`DROP INDEX IF EXISTS notification_recipient_page_idx`);
  }
}
