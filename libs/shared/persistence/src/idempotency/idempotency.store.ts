import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { IdempotencyState } from './idempotency-key.entity';

/** How long a key is remembered. */
export const IDEMPOTENCY_TTL_HOURS = 24;
/**
 * A claim still IN_PROGRESS after this long belongs to a process that died mid-request; it may be
 * claimed again (no handler of ours runs anywhere near this long).
 */
export const IDEMPOTENCY_ABANDONED_AFTER_MINUTES = 10;
const PRUNE_EVERY_MS = 10 * 60 * 1000;

export interface IdempotencyClaim {
  subject: string;
  key: string;
  method: string;
  path: string;
  fingerprint: string;
}

export interface StoredIdempotencyRecord {
  fingerprint: string;
  state: IdempotencyState;
  responseStatus: number | null;
  responseBody: unknown;
  responseHeaders: Record<string, string> | null;
}

export type ClaimOutcome = { claimed: true } | { claimed: false; existing: StoredIdempotencyRecord };

const STALE = `(created_at < now() - interval '${IDEMPOTENCY_TTL_HOURS} hours'
  OR (state = 'IN_PROGRESS' AND created_at < now() - interval '${IDEMPOTENCY_ABANDONED_AFTER_MINUTES} minutes'))`;

/**
 * The `idempotency_key` table. Each statement autocommits on its own: the claim must be visible
 * to a concurrent duplicate before the handler's own transaction starts.
 */
@Injectable()
export class IdempotencyStore {
  private lastPrune = 0;

  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Claims the key (INSERT … ON CONFLICT DO NOTHING) or returns what is stored under it. */
  async claim(c: IdempotencyClaim): Promise<ClaimOutcome> {
    await this.pruneOccasionally();
    // An expired or abandoned row of this very key must not block or answer the new request.
    await this.dataSource.query(`DELETE FROM idempotency_key WHERE subject = $1 AND key = $2 AND ${STALE}`, [c.subject, c.key]);
    for (let attempt = 0; attempt < 2; attempt++) {
      const inserted: unknown[] = await this.dataSource.query(
        `INSERT INTO idempotency_key (subject, key, method, path, fingerprint, state)
         VALUES ($1, $2, $3, $4, $5, 'IN_PROGRESS')
         ON CONFLICT (subject, key) DO NOTHING
         RETURNING key`,
        [c.subject, c.key, c.method, c.path, c.fingerprint],
      );
      if (inserted.length === 1) return { claimed: true };
      const rows: Array<{ fingerprint: string; state: IdempotencyState; response_status: number | null; response_body: unknown; response_headers: Record<string, string> | null }> =
        await this.dataSource.query(
          `SELECT fingerprint, state, response_status, response_body, response_headers FROM idempotency_key WHERE subject = $1 AND key = $2`,
          [c.subject, c.key],
        );
      // The holder released its claim (5xx) between our INSERT and SELECT: try once more.
      if (rows.length === 0) continue;
      const row = rows[0];
      return {
        claimed: false,
        existing: { fingerprint: row.fingerprint, state: row.state, responseStatus: row.response_status, responseBody: row.response_body, responseHeaders: row.response_headers },
      };
    }
    // Still racing with a claim that keeps appearing and vanishing: report it as in progress.
    return { claimed: false, existing: { fingerprint: c.fingerprint, state: 'IN_PROGRESS', responseStatus: null, responseBody: null, responseHeaders: null } };
  }

  /** Stores the answer of a claimed key; later requests with it get this answer. */
  async complete(subject: string, key: string, status: number, body: unknown, headers: Record<string, string>): Promise<void> {
    await this.dataSource.query(
      `UPDATE idempotency_key SET state = 'DONE', response_status = $3, response_body = $4::jsonb, response_headers = $5::jsonb, completed_at = now()
       WHERE subject = $1 AND key = $2`,
      [subject, key, status, body === undefined ? null : JSON.stringify(body), JSON.stringify(headers)],
    );
  }

  /** Gives the key up (server error): a retry runs the handler again. */
  async release(subject: string, key: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM idempotency_key WHERE subject = $1 AND key = $2 AND state = 'IN_PROGRESS'`, [subject, key]);
  }

  /** Deletes every expired row; returns how many. */
  async prune(): Promise<number> {
    const result: [unknown[], number] = await this.dataSource.query(`DELETE FROM idempotency_key WHERE ${STALE}`);
    return Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
  }

  private async pruneOccasionally(): Promise<void> {
    const now = Date.now();
    if (now - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = now;
    await this.prune();
  }
}
