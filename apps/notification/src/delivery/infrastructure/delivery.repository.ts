import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { QueuedChannelName, QueuedMessage } from '../domain/channel';

export interface NewDelivery {
  eventId: string;
  eventType: string;
  kategori: string;
  channel: QueuedChannelName;
  /** NIP when the recipient is a person of the directory, else the address itself. */
  recipientKey: string;
  recipientNip: string | null;
  opdId: string | null;
  address: string;
  subject: string;
  bodyText: string;
  bodyHtml: string;
  headers: Record<string, string>;
  mandatory: boolean;
  status: 'pending' | 'digest';
  nextAttemptAt: Date;
  createdAt: Date;
}

export interface DueDelivery extends QueuedMessage {
  channel: QueuedChannelName;
  attempts: number;
}

type DueRow = {
  id: string;
  event_id: string;
  channel: QueuedChannelName;
  address: string;
  subject: string;
  body_text: string;
  body_html: string;
  headers: Record<string, string>;
  attempts: number;
};

/** The only code touching `delivery` and `delivery_attempt`: the queue of outgoing messages and its log. */
@Injectable()
export class DeliveryRepository {
  /** Queues one message; a second call for the same (event, recipient, channel) is a no-op. Returns true when queued. */
  async enqueue(m: EntityManager, d: NewDelivery): Promise<boolean> {
    const rows: unknown[] = await m.query(
      `INSERT INTO delivery (event_id, event_type, kategori, channel, recipient_key, recipient_nip, opd_id, address, subject, body_text, body_html,
         headers, mandatory, status, next_attempt_at, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16)
       ON CONFLICT ON CONSTRAINT delivery_event_recipient_channel_uq DO NOTHING RETURNING id`,
      [
        d.eventId,
        d.eventType,
        d.kategori,
        d.channel,
        d.recipientKey,
        d.recipientNip,
        d.opdId,
        d.address,
        d.subject,
        d.bodyText,
        d.bodyHtml,
        JSON.stringify(d.headers),
        d.mandatory,
        d.status,
        d.nextAttemptAt,
        d.createdAt,
      ],
    );
    return rows.length > 0;
  }

  /** Mails queued for a recipient since `since` (the start of their day), digest-held ones included. */
  async countSince(m: EntityManager, recipientKey: string, since: Date): Promise<number> {
    const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM delivery WHERE recipient_key = $1 AND created_at >= $2 AND status <> 'digested'`, [
      recipientKey,
      since,
    ]);
    return n;
  }

  /**
   * Locks the oldest due pending row for the caller's transaction; other workers (other replicas)
   * skip it, so one row is sent by one worker at a time.
   */
  async lockNextDue(m: EntityManager, now: Date): Promise<DueDelivery | null> {
    const rows: DueRow[] = await m.query(
      `SELECT id, event_id, channel, address, subject, body_text, body_html, headers, attempts FROM delivery
       WHERE status = 'pending' AND next_attempt_at <= $1 ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
      [now],
    );
    const r = rows[0];
    if (!r) return null;
    return { id: r.id, eventId: r.event_id, channel: r.channel, address: r.address, subject: r.subject, bodyText: r.body_text, bodyHtml: r.body_html, headers: r.headers, attempts: r.attempts };
  }

  async postpone(m: EntityManager, id: string, until: Date): Promise<void> {
    await m.query(`UPDATE delivery SET next_attempt_at = $2, updated_at = now() WHERE id = $1`, [id, until]);
  }

  async markSent(m: EntityManager, id: string, attempt: number, externalId: string, at: Date): Promise<void> {
    await m.query(`UPDATE delivery SET status = 'sent', attempts = $2, message_id = $3, sent_at = $4, last_error = NULL, updated_at = now() WHERE id = $1`, [
      id,
      attempt,
      externalId,
      at,
    ]);
    await this.logAttempt(m, id, attempt, 'sent', null, at);
  }

  async markRetry(m: EntityManager, id: string, attempt: number, error: string, at: Date, next: Date): Promise<void> {
    await m.query(`UPDATE delivery SET attempts = $2, last_error = $3, next_attempt_at = $4, updated_at = now() WHERE id = $1`, [id, attempt, error, next]);
    await this.logAttempt(m, id, attempt, 'retry', error, at);
  }

  async markFailed(m: EntityManager, id: string, attempt: number, error: string, at: Date): Promise<void> {
    await m.query(`UPDATE delivery SET status = 'failed', attempts = $2, last_error = $3, updated_at = now() WHERE id = $1`, [id, attempt, error]);
    await this.logAttempt(m, id, attempt, 'failed', error, at);
  }

  /** Rows held for the digest, locked, grouped by the caller; other replicas skip them. */
  async lockDigestHeld(m: EntityManager, createdBefore: Date): Promise<{ id: string; recipient_key: string; recipient_nip: string | null; opd_id: string | null; address: string; subject: string; headers: Record<string, string>; tautan: string | null }[]> {
    return m.query(
      `SELECT d.id, d.recipient_key, d.recipient_nip, d.opd_id, d.address, d.subject, d.headers, n.tautan FROM delivery d
       LEFT JOIN notification n ON n.source_event_id = d.event_id AND n.recipient_nip = d.recipient_nip
       WHERE d.status = 'digest' AND d.created_at < $1 ORDER BY d.recipient_key, d.created_at FOR UPDATE OF d SKIP LOCKED`,
      [createdBefore],
    );
  }

  async markDigested(m: EntityManager, ids: string[], digestEventId: string): Promise<void> {
    await m.query(`UPDATE delivery SET status = 'digested', last_error = $2, updated_at = now() WHERE id = ANY($1)`, [ids, `ringkasan ${digestEventId}`]);
  }

  private async logAttempt(m: EntityManager, id: string, attempt: number, outcome: 'sent' | 'retry' | 'failed', error: string | null, at: Date): Promise<void> {
    await m.query(`INSERT INTO delivery_attempt (delivery_id, attempt, outcome, error, at) VALUES ($1, $2, $3, $4, $5)`, [id, attempt, outcome, error, at]);
  }
}
