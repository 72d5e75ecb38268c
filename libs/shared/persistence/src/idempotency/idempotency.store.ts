import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { LeaseNamespace, ProcessLease } from '../process-lease';
import type { IdempotencyState } from './idempotency-key.entity';

/** How long a key is remembered. */
export const IDEMPOTENCY_TTL_HOURS = 24;
const PRUNE_EVERY_MS = 10 * 60 * 1000;
/** How long a finished handler keeps trying to store its answer while the database is out of reach. */
const COMPLETE_RETRY_FOR_MS = 10 * 60 * 1000;
const COMPLETE_RETRY_PAUSE_MS = 2000;

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

const EXPIRED = `created_at < now() - interval '${IDEMPOTENCY_TTL_HOURS} hours'`;

type StoredRow = { fingerprint: string; state: IdempotencyState; response_status: number | null; response_body: unknown; response_headers: Record<string, string> | null };

/**
 * The `idempotency_key` table. Each statement autocommits on its own: the claim must be visible
 * to a concurrent duplicate before the handler's own transaction starts.
 *
 * While a handler runs, its process holds the key's lock through the ProcessLease (a session
 * advisory lock on the process's own connection). The lock dies with the process, so a claim left
 * IN_PROGRESS by a process killed mid-request is recognised at once: whoever can take the key's
 * lock knows nobody runs it, drops the abandoned claim and runs the request.
 */
@Injectable()
export class IdempotencyStore {
  private readonly logger = new Logger('Idempotency');
  private lastPrune = 0;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(ProcessLease) private readonly lease: ProcessLease,
  ) {}

  /** Claims the key (its lock, then INSERT … ON CONFLICT DO NOTHING) or returns what is stored under it. */
  async claim(c: IdempotencyClaim): Promise<ClaimOutcome> {
    await this.pruneOccasionally();
    const lock = lockKey(c.subject, c.key);
    if (!(await this.lease.tryHold(LeaseNamespace.idempotencyKey, lock))) {
      // A living process runs this key now: answer with what is stored, or "in progress".
      const existing = await this.stored(c.subject, c.key);
      return { claimed: false, existing: existing ?? inProgress(c.fingerprint) };
    }
    try {
      // Holding the lock, a row still IN_PROGRESS belongs to a process that died mid-request; an
      // expired row is forgotten as well. Neither may block or answer the new request.
      await this.dataSource.query(`DELETE FROM idempotency_key WHERE subject = $1 AND key = $2 AND (state = 'IN_PROGRESS' OR ${EXPIRED})`, [c.subject, c.key]);
      const inserted: unknown[] = await this.dataSource.query(
        `INSERT INTO idempotency_key (subject, key, method, path, fingerprint, state)
         VALUES ($1, $2, $3, $4, $5, 'IN_PROGRESS')
         ON CONFLICT (subject, key) DO NOTHING
         RETURNING key`,
        [c.subject, c.key, c.method, c.path, c.fingerprint],
      );
      if (inserted.length === 1) return { claimed: true };
      const existing = await this.stored(c.subject, c.key);
      await this.lease.release(LeaseNamespace.idempotencyKey, lock);
      return { claimed: false, existing: existing ?? inProgress(c.fingerprint) };
    } catch (e) {
      await this.lease.release(LeaseNamespace.idempotencyKey, lock);
      throw e;
    }
  }

  /**
   * Stores the answer of a claimed key; later requests with it get this answer. If the database
   * cannot take it now, it is tried again in the background while the key's lock is kept, so that
   * a retry meanwhile gets 409 and never runs the effect a second time.
   */
  async complete(subject: string, key: string, status: number, body: unknown, headers: Record<string, string>): Promise<void> {
    const store = () =>
      this.dataSource.query(
        `UPDATE idempotency_key SET state = 'DONE', response_status = $3, response_body = $4::jsonb, response_headers = $5::jsonb, completed_at = now()
         WHERE subject = $1 AND key = $2`,
        [subject, key, status, body === undefined ? null : JSON.stringify(body), JSON.stringify(headers)],
      );
    try {
      await store();
    } catch (e) {
      this.logger.warn(`storing the answer for an Idempotency-Key failed, trying again in the background: ${(e as Error).message}`);
      void this.completeLater(subject, key, store);
      return;
    }
    await this.lease.release(LeaseNamespace.idempotencyKey, lockKey(subject, key));
  }

  /** Gives the key up (an error answer): a retry runs the handler again. */
  async release(subject: string, key: string): Promise<void> {
    try {
      await this.dataSource.query(`DELETE FROM idempotency_key WHERE subject = $1 AND key = $2 AND state = 'IN_PROGRESS'`, [subject, key]);
    } finally {
      // Even if the row could not be deleted, without the lock it is an abandoned claim that the retry drops.
      await this.lease.release(LeaseNamespace.idempotencyKey, lockKey(subject, key));
    }
  }

  private async completeLater(subject: string, key: string, store: () => Promise<unknown>): Promise<void> {
    const until = Date.now() + COMPLETE_RETRY_FOR_MS;
    while (Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, COMPLETE_RETRY_PAUSE_MS));
      try {
        await store();
        await this.lease.release(LeaseNamespace.idempotencyKey, lockKey(subject, key));
        return;
      } catch {
        // Still out of reach: keep the lock and try again.
      }
    }
    this.logger.error('the answer for an Idempotency-Key could not be stored; a retry of that request will run it again');
    await this.lease.release(LeaseNamespace.idempotencyKey, lockKey(subject, key));
  }

  private async stored(subject: string, key: string): Promise<StoredIdempotencyRecord | null> {
    const rows: StoredRow[] = await this.dataSource.query(
      `SELECT fingerprint, state, response_status, response_body, response_headers FROM idempotency_key WHERE subject = $1 AND key = $2 AND NOT (${EXPIRED})`,
      [subject, key],
    );
    if (rows.length === 0) return null;
    const row = rows[0];
    return { fingerprint: row.fingerprint, state: row.state, responseStatus: row.response_status, responseBody: row.response_body, responseHeaders: row.response_headers };
  }

  /** Deletes every expired row; returns how many. */
  async prune(): Promise<number> {
    const result: [unknown[], number] = await this.dataSource.query(`DELETE FROM idempotency_key WHERE ${EXPIRED}`);
    return Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
  }

  private async pruneOccasionally(): Promise<void> {
    const now = Date.now();
    if (now - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = now;
    await this.prune();
  }
}

function lockKey(subject: string, key: string): string {
  return `${subject}\n${key}`;
}

function inProgress(fingerprint: string): StoredIdempotencyRecord {
  return { fingerprint, state: 'IN_PROGRESS', responseStatus: null, responseBody: null, responseHeaders: null };
}
