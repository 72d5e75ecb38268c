import { Inject, Injectable, Optional } from '@nestjs/common';
import { ContractViolationError, contractFor, createEnvelope, validateEnvelope, type EventEnvelope, type NewEvent } from '@capaian/contracts';
import { currentCorrelationId } from '@capaian/shared/http';
import { traceCarrierOf } from '@capaian/shared/observability';
import type { EntityManager } from 'typeorm';
import { MESSAGING_OPTIONS, type ResolvedMessagingOptions } from './messaging.options';
import { eventHeaders } from './wire';

/** Told about every enqueued event, so that the relay can publish right after the commit. */
export interface OutboxListener {
  afterEnqueue(manager: EntityManager): void;
}

export const OUTBOX_LISTENER = Symbol('OUTBOX_LISTENER');

/** `source` may be left out: the service's own source (MessagingModule.forRoot) is used. */
export type OutboxEvent<T> = Omit<NewEvent<T>, 'source'> & { source?: string };

/** Columns bound per outbox row in a multi-row INSERT. */
const OUTBOX_PARAMS_PER_ROW = 6;
/**
 * Rows per INSERT statement of enqueueMany. PostgreSQL allows at most 65535 bind parameters per
 * statement; 1000 rows (6000 parameters) stays far below it while saving nearly every round trip.
 */
export const OUTBOX_INSERT_CHUNK = Math.min(1000, Math.floor(65535 / OUTBOX_PARAMS_PER_ROW));

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Producing side of the transactional outbox (docs/architecture.md §3.4): the event is written in the
 * caller's transaction, next to the state change it describes, and published later by the relay.
 */
@Injectable()
export class OutboxService {
  private readonly source: string;

  constructor(
    @Inject(MESSAGING_OPTIONS) options: Pick<ResolvedMessagingOptions, 'source'>,
    @Optional() @Inject(OUTBOX_LISTENER) private readonly listener: OutboxListener | null = null,
  ) {
    this.source = options.source;
  }

  /**
   * Builds the CloudEvents envelope, checks it against the event's contract and inserts it into
   * the outbox through `manager` (pass the transaction's manager). A contract violation throws
   * ContractViolationError before anything is written. Returns the envelope as it will be published.
   */
  async enqueue<T>(manager: EntityManager, event: NewEvent<T> | OutboxEvent<T>): Promise<EventEnvelope<T>> {
    const [envelope] = await this.enqueueMany<T>(manager, [event]);
    return envelope;
  }

  /**
   * enqueue for many events at once, with the same guarantees: every envelope is built and checked
   * against its contract before anything is written (one invalid event throws ContractViolationError
   * and no row is inserted), and the rows get their `seq` in array order, so the relay publishes one
   * key's events in the order given. Inserts with multi-row statements (OUTBOX_INSERT_CHUNK rows
   * each) instead of one round trip per event. Returns the envelopes in the order of `events`.
   */
  async enqueueMany<T>(manager: EntityManager, events: ReadonlyArray<NewEvent<T> | OutboxEvent<T>>): Promise<EventEnvelope<T>[]> {
    // Build and check everything first: a violation halfway through must not leave earlier rows
    // behind (a caller that catches the error could still commit them).
    const rows = events.map((event) => this.rowOf(event));
    if (rows.length === 0) return [];
    // Several statements outside a transaction would commit one by one; make them all-or-nothing.
    if (rows.length > OUTBOX_INSERT_CHUNK && !manager.queryRunner?.isTransactionActive) {
      await manager.transaction((m) => insertRows(m, rows));
    } else {
      await insertRows(manager, rows);
    }
    this.listener?.afterEnqueue(manager);
    return rows.map((row) => row.envelope);
  }

  private rowOf<T>(event: NewEvent<T> | OutboxEvent<T>): OutboxRowValues<T> {
    const envelope = createEnvelope<T>({
      ...event,
      source: event.source || this.source,
      correlationId: event.correlationId ?? currentCorrelationId(),
    });
    // The trace of the request or event handler that produced it (libs/shared/observability).
    Object.assign(envelope, traceCarrierOf());
    validateEnvelope<T>(envelope);
    if (!UUID.test(envelope.id)) throw new ContractViolationError(envelope.type, ['envelope/id must be a UUID']);
    return { envelope, topic: contractFor(envelope.type).topic };
  }
}

interface OutboxRowValues<T> {
  envelope: EventEnvelope<T>;
  topic: string;
}

async function insertRows(manager: EntityManager, rows: OutboxRowValues<unknown>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += OUTBOX_INSERT_CHUNK) {
    const chunk = rows.slice(i, i + OUTBOX_INSERT_CHUNK);
    const params: unknown[] = [];
    const values: string[] = [];
    for (const { envelope, topic } of chunk) {
      const n = params.length;
      params.push(envelope.id, topic, envelope.subject, envelope.type, JSON.stringify(envelope), JSON.stringify(eventHeaders(envelope)));
      values.push(`($${n + 1}, $${n + 2}, $${n + 3}, $${n + 4}, $${n + 5}::json, $${n + 6}::json)`);
    }
    // `seq` is an identity column, filled as the VALUES rows are inserted, i.e. in list order; the
    // relay publishes by `seq`, so the order of the array is the publishing order.
    await manager.query(`INSERT INTO outbox (id, topic, key, type, envelope, headers) VALUES ${values.join(', ')}`, params);
  }
}
