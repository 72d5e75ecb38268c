import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface NewInboxItem {
  recipientNip: string;
  kategori: string;
  judul: string;
  isi: string;
  tautan: string | null;
  sourceEventId: string;
  opdId: string | null;
  mandatory: boolean;
  createdAt: Date;
}

export interface InboxItemRow {
  id: string;
  kategori: string;
  judul: string;
  isi: string;
  tautan: string | null;
  created_at: Date;
  read_at: Date | null;
}

/** Channel of the PostgreSQL NOTIFY sent when an item is added; every replica's live streams listen. */
export const INBOX_NOTIFY_CHANNEL = 'notification_inbox';

/** The only code touching the `notification` table (the in-app inbox). */
@Injectable()
export class InboxRepository {
  /**
   * Adds an item inside the caller's transaction and announces it on commit (NOTIFY is delivered
   * only if the transaction commits). Returns the new id, or null when this event already gave this
   * person an item (redelivery).
   */
  async add(m: EntityManager, item: NewInboxItem): Promise<string | null> {
    // One round trip: the insert, and the NOTIFY only when a row was inserted.
    const rows: { id: string }[] = await m.query(
      `WITH added AS (
         INSERT INTO notification (recipient_nip, kategori, judul, isi, tautan, source_event_id, opd_id, mandatory, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (source_event_id, recipient_nip) WHERE source_event_id IS NOT NULL DO NOTHING RETURNING id, recipient_nip)
       SELECT id, pg_notify($10, recipient_nip) FROM added`,
      [item.recipientNip, item.kategori, item.judul, item.isi, item.tautan, item.sourceEventId, item.opdId, item.mandatory, item.createdAt, INBOX_NOTIFY_CHANNEL],
    );
    return rows[0]?.id ?? null;
  }

  async page(m: EntityManager, nip: string, q: { page: number; size: number; unreadOnly: boolean }): Promise<{ rows: InboxItemRow[]; total: number }> {
    const filter = q.unreadOnly ? 'AND read_at IS NULL' : '';
    // The page's ids come from the index alone (notification_recipient_page_idx or
    // notification_unread_page_idx hold the order); only the page's rows are fetched. Read directly,
    // a deep page of a person with thousands of notices fetched and sorted all of them, or walked
    // the whole city's notices by time.
    const rows: InboxItemRow[] = await m.query(
      `SELECT n.id, n.kategori, n.judul, n.isi, n.tautan, n.created_at, n.read_at
         FROM (SELECT id, created_at FROM notification WHERE recipient_nip = $1 ${filter} ORDER BY created_at DESC, id DESC LIMIT $2 OFFSET $3) p
         JOIN notification n ON n.id = p.id
        ORDER BY p.created_at DESC, p.id DESC`,
      [nip, q.size, (q.page - 1) * q.size],
    );
    const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM notification WHERE recipient_nip = $1 ${filter}`, [nip]);
    return { rows, total: n };
  }

  async unreadCount(m: EntityManager, nip: string): Promise<number> {
    const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM notification WHERE recipient_nip = $1 AND read_at IS NULL`, [nip]);
    return n;
  }

  /** Items of `nip` created after `after` (exclusive), oldest first: what a live stream has not shown yet. */
  async createdAfter(m: EntityManager, nip: string, after: Date, limit = 100): Promise<InboxItemRow[]> {
    return m.query(
      `SELECT id, kategori, judul, isi, tautan, created_at, read_at FROM notification WHERE recipient_nip = $1 AND created_at > $2
       ORDER BY created_at, id LIMIT $3`,
      [nip, after, limit],
    );
  }

  /** Marks the item read if it is the caller's; returns it (read or not), or null when it is not theirs. */
  async markRead(m: EntityManager, nip: string, id: string, at: Date): Promise<InboxItemRow | null> {
    await m.query(`UPDATE notification SET read_at = $3 WHERE id = $1 AND recipient_nip = $2 AND read_at IS NULL`, [id, nip, at]);
    const rows: InboxItemRow[] = await m.query(`SELECT id, kategori, judul, isi, tautan, created_at, read_at FROM notification WHERE id = $1 AND recipient_nip = $2`, [
      id,
      nip,
    ]);
    if (rows.length > 0) await m.query(`SELECT pg_notify($1, $2)`, [INBOX_NOTIFY_CHANNEL, nip]);
    return rows[0] ?? null;
  }

  /** True when the item, or an item of `nip` from an event whose id starts with `sourcePrefix`, was read (or the item is gone). */
  async answered(m: EntityManager, id: string, nip: string, sourcePrefix: string): Promise<boolean> {
    const rows: { answered: boolean }[] = await m.query(
      `SELECT NOT EXISTS (SELECT 1 FROM notification WHERE id = $1 AND read_at IS NULL)
          OR EXISTS (SELECT 1 FROM notification WHERE recipient_nip = $2 AND source_event_id LIKE $3 AND read_at IS NOT NULL) AS answered`,
      [id, nip, `${sourcePrefix.replace(/[%_\\]/g, '')}%`],
    );
    return rows[0].answered;
  }
}
