import { Column, Entity, PrimaryColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

export type IdempotencyState = 'IN_PROGRESS' | 'DONE';

/**
 * One claimed Idempotency-Key of one principal, with the answer once the handler finished.
 * Kept in the service's own database; rows older than 24 h are ignored and pruned.
 */
@Entity({ name: 'idempotency_key' })
export class IdempotencyKeyEntity {
  /** Keycloak subject of the caller: keys of different callers never collide. */
  @PrimaryColumn({ name: 'subject', type: 'text' })
  subject: string;

  @PrimaryColumn({ name: 'key', type: 'text' })
  key: string;

  @Column({ name: 'method', type: 'text' })
  method: string;

  @Column({ name: 'path', type: 'text' })
  path: string;

  /** sha256 (hex) of method + path + canonical body. */
  @Column({ name: 'fingerprint', type: 'text' })
  fingerprint: string;

  @Column({ name: 'state', type: 'text' })
  state: IdempotencyState;

  @Column({ name: 'response_status', type: 'int', nullable: true })
  responseStatus: number | null;

  @Column({ name: 'response_body', type: 'jsonb', nullable: true })
  responseBody: unknown;

  /** Headers worth replaying (`location`). */
  @Column({ name: 'response_headers', type: 'jsonb', nullable: true })
  responseHeaders: Record<string, string> | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;
}

/** Include in the migration list of every service that imports IdempotencyModule. */
export class CreateIdempotencyKeys1764600000000 implements MigrationInterface {
  name = 'CreateIdempotencyKeys1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE IF NOT EXISTS idempotency_key (
      subject text NOT NULL,
      key text NOT NULL,
      method text NOT NULL,
      path text NOT NULL,
      fingerprint text NOT NULL,
      state text NOT NULL CHECK (state IN ('IN_PROGRESS', 'DONE')),
      response_status int,
      response_body jsonb,
      response_headers jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      completed_at timestamptz,
      PRIMARY KEY (subject, key)
    )`);
    // Pruning deletes by age.
    await q.query(`CREATE INDEX IF NOT EXISTS idempotency_key_created_at_idx ON idempotency_key (created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS idempotency_key`);
  }
}
