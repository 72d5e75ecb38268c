import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export type Redemption = { ok: true; nip: string } | { ok: false; reason: 'unknown' | 'expired' | 'used' };

/** The only code touching `stream_ticket`. Only the SHA-256 of a ticket is stored. */
@Injectable()
export class StreamTicketRepository {
  async create(m: EntityManager, hash: string, nip: string, expiresAt: Date): Promise<void> {
    await m.query(`INSERT INTO stream_ticket (ticket_hash, nip, expires_at) VALUES ($1, $2, $3)`, [hash, nip, expiresAt]);
    // Old tickets are of no use to anyone; keep the table small.
    await m.query(`DELETE FROM stream_ticket WHERE expires_at < $1`, [new Date(expiresAt.getTime() - 24 * 3_600_000)]);
  }

  /** Uses the ticket up: one UPDATE, so two requests racing with one ticket cannot both win. */
  async redeem(m: EntityManager, hash: string, now: Date): Promise<Redemption> {
    // TypeORM answers an UPDATE … RETURNING on PostgreSQL with [rows, affected count].
    const [used]: [{ nip: string }[], number] = await m.query(
      `UPDATE stream_ticket SET used_at = $2 WHERE ticket_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING nip`,
      [hash, now],
    );
    if (used.length > 0) return { ok: true, nip: used[0].nip };
    const rows: { used_at: Date | null }[] = await m.query(`SELECT used_at FROM stream_ticket WHERE ticket_hash = $1`, [hash]);
    if (rows.length === 0) return { ok: false, reason: 'unknown' };
    return { ok: false, reason: rows[0].used_at ? 'used' : 'expired' };
  }
}
