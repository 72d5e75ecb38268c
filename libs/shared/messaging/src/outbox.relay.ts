import { Inject, Injectable, Logger, OnApplicationBootstrap, Optional } from '@nestjs/common';
import { MetricsService } from '@capaian/shared/http';
import { contextFrom, SpanKind, tracerOf } from '@capaian/shared/observability';
import { DataSource, type EntityManager, type EntitySubscriberInterface, type QueryRunner, type TransactionCommitEvent, type TransactionRollbackEvent } from 'typeorm';
import { KafkaConnection, type OutgoingMessage } from './kafka.connection';
import { MESSAGING_OPTIONS, type ResolvedMessagingOptions } from './messaging.options';
import type { OutboxListener } from './outbox.service';

interface OutboxRow {
  id: string;
  seq: string;
  topic: string;
  key: string;
  /** The envelope as JSON text: published as is, never parsed here (see CLAIM_SQL). */
  envelope: string;
  /** The Kafka headers, the envelope's trace context among them (the PRODUCER span's parent). */
  headers: Record<string, string>;
}

type PassResult = { sent: number; error?: undefined } | { sent: 0; error: unknown };

/**
 * One relay at a time per database publishes, in `seq` order: a transaction-scoped advisory lock
 * elects it for the length of one batch. Rows are also locked with FOR UPDATE SKIP LOCKED, so even
 * a relay that took no advisory lock could never send a row another relay is sending. Why both:
 * SKIP LOCKED alone lets two replicas publish the same key's events out of order (replica B takes
 * rows 101..200 while A still sends 1..100); the advisory lock keeps a single ordered stream.
 */
const RELAY_LOCK = `pg_try_advisory_xact_lock(hashtext('capaian.outbox.relay'))`;

/**
 * Takes the relay lock, claims the oldest unsent rows (outbox_unsent_idx, in seq order, locked,
 * skipping rows another transaction holds) and marks them sent, in ONE statement; see relayOnce for
 * why marking before the send is safe. The lock is a one-time filter of the row scan, evaluated
 * once and before it: a relay that does not get the lock scans, locks and returns nothing.
 * The envelope comes back as the text the service wrote (a `json` column keeps it as it is) and
 * goes to Kafka as that text: parsing each row into an object only to stringify it again was a
 * per-event cost of the relay; its trace context is in the headers.
 */
const CLAIM_SQL = `WITH relay_lock AS MATERIALIZED (SELECT ${RELAY_LOCK} AS locked)
  UPDATE outbox o SET sent_at = now(), attempts = o.attempts + 1, last_error = NULL
  FROM (SELECT id FROM outbox WHERE sent_at IS NULL AND (SELECT locked FROM relay_lock)
        ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED) c
  WHERE o.id = c.id
  RETURNING o.id, o.seq, o.topic, o.key, o.envelope::text AS envelope, o.headers`;

