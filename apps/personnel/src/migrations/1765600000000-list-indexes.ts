import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes that answer every list page in its sort order (issue 12, "reads that scale"): without
 * them each page of employees sorted the whole table. Employees are listed by name, then NIP, city-wide
 * or within one OPD (the scope of an admin-opd); name search matches a word prefix anywhere in the
 * name, which only a trigram index serves. pg_trgm is a trusted extension: the database's owner may
 * create it. Units and positions are listed in code order within a level or unit.
 */
export class ListIndexes1765600000000 implements MigrationInterface {
  name = 'ListIndexes1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    // INCLUDE (status, id): a page's ids come from the index alone (an index-only scan), so even a
    // deep offset walks index entries instead of sorting the table.
    await q.query(`CREATE INDEX employee_name_nip_idx ON employee (name, nip) INCLUDE (status, id)`);
    await q.query(`CREATE INDEX employee_opd_name_nip_idx ON employee (opd_id, name, nip) INCLUDE (status, id)`);
    await q.query(`CREATE INDEX employee_status_name_nip_idx ON employee (status, name, nip)`);
    // Served by employee_opd_name_nip_idx, which leads with the same columns.
    await q.query(`DROP INDEX employee_opd_idx`);
    await q.query(`CREATE INDEX employee_name_trgm_idx ON employee USING gin (lower(name) gin_trgm_ops)`);
    await q.query(`CREATE INDEX org_unit_level_code_idx ON org_unit (level, code)`);
    // An OPD's employees as of a past date: its units, then their positions then, then who held them.
    await q.query(`CREATE INDEX position_history_unit_idx ON position_history (unit_id, valid_from) INCLUDE (valid_to, position_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS position_history_unit_idx`);
    await q.query(`DROP INDEX IF EXISTS org_unit_level_code_idx`);
    await q.query(`DROP INDEX IF EXISTS employee_name_trgm_idx`);
    await q.query(`CREATE INDEX IF NOT EXISTS employee_opd_idx ON employee (opd_id, name)`);
    await q.query(`DROP INDEX IF EXISTS employee_status_name_nip_idx`);
    await q.query(`DROP INDEX IF EXISTS employee_opd_name_nip_idx`);
    await q.query(`DROP INDEX IF EXISTS employee_name_nip_idx`);
  }
}
