import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The delivery queue and what feeds it: one queued row per (event, recipient, channel) with every
 * attempt recorded, the local directory of people (fed by personnel's events), preferences, reminders,
 * dispatch issues (a recipient or a template value that could not be resolved) and live-stream tickets.
 * The old `delivery` table (one e-mail per event) is replaced: its rows were test pings only.
 */
export class DeliveryQueue1765000000000 implements MigrationInterface {
  name = 'DeliveryQueue1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS delivery`);
    await q.query(`ALTER TABLE notification ADD COLUMN opd_id text, ADD COLUMN mandatory boolean NOT NULL DEFAULT true`);
    await q.query(`CREATE INDEX notification_unread_idx ON notification (recipient_nip) WHERE read_at IS NULL`);

    await q.query(`CREATE TABLE delivery (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      event_id text NOT NULL,
      event_type text NOT NULL,
      kategori text NOT NULL,
      channel text NOT NULL CHECK (channel IN ('email')),
      recipient_key text NOT NULL,
      recipient_nip text,
      opd_id text,
      address text NOT NULL,
      subject text NOT NULL,
      body_text text NOT NULL,
      body_html text NOT NULL,
      headers jsonb NOT NULL DEFAULT '{}'::jsonb,
      mandatory boolean NOT NULL,
      status text NOT NULL CHECK (status IN ('pending', 'sent', 'failed', 'digest', 'digested')),
      attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
      next_attempt_at timestamptz NOT NULL,
      message_id text,
      last_error text,
      digest_id uuid,
      sent_at timestamptz,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT delivery_event_recipient_channel_uq UNIQUE (event_id, recipient_key, channel)
    )`);
    // The worker's scan: due pending rows, oldest first.
    await q.query(`CREATE INDEX delivery_due_idx ON delivery (next_attempt_at) WHERE status = 'pending'`);
    await q.query(`CREATE INDEX delivery_digest_idx ON delivery (recipient_key) WHERE status = 'digest'`);
    await q.query(`CREATE INDEX delivery_recipient_day_idx ON delivery (recipient_key, created_at)`);

    await q.query(`CREATE TABLE delivery_attempt (
      id bigserial PRIMARY KEY,
      delivery_id uuid NOT NULL REFERENCES delivery (id) ON DELETE CASCADE,
      attempt integer NOT NULL,
      outcome text NOT NULL CHECK (outcome IN ('sent', 'retry', 'failed')),
      error text,
      at timestamptz NOT NULL
    )`);
    await q.query(`CREATE INDEX delivery_attempt_delivery_idx ON delivery_attempt (delivery_id)`);

    await q.query(`CREATE TABLE dispatch_issue (
      id bigserial PRIMARY KEY,
      event_id text NOT NULL,
      event_type text NOT NULL,
      recipient_role text NOT NULL,
      recipient_nip text,
      code text NOT NULL,
      detail text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT dispatch_issue_uq UNIQUE (event_id, recipient_role, code)
    )`);

    await q.query(`CREATE TABLE directory_person (
      nip text PRIMARY KEY,
      employee_id text NOT NULL,
      name text NOT NULL,
      email text,
      status text NOT NULL,
      opd_id text,
      opd_name text,
      supervisor_nip text,
      version_time timestamptz NOT NULL
    )`);
    await q.query(`CREATE INDEX directory_person_opd_idx ON directory_person (opd_id)`);
    await q.query(`CREATE TABLE directory_role (
      nip text NOT NULL,
      role text NOT NULL CHECK (role IN ('admin-opd', 'admin-bkpsdm')),
      opd_id text NOT NULL DEFAULT '',
      PRIMARY KEY (nip, role, opd_id)
    )`);

    await q.query(`CREATE TABLE preference (
      nip text NOT NULL,
      kategori text NOT NULL,
      email boolean NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (nip, kategori)
    )`);

    await q.query(`CREATE TABLE reminder (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      notification_id uuid NOT NULL REFERENCES notification (id) ON DELETE CASCADE,
      recipient_nip text NOT NULL,
      kategori text NOT NULL,
      judul text NOT NULL,
      due_at timestamptz NOT NULL,
      step integer NOT NULL DEFAULT 0,
      next_at timestamptz NOT NULL,
      resolved_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT reminder_notification_uq UNIQUE (notification_id)
    )`);
    await q.query(`CREATE INDEX reminder_open_idx ON reminder (next_at) WHERE resolved_at IS NULL`);

    await q.query(`CREATE TABLE stream_ticket (
      ticket_hash text PRIMARY KEY,
      nip text NOT NULL,
      expires_at timestamptz NOT NULL,
      used_at timestamptz
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['stream_ticket', 'reminder', 'preference', 'directory_role', 'directory_person', 'dispatch_issue', 'delivery_attempt', 'delivery']) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await q.query(`DROP INDEX IF EXISTS notification_unread_idx`);
    await q.query(`ALTER TABLE notification DROP COLUMN IF EXISTS opd_id, DROP COLUMN IF EXISTS mandatory`);
  }
}
