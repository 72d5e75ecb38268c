import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The admins of an OPD (and BKPSDM's) are looked up for many events: every hire, transfer and
 * departure tells the OPD's admin-opd. The projection's role table is keyed by employee, so each
 * lookup read all of it — about 49,000 rows and 5 ms on the demo city, which made catching up on the
 * demo's 12,000 hires take minutes at full CPU. Granted roles by role and OPD answer it from an index.
 * The table belongs to the shared projection, but this service is the one that reads it this way.
 */
export class AdminRoleIndex1765900000000 implements MigrationInterface {
  name = 'AdminRoleIndex1765900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX IF NOT EXISTS personnel_role_granted_idx ON personnel_role (role, opd_id) WHERE granted`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS personnel_role_granted_idx`);
  }
}
