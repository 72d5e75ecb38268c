import { Inject, Injectable, Optional } from '@nestjs/common';
import { ContractViolationError, contractFor, createEnvelope, validateEnvelope, type EventEnvelope, type NewEvent } from '@capaian/contracts';
import { currentCorrelationId } from '@capaian/shared/http';
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Producing side of the transactional outbox (architecture.md §3): the event is written in the
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
    const envelope = createEnvelope<T>({
      ...event,
      source: event.source || this.source,
      correlationId: event.correlationId ?? currentCorrelationId(),
    });
    validateEnvelope<T>(envelope);
    if (!UUID.test(envelope.id)) throw new ContractViolationError(envelope.type, ['envelope/id must be a UUID']);
    const { topic } = contractFor(envelope.type);
    await manager.query(
      `INSERT INTO outbox (id, topic, key, type, envelope, headers) VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb)`,
      [envelope.id, topic, envelope.subject, envelope.type, JSON.stringify(envelope), JSON.stringify(eventHeaders(envelope))],
    );
    this.listener?.afterEnqueue(manager);
    return envelope;
  }
}
