import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The service's own directory of people gives way to the shared personnel projection
 * (`personnel_employee`, `personnel_role`: CreatePersonnelProjection1765100000000), which also knows
 * the pejabat penilai, the atasan pejabat penilai and the roles.
 */
export class DropLocalDirectory1765200000000 implements MigrationInterface {
  name = 'DropLocalDirectory1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS directory_role`);
    await q.query(`DROP TABLE IF EXISTS directory_person`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE directory_person (
      nip text PRIMARY KEY, employee_id text NOT NULL, name text NOT NULL, email text, status text NOT NULL,
      opd_id text, opd_name text, supervisor_nip text, version_time timestamptz NOT NULL)`);
    await q.query(`CREATE TABLE directory_role (nip text NOT NULL, role text NOT NULL, opd_id text NOT NULL DEFAULT '', PRIMARY KEY (nip, role, opd_id))`);
  }
}
