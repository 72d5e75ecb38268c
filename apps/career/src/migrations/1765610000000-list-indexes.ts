import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes that answer career's lists in their sort order (issue 12, "reads that scale"): the external
 * JP claims BKPSDM verifies (open claims first, newest first) and one employee's claims; the
 * enrolments BKPSDM sees (newest first, all or per session) and those an employee, their supervisor
 * or their OPD admin sees. Without them each list sorted the whole table.
 */
export class CareerListIndexes1765610000000 implements MigrationInterface {
  name = 'CareerListIndexes1765610000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX external_jp_claim_queue_idx ON external_jp_claim ((status = 'DIAJUKAN') DESC, created_at DESC)`);
    await q.query(`CREATE INDEX external_jp_claim_nip_idx ON external_jp_claim (nip, created_at DESC)`);
    await q.query(`CREATE INDEX enrolment_created_idx ON enrolment (created_at DESC, id)`);
    await q.query(`CREATE INDEX enrolment_session_created_idx ON enrolment (session_id, created_at DESC, id)`);
    await q.query(`CREATE INDEX enrolment_nip_idx ON enrolment (nip)`);
    await q.query(`CREATE INDEX enrolment_supervisor_idx ON enrolment (supervisor_id) WHERE supervisor_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const index of ['enrolment_supervisor_idx', 'enrolment_nip_idx', 'enrolment_session_created_idx', 'enrolment_created_idx', 'external_jp_claim_nip_idx', 'external_jp_claim_queue_idx']) {
      await q.query(`DROP INDEX IF EXISTS ${index}`);
    }
  }
}
