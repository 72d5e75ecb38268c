import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateNotificationTables1764500000000 implements MigrationInterface {
  name = 'CreateNotificationTables1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE notification (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      recipient_nip text NOT NULL CHECK (recipient_nip ~ '^[0-9]{18}$'),
      kategori text NOT NULL,
      judul text NOT NULL,
      isi text NOT NULL,
      tautan text,
      source_event_id text,
      created_at timestamptz NOT NULL DEFAULT now(),
      read_at timestamptz
    )`);
    await q.query(`CREATE INDEX notification_recipient_idx ON notification (recipient_nip, created_at DESC)`);
    // One notice per event and recipient: redelivery of the same event cannot add a second one.
    await q.query(
      `CREATE UNIQUE INDEX notification_event_recipient_uq ON notification (source_event_id, recipient_nip) WHERE source_event_id IS NOT NULL`,
    );

    await q.query(`CREATE TABLE delivery (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      event_id text NOT NULL,
      event_type text NOT NULL,
      channel text NOT NULL CHECK (channel IN ('email')),
      recipient text NOT NULL,
      subject text NOT NULL,
      status text NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
      attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
      message_id text,
      last_error text,
      sent_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT delivery_event_channel_uq UNIQUE (event_id, channel)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS delivery`);
    await q.query(`DROP TABLE IF EXISTS notification`);
  }
}
