import { Column, Entity, PrimaryColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * One event waiting for (or done with) the relay. Written in the caller's transaction, so the state
 * change and the event commit or roll back together (docs/architecture.md §3.4, transactional outbox).
 */
@Entity({ name: 'outbox' })
export class OutboxMessage {
  /** The event id (CloudEvents `id`), also the row id: an event can be enqueued once. */
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  /** Insertion order; the relay publishes by it, so one aggregate's events keep their order. */
  @Column({ type: 'bigint', insert: false, update: false })
  seq: string;

  @Column({ type: 'text' })
  topic: string;

  /** Kafka message key: the event's subject (aggregate id). */
  @Column({ type: 'text' })
  key: string;

  @Column({ type: 'text' })
  type: string;

  /** `json`, not `jsonb`: kept as the text the service wrote, which is what the relay publishes (OutboxAsJsonText). */
  @Column({ type: 'json' })
  envelope: Record<string, unknown>;

  @Column({ type: 'json' })
  headers: Record<string, string>;

  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false })
  createdAt: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  /** Publish attempts, the successful one included. */
  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;
}

/**
 * Events a handler has applied. The row commits in the same transaction as the handler's writes,
 * so a redelivered event finds it and has no second effect.
 */
@Entity({ name: 'inbox' })
export class InboxEntry {
  @PrimaryColumn({ name: 'event_id', type: 'text' })
  eventId: string;

  /** Lets two handlers of one service consume the same event independently. */
  @PrimaryColumn({ type: 'text' })
  handler: string;

  @Column({ type: 'text' })
  type: string;

  @Column({ type: 'text' })
  topic: string;

  @Column({ type: 'integer' })
  partition: number;

  @Column({ type: 'bigint' })
  offset: string;

  @Column({ name: 'processed_at', type: 'timestamptz', insert: false, update: false })
  processedAt: Date;
}

/** Include in every service's migration list, next to its own migrations. */
export class CreateMessagingTables1764400000000 implements MigrationInterface {
  name = 'CreateMessagingTables1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE IF NOT EXISTS outbox (
      id uuid PRIMARY KEY,
      seq bigint GENERATED ALWAYS AS IDENTITY,
      topic text NOT NULL,
      key text NOT NULL,
      type text NOT NULL,
      envelope jsonb NOT NULL,
      headers jsonb NOT NULL DEFAULT '{}'::jsonb,
      created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      sent_at timestamptz,
      attempts integer NOT NULL DEFAULT 0,
      last_error text
    )`);
    await q.query(`CREATE UNIQUE INDEX IF NOT EXISTS outbox_seq_idx ON outbox (seq)`);
    // The relay only ever looks at unsent rows; this index stays small however big the table grows.
    await q.query(`CREATE INDEX IF NOT EXISTS outbox_unsent_idx ON outbox (seq) WHERE sent_at IS NULL`);
    await q.query(`CREATE INDEX IF NOT EXISTS outbox_sent_at_idx ON outbox (sent_at) WHERE sent_at IS NOT NULL`);
    await q.query(`CREATE TABLE IF NOT EXISTS inbox (
      event_id text NOT NULL,
      handler text NOT NULL,
      type text NOT NULL,
      topic text NOT NULL,
      partition integer NOT NULL,
      "offset" bigint NOT NULL,
      processed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (event_id, handler)
    )`);
    await q.query(`CREATE INDEX IF NOT EXISTS inbox_processed_at_idx ON inbox (processed_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS inbox`);
    await q.query(`DROP TABLE IF EXISTS outbox`);
  }
}

/**
 * The outbox keeps envelope and headers as `json` (checked text) instead of `jsonb`: nothing queries
 * inside them, the relay publishes the envelope's text as it is, and converting each row to `jsonb`
 * on insert, then back to text for the relay, was about half of PostgreSQL's cost of an outbox row
 * (a 1.4 KB envelope: ≈ 22 µs to `jsonb`, ≈ 8 µs to `json`). The rewrite of the table takes its lock
 * for the time it takes to copy the rows still there (sent rows are deleted after seven days).
 */
export class OutboxAsJsonText1766000000000 implements MigrationInterface {
  name = 'OutboxAsJsonText1766000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox ALTER COLUMN headers DROP DEFAULT`);
    await q.query(`ALTER TABLE outbox ALTER COLUMN envelope TYPE json USING envelope::json, ALTER COLUMN headers TYPE json USING headers::json`);
    await q.query(`ALTER TABLE outbox ALTER COLUMN headers SET DEFAULT '{}'::json`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox ALTER COLUMN headers DROP DEFAULT`);
    await q.query(`ALTER TABLE outbox ALTER COLUMN envelope TYPE jsonb USING envelope::jsonb, ALTER COLUMN headers TYPE jsonb USING headers::jsonb`);
    await q.query(`ALTER TABLE outbox ALTER COLUMN headers SET DEFAULT '{}'::jsonb`);
  }
}

/** Add to the service's DataSource `entities`. */
export const messagingEntities = [OutboxMessage, InboxEntry];
/** Add to the service's DataSource `migrations`. */
export const messagingMigrations = [CreateMessagingTables1764400000000, OutboxAsJsonText1766000000000];
