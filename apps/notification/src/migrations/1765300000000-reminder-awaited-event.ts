import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A reminder also ends when the event it waits for arrives (an SKP submitted ends "plan your SKP"),
 * not only when its notice is read: it remembers which notice (template) it belongs to and whom the
 * awaited action concerns.
 */
export class ReminderAwaitedEvent1765300000000 implements MigrationInterface {
  name = 'ReminderAwaitedEvent1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE reminder ADD COLUMN template text, ADD COLUMN subject_nip text`);
    await q.query(`CREATE INDEX reminder_awaited_idx ON reminder (subject_nip, template) WHERE resolved_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS reminder_awaited_idx`);
    await q.query(`ALTER TABLE reminder DROP COLUMN IF EXISTS template, DROP COLUMN IF EXISTS subject_nip`);
  }
}
