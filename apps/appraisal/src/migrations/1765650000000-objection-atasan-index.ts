import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `GET /objections` answers an atasan penilai's objections, waiting ones first then the newest,
 * from this index (and counts them from it), not from a scan of every objection of the city.
 */
export class ObjectionAtasanIndex1765650000000 implements MigrationInterface {
  name = 'ObjectionAtasanIndex1765650000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX objection_atasan_idx ON objection (atasan_nip, (status = 'DIAJUKAN') DESC, filed_at DESC, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS objection_atasan_idx`);
  }
}
