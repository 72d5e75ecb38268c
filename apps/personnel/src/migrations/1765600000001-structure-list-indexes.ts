import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes that answer the lists of units and positions in their sort order, now and as of a past
 * date (issue 12): units by level, then code; positions by code (a position's code starts with its
 * unit's code), searched by a prefix of their name or code.
 */
export class StructureListIndexes1765600000001 implements MigrationInterface {
  name = 'StructureListIndexes1765600000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX org_unit_history_level_code_idx ON org_unit_history (level, code)`);
    await q.query(`CREATE INDEX position_history_code_idx ON position_history (code)`);
    await q.query(`CREATE INDEX position_name_prefix_idx ON position (lower(name) text_pattern_ops)`);
    await q.query(`CREATE INDEX position_code_prefix_idx ON position (lower(code) text_pattern_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS position_code_prefix_idx`);
    await q.query(`DROP INDEX IF EXISTS position_name_prefix_idx`);
    await q.query(`DROP INDEX IF EXISTS position_history_code_idx`);
    await q.query(`DROP INDEX IF EXISTS org_unit_history_level_code_idx`);
  }
}
