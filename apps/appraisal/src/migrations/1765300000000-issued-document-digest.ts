import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What an issued document says, as a digest: the verification endpoint compares it with the current data. */
export class IssuedDocumentDigest1765300000000 implements MigrationInterface {
  name = 'IssuedDocumentDigest1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE issued_document ADD COLUMN content_digest text NOT NULL DEFAULT ''`);
    await q.query(`CREATE INDEX issued_document_digest_idx ON issued_document (subject_id, kind, content_digest)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE issued_document DROP COLUMN content_digest`);
  }
}
