import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import type { KafkaContext } from '@nestjs/microservices';
import { ContractViolationError, contractFor, deadLetterTopic, validateEnvelope, type EventEnvelope } from '@capaian/contracts';
import { MetricsService, runWithCorrelationId } from '@capaian/shared/http';
import { contextFrom, inSpan, SpanKind } from '@capaian/shared/observability';
import { DataSource, type EntityManager } from 'typeorm';
import { PermanentEventError, isInfrastructureError, retryDelay, sleep } from './failures';
import { KafkaConnection } from './kafka.connection';
import { MESSAGING_OPTIONS, type ConsumerOptions, type ResolvedMessagingOptions } from './messaging.options';
import { EventHeaders, deadLetterHeaders, decodeValue, headersAsText, rawKey, rawValue, type DeadLetterReason } from './wire';

/** Where a consumed event came from, and how to keep the partition while working long. */
export interface Delivery {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  headers: Record<string, string>;
  /** 1 for the first attempt of this delivery. */
  attempt: number;
  /** Sends a heartbeat now; the helper also heartbeats on a timer while the handler runs. */
  heartbeat(): Promise<void>;
}

/**
 * Applies one event. Write through `manager` only: its transaction also records the event in the
 * inbox, so the writes and the "seen" mark commit together. Throw to retry; throw
 * PermanentEventError when retrying cannot help.
 */
export type EventHandler<T = unknown> = (event: EventEnvelope<T>, manager: EntityManager, delivery: Delivery) => Promise<void>;

export interface ConsumeOptions {
  /**
   * Inbox key next to the event id (default `default`). Give each handler its own name when one
   * service has two handlers for the same topic, so that each applies every event once.
   */
  handler?: string;
  /** Event types this handler applies; others are acknowledged without effect (default: all). */
  types?: readonly string[];
  /** Overrides the module's consumer options for this handler. */
  maxAttempts?: number;
  retryBackoffMs?: number;
}

export type ConsumeOutcome = 'processed' | 'duplicate' | 'skipped' | 'dead-lettered';

/** The pieces of a consumed message the helper needs; KafkaContext provides them. */
export interface ConsumedMessage {
  topic: string;
  partition: number;
  offset: string;
  timestamp?: string;
  key: unknown;
  value: unknown;
  headers: Record<string, unknown> | undefined;
  heartbeat: () => Promise<void>;
}

export function consumedMessageFrom(ctx: KafkaContext): ConsumedMessage {
  const message = ctx.getMessage();
  return {
    topic: ctx.getTopic(),
    partition: ctx.getPartition(),
    offset: message.offset,
    timestamp: message.timestamp,
    key: message.key,
    value: message.value,
    headers: message.headers as Record<string, unknown> | undefined,
    heartbeat: ctx.getHeartbeat(),
  };
}

/**
 * The consuming side (docs/architecture.md §3.5): validates the envelope against its contract, applies
 * the handler once per event id (inbox row and handler writes in one transaction), retries a
 * failing handler a bounded number of times, then copies the message to `<topic>.dlq` with the
 * error and its original key and headers, and returns so the offset commits and the partition
 * moves on. A message that is not JSON or violates its contract goes to the DLQ at once.
 * Only two things make it throw (so kafkajs redelivers instead of committing): the database is
 * unavailable, or the dead letter itself could not be published.
 */