/** `seq` comes back as a string (bigint); compare numerically without losing precision. */
function compareSeq(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * Publishes committed outbox rows to Kafka and marks them sent (docs/architecture.md §3.4). Polls, is
 * nudged right after a commit that enqueued events, backs off and retries forever while Kafka is
 * unreachable (rows stay in the table, nothing is lost), and prunes old sent rows.
 * Delivery is at least once: a crash between Kafka's ack and the commit republishes the batch,
 * which consumers' inboxes absorb.
 */
@Injectable()
export class OutboxRelay implements OutboxListener, OnApplicationBootstrap {
  private readonly logger = new Logger('OutboxRelay');
  private running = false;
  private loopDone: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private nudged = false;
  private lastPrune = 0;
  private failingSince: number | null = null;
  private lastFailureLog = 0;
  /** Query runners whose open transaction enqueued events: nudge when it commits. */
  private readonly pending = new WeakSet<QueryRunner>();
  private subscribed = false;
  private readonly published?: ReturnType<MetricsService['counter']>;
  private readonly failures?: ReturnType<MetricsService['counter']>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly kafka: KafkaConnection,
    @Inject(MESSAGING_OPTIONS) private readonly options: Pick<ResolvedMessagingOptions, 'relay' | 'relayEnabled' | 'consumer' | 'config'>,
    @Optional() metrics?: MetricsService,
  ) {
    this.published = metrics?.counter('messaging_outbox_published_total', 'Events published from the outbox', ['topic']);
    this.failures = metrics?.counter('messaging_outbox_publish_failures_total', 'Failed outbox publish attempts');
  }

  onApplicationBootstrap(): void {
    if (this.options.relayEnabled) this.start();
  }

  get isRunning(): boolean {
    return this.running;
  }

  start(): void {
    if (this.running) return;
    this.subscribeToCommits();
    this.running = true;
    this.loopDone = this.loop();
  }

  /** Stops the loop after the pass in progress; the final flush is separate (see flush). */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loopDone;
    this.loopDone = null;
  }

  /** Publish soon: called after a commit that enqueued events. Cheap and safe to call often. */
  nudge(): void {
    this.nudged = true;
    this.wake?.();
  }

  afterEnqueue(manager: EntityManager): void {
    const runner = manager.queryRunner;
    if (runner && runner.isTransactionActive) this.pending.add(runner);
    // Without a transaction the insert has already committed.
    else this.nudge();
  }

  /**
   * Publishes until nothing is left or the deadline passes; used on shutdown and by tests.
   * Returns how many rows were published. Stops at the first failure (Kafka down): the rows stay.
   */
  async flush(timeoutMs = this.options.relay.shutdownFlushMs): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    let total = 0;
    while (Date.now() < deadline) {
      const sent = await this.relayOnce();
      total += sent;
      if (sent === 0) break;
    }
    return total;
  }

  /**
   * One pass: takes the relay lock and up to batchSize unsent rows in order, publishes them and
   * marks them sent, all in one transaction. Returns the number published (0 when another relay
   * holds the lock or nothing is pending); throws when Kafka did not take the batch.
   *
   * The lock is taken and the rows are claimed and marked sent by one statement (CLAIM_SQL), before
   * the send: the mark only becomes visible if the transaction commits, which it does
   * after Kafka acknowledged every message. If the send fails, the same transaction clears the mark
   * again and records the error, so the rows stay unsent. Two round trips fewer per pass than
   * lock, SELECT, send, UPDATE (docs/architecture.md §3.4).
   */
  async relayOnce(): Promise<number> {
    // Connect before opening a transaction: no row lock is held while Kafka is unreachable.
    await this.kafka.connectedProducer();
    const result = await this.dataSource.transaction(async (manager): Promise<PassResult> => {
      const [claimed]: [OutboxRow[], number] = await manager.query(CLAIM_SQL, [this.options.relay.batchSize]);
      if (claimed.length === 0) return { sent: 0 };
      // RETURNING does not keep the subquery's order: publish by seq.
      const rows = claimed.sort((a, b) => compareSeq(a.seq, b.seq));
      const ids = rows.map((r) => r.id);
      // One PRODUCER span per event, child of the trace that enqueued it.
      const tracer = tracerOf(this.options.config?.service ?? 'messaging');
      const spans = rows.map((row) =>
        tracer.startSpan(`publish ${row.topic}`, { kind: SpanKind.PRODUCER, attributes: { 'messaging.destination.name': row.topic, 'messaging.message.id': row.id } }, contextFrom({ traceparent: row.headers.traceparent, tracestate: row.headers.tracestate })),
      );
      try {
        await this.kafka.publish(rows.map(toMessage), this.options.relay.maxRequestBytes);
        spans.forEach((span) => span.end());
      } catch (error) {
        spans.forEach((span) => {
          span.recordException(error as Error);
          span.end();
        });
        // Keep the rows (unsent) and record why, then commit that record.
        await manager.query(`UPDATE outbox SET sent_at = NULL, last_error = $2 WHERE id = ANY($1::uuid[])`, [
          ids,
          String((error as Error)?.message ?? error).slice(0, 2000),
        ]);
        return { sent: 0, error };
      }
      return { sent: rows.length };
    });
    if (result.error !== undefined) throw result.error;
    if (result.sent > 0 && this.published) {
      // Count after the commit only; a rolled back pass published nothing for good.
      this.published.inc(result.sent);
    }
    return result.sent;
  }

  /** Deletes sent outbox rows and inbox rows older than their retention; unsent rows are never deleted. */
  async prune(): Promise<{ outbox: number; inbox: number }> {
    const outboxSeconds = this.options.relay.retentionMs / 1000;
    const inboxSeconds = this.options.consumer.inboxRetentionMs / 1000;
    const [, outbox] = await this.dataSource.query(
      `DELETE FROM outbox WHERE id IN (
         SELECT id FROM outbox WHERE sent_at IS NOT NULL AND sent_at < now() - make_interval(secs => $1) LIMIT 10000)`,
      [outboxSeconds],
    );
    const [, inbox] = await this.dataSource.query(
      `DELETE FROM inbox WHERE (event_id, handler) IN (
         SELECT event_id, handler FROM inbox WHERE processed_at < now() - make_interval(secs => $1) LIMIT 10000)`,
      [inboxSeconds],
    );
    return { outbox: Number(outbox ?? 0), inbox: Number(inbox ?? 0) };
  }

  private async loop(): Promise<void> {
    const { pollIntervalMs, batchSize, initialBackoffMs, maxBackoffMs, pruneIntervalMs, lingerMs } = this.options.relay;
    let backoff = 0;
    while (this.running) {
      let sent = 0;
      const passStarted = Date.now();
      try {
        sent = await this.relayOnce();
        if (this.failingSince !== null) {
          this.logger.log(`Kafka reachable again, publishing resumed after ${Date.now() - this.failingSince} ms`);
          this.failingSince = null;
        }
        backoff = 0;
      } catch (error) {
        backoff = backoff === 0 ? initialBackoffMs : Math.min(maxBackoffMs, backoff * 2);
        this.failures?.inc();
        this.logFailure(error, backoff);
      }
      if (this.running && Date.now() - this.lastPrune >= pruneIntervalMs) {
        this.lastPrune = Date.now();
        await this.prune().catch((e) => this.logger.warn(`pruning failed: ${(e as Error).message}`));
      }
      if (!this.running) break;
      if (backoff > 0) await this.pause(backoff, false);
      else if (sent < batchSize) {
        await this.pause(pollIntervalMs, true);
        // Woken early by a commit: let the next few commits join this pass (see RelayOptions.lingerMs).
        const linger = passStarted + lingerMs - Date.now();
        if (linger > 0 && this.running) await this.pause(linger, false);
      }
    }
  }

  private logFailure(error: unknown, backoff: number): void {
    const now = Date.now();
    const message = (error as Error)?.message ?? String(error);
    if (this.failingSince === null) {
      this.failingSince = now;
      this.lastFailureLog = now;
      this.logger.warn(`publishing failed, rows stay in the outbox and are retried (next in ${backoff} ms): ${message}`);
    } else if (now - this.lastFailureLog >= 30_000) {
      this.lastFailureLog = now;
      this.logger.warn(`publishing still failing after ${now - this.failingSince} ms (retrying every ${backoff} ms): ${message}`);
    }
  }

  /** Waits `ms`, or less when nudged (if interruptible) or stopped. */
  private pause(ms: number, interruptible: boolean): Promise<void> {
    if (interruptible && this.nudged) {
      this.nudged = false;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = () => {
        if (!this.running || (interruptible && this.nudged)) {
          this.nudged = false;
          done();
        }
      };
    });
  }

  /** A TypeORM subscriber hears commits and rollbacks of every transaction on this DataSource. */
  private subscribeToCommits(): void {
    if (this.subscribed) return;
    this.subscribed = true;
    const subscriber: EntitySubscriberInterface = {
      afterTransactionCommit: (event: TransactionCommitEvent) => {
        const runner = event.queryRunner;
        // A released savepoint also "commits"; only the outermost commit makes rows visible.
        if (this.pending.has(runner) && !runner.isTransactionActive) {
          this.pending.delete(runner);
          this.nudge();
        }
      },
      afterTransactionRollback: (event: TransactionRollbackEvent) => {
        if (!event.queryRunner.isTransactionActive) this.pending.delete(event.queryRunner);
      },
    };
    (this.dataSource.subscribers as EntitySubscriberInterface[]).push(subscriber);
  }
}

function toMessage(row: OutboxRow): OutgoingMessage {
  return { topic: row.topic, key: row.key, value: row.envelope, headers: row.headers };
}
