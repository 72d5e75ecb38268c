import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The completion dashboard (`GET /dashboard/:year/:opdCode`) reads one OPD's active employees from
 * the personnel projection. The projection's own indexes are by id, nip, appraisers and OPD id, not
 * by OPD code, so every dashboard read scanned the whole city; this index answers it, and covers
 * the columns the dashboard reads so a large OPD (DISDIK's thousands of teachers) is an index-only
 * scan rather than a visit of every row.
 */
export class DashboardReadIndexes1765800000000 implements MigrationInterface {
  name = 'DashboardReadIndexes1765800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX personnel_employee_opd_code_idx ON personnel_employee (opd_code, status)
         INCLUDE (nip, name, unit_id, penilai_id, penilai_nip, penilai_name) WHERE core_version IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS personnel_employee_opd_code_idx`);
  }
}
