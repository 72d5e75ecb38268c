import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which occurrence of the awaited action a reminder waits for, when the employee can owe several of
 * the same kind (the report of one SKP's period, `<skpId>:<period>`): reporting January ends
 * January's reminder only. Null for reminders that any awaited event about the employee ends.
 */
export class ReminderAwaitedRef1765400000000 implements MigrationInterface {
  name = 'ReminderAwaitedRef1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE reminder ADD COLUMN awaited_ref text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE reminder DROP COLUMN IF EXISTS awaited_ref`);
  }
}