@Injectable()
export class EventInbox {
  private readonly logger = new Logger('Inbox');
  private readonly options: ConsumerOptions;
  private groupId: string;
  /** Names the tracer of the CONSUMER spans. */
  private readonly service: string;
  private inFlight = 0;
  private idleWaiters: Array<() => void> = [];
  private readonly consumed?: ReturnType<MetricsService['counter']>;
  private readonly duration?: ReturnType<MetricsService['histogram']>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly kafka: KafkaConnection,
    @Inject(MESSAGING_OPTIONS) options: Pick<ResolvedMessagingOptions, 'consumer' | 'config'>,
    @Optional() metrics?: MetricsService,
  ) {
    this.options = options.consumer;
    this.groupId = options.config.kafka.groupId;
    this.service = options.config.service;
    this.consumed = metrics?.counter('messaging_events_consumed_total', 'Consumed events by outcome', ['topic', 'outcome']);
    this.duration = metrics?.histogram('messaging_event_handler_duration_seconds', 'Event handling time, retries included', ['topic'], [
      0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
    ]);
  }

  /** Named in dead letters; connectKafkaConsumer sets it when it overrides the configured group. */
  useConsumerGroup(groupId: string): void {
    this.groupId = groupId;
  }

  /** Handlers currently running in this process. */
  get inFlightCount(): number {
    return this.inFlight;
  }

  /** Call from an `@EventPattern(topic)` handler: `return this.inbox.consume(ctx, async (event, manager) => …)`. */
  async consume<T = unknown>(ctx: KafkaContext | ConsumedMessage, handler: EventHandler<T>, options: ConsumeOptions = {}): Promise<ConsumeOutcome> {
    const message = 'getMessage' in ctx ? consumedMessageFrom(ctx) : ctx;
    this.inFlight++;
    const started = process.hrtime.bigint();
    try {
      const outcome = await this.process(message, handler, options);
      this.consumed?.inc({ topic: message.topic, outcome });
      return outcome;
    } finally {
      this.duration?.observe({ topic: message.topic }, Number(process.hrtime.bigint() - started) / 1e9);
      this.inFlight--;
      if (this.inFlight === 0) this.idleWaiters.splice(0).forEach((resolve) => resolve());
    }
  }

  /** Resolves when no handler runs (or after timeoutMs); part of the ordered shutdown. */
  async drain(timeoutMs = this.options.shutdownDrainMs): Promise<boolean> {
    if (this.inFlight === 0) return true;
    let timer: NodeJS.Timeout | undefined;
    const idle = new Promise<boolean>((resolve) => this.idleWaiters.push(() => resolve(true)));
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const drained = await Promise.race([idle, timeout]);
    clearTimeout(timer);
    if (!drained) this.logger.warn(`${this.inFlight} event handler(s) still running after ${timeoutMs} ms`);
    return drained;
  }

  private async process<T>(message: ConsumedMessage, handler: EventHandler<T>, options: ConsumeOptions): Promise<ConsumeOutcome> {
    const decoded = decodeValue(message.value);
    if (!decoded.ok) {
      await this.deadLetter(message, 'invalid-json', new Error(decoded.problem), 0);
      return 'dead-lettered';
    }
    let envelope: EventEnvelope<T>;
    try {
      envelope = validateEnvelope<T>(decoded.json);
      const expected = contractFor(envelope.type).topic;
      if (expected !== message.topic) {
        throw new ContractViolationError(envelope.type, [`event type belongs on topic ${expected}, not ${message.topic}`]);
      }
    } catch (error) {
      await this.deadLetter(message, 'contract-violation', error, 0);
      return 'dead-lettered';
    }
    if (options.types && !options.types.includes(envelope.type)) return 'skipped';

    const maxAttempts = options.maxAttempts ?? this.options.maxAttempts;
    const baseBackoff = options.retryBackoffMs ?? this.options.retryBackoffMs;
    const handlerName = options.handler ?? 'default';
    const headers = headersAsText(message.headers);
    const key = message.key === null || message.key === undefined ? null : String(rawKey(message.key));
    const heartbeat = () => message.heartbeat().catch(() => undefined);
    let lastError: unknown;
    let attempt = 0;
    while (attempt < maxAttempts) {
      attempt++;
      const delivery: Delivery = { topic: message.topic, partition: message.partition, offset: message.offset, key, headers, attempt, heartbeat };
      try {
        // A CONSUMER span per attempt, child of the producer's trace (the envelope's traceparent).
        const span = { kind: SpanKind.CONSUMER, parent: contextFrom(envelope), attributes: { 'messaging.destination.name': message.topic, 'messaging.message.id': envelope.id, 'capaian.handler': handlerName, 'capaian.attempt': attempt } };
        return await runWithCorrelationId(envelope.correlationid, () =>
          inSpan(this.service, `process ${message.topic}`, span, () => this.withHeartbeat(heartbeat, () => this.applyOnce(envelope, handler, handlerName, delivery))),
        );
      } catch (error) {
        lastError = error;
        if (error instanceof PermanentEventError) break;
        this.logger.warn(
          `handler ${handlerName} failed on ${envelope.type} ${envelope.id} (attempt ${attempt}/${maxAttempts}): ${(error as Error)?.message ?? error}`,
        );
        if (attempt < maxAttempts) {
          await sleep(retryDelay(attempt, baseBackoff, this.options.maxRetryBackoffMs));
          await heartbeat();
        }
      }
    }
    if (isInfrastructureError(lastError)) {
      // Not the message's fault: do not dead-letter it, let kafkajs redeliver once the database is back.
      this.logger.error(`database unavailable while handling ${envelope.id}; the message will be redelivered`);
      throw lastError;
    }
    const reason: DeadLetterReason = lastError instanceof PermanentEventError ? 'permanent-failure' : 'handler-failed';
    await this.deadLetter(message, reason, lastError, attempt);
    return 'dead-lettered';
  }

  private applyOnce<T>(envelope: EventEnvelope<T>, handler: EventHandler<T>, handlerName: string, delivery: Delivery): Promise<ConsumeOutcome> {
    return this.dataSource.transaction(async (manager) => {
      // ON CONFLICT waits for a concurrent transaction holding the same id, then reports the duplicate.
      const inserted: unknown[] = await manager.query(
        `INSERT INTO inbox (event_id, handler, type, topic, partition, "offset") VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (event_id, handler) DO NOTHING RETURNING event_id`,
        [envelope.id, handlerName, envelope.type, delivery.topic, delivery.partition, delivery.offset],
      );
      if (inserted.length === 0) return 'duplicate';
      await handler(envelope, manager, delivery);
      return 'processed';
    });
  }

  private async withHeartbeat<R>(heartbeat: () => Promise<void>, fn: () => Promise<R>): Promise<R> {
    const timer = setInterval(() => void heartbeat(), this.options.heartbeatIntervalMs);
    try {
      return await fn();
    } finally {
      clearInterval(timer);
    }
  }

  private async deadLetter(message: ConsumedMessage, reason: DeadLetterReason, error: unknown, attempts: number): Promise<void> {
    const topic = deadLetterTopic(message.topic);
    const headers = deadLetterHeaders(message.headers, {
      reason,
      error,
      attempts,
      topic: message.topic,
      partition: message.partition,
      offset: message.offset,
      timestamp: message.timestamp,
      consumerGroup: this.groupId,
    });
    // Throws if Kafka does not take it: the offset is then not committed and the message comes back.
    await this.kafka.publish([{ topic, key: rawKey(message.key), value: rawValue(message.value), headers }]);
    const id = headersAsText(message.headers)[EventHeaders.id] ?? '(unknown id)';
    this.logger.error(
      `${message.topic}[${message.partition}]@${message.offset} (event ${id}) moved to ${topic}: ${reason}: ${(error as Error)?.message ?? error}`,
    );
  }
}
