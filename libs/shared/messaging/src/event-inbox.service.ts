import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import type { KafkaContext } from '@nestjs/microservices';
import { ContractViolationError, contractFor, deadLetterTopic, validateEnvelope, type EventEnvelope } from '@capaian/contracts';
import { isDatabaseUnavailable, MetricsService, runWithCorrelationId } from '@capaian/shared/http';
import { contextFrom, inSpan, SpanKind } from '@capaian/shared/observability';
import { DataSource, type EntityManager } from 'typeorm';
import { batchSlotOf, type BatchItem, type BatchSlot } from './batch-slot';
import { PermanentEventError, retryDelay, sleep } from './failures';
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
  /** Set by the batching consumer: consume then joins the batch's transaction. */
  batch?: BatchSlot;
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
    batch: batchSlotOf(message),
  };
}


/** An event that passed validation and the type filter, ready for its handler. */
interface Accepted<T = unknown> {
  message: ConsumedMessage;
  envelope: EventEnvelope<T>;
  handler: EventHandler<T>;
  handlerName: string;
  options: ConsumeOptions;
}

interface RunItem {
  item: BatchItem;
  accepted: Accepted;
}

type Checked<T> = { accepted: Accepted<T> } | { outcome: ConsumeOutcome } | { dead: { reason: DeadLetterReason; error: unknown } };

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

  /**
   * Call from an `@EventPattern(topic)` handler: `return this.inbox.consume(ctx, async (event, manager) => …)`.
   * Under the batching consumer (connectKafkaConsumer) the call joins its batch: one transaction
   * for the batch's events (see runBatch); the outcome and the guarantees are the same.
   */
  async consume<T = unknown>(ctx: KafkaContext | ConsumedMessage, handler: EventHandler<T>, options: ConsumeOptions = {}): Promise<ConsumeOutcome> {
    const message = 'getMessage' in ctx ? consumedMessageFrom(ctx) : ctx;
    this.inFlight++;
    const started = process.hrtime.bigint();
    try {
      const slot = message.batch;
      const outcome =
        slot && slot.open
          ? await new Promise<ConsumeOutcome>((resolve, reject) => slot.add({ message, handler, options, resolve, reject }))
          : await this.process(message, handler, options);
      this.consumed?.inc({ topic: message.topic, outcome });
      return outcome;
    } finally {
      this.duration?.observe({ topic: message.topic }, Number(process.hrtime.bigint() - started) / 1e9);
      this.inFlight--;
      if (this.inFlight === 0) this.idleWaiters.splice(0).forEach((resolve) => resolve());
    }
  }

  /**
   * Runs the consume calls registered with these slots (one Kafka partition's messages, in offset
   * order) and settles each call's promise. The events that pass validation are applied in ONE
   * transaction: their inbox rows in one INSERT … ON CONFLICT DO NOTHING RETURNING (duplicates,
   * also within the batch, come back missing and are skipped), then each handler in order, with
   * the same manager. If any handler throws, that transaction rolls back and the events are
   * applied again one at a time, in order, each in its own transaction with the usual retries and
   * dead letter: the poison event is isolated and the others still apply once. Invalid messages
   * are dead-lettered after the transaction, in offset order among the other dead letters. An
   * infrastructure failure (database down, dead letter not published) rejects that call and every
   * later one, so kafkajs redelivers them in order.
   */
  async runBatch(slots: BatchSlot[]): Promise<void> {
    const items: BatchItem[] = [];
    for (const slot of slots) {
      slot.open = false;
      items.push(...slot.items);
    }
    const checked = items.map((item) => ({ item, check: this.check(item.message, item.handler, item.options) }));
    let stop: unknown;
    let i = 0;
    while (i < checked.length) {
      const { item, check } = checked[i];
      if (stop !== undefined) {
        item.reject(stop);
        i++;
      } else if ('dead' in check) {
        try {
          item.resolve(await this.deadLetterRejected(item.message, check.dead));
        } catch (error) {
          stop = error;
          item.reject(error);
        }
        i++;
      } else {
        // The events up to the next dead letter: one transaction (dead letters stay in offset order).
        const run: RunItem[] = [];
        for (; i < checked.length && !('dead' in checked[i].check); i++) {
          const next = checked[i];
          if ('accepted' in next.check) run.push({ item: next.item, accepted: next.check.accepted });
          else if ('outcome' in next.check) next.item.resolve(next.check.outcome);
        }
        stop = await this.applyRun(run);
      }
    }
  }

  /**
   * Applies `run` in one transaction. When a handler throws, the transaction rolls back and the
   * run splits around that event: the events before it in one transaction again, the event alone
   * with its remaining attempts and then the dead letter (its failed batch attempt counts as the
   * first), the events after it as a new run. A failure outside the handlers (the inbox insert, the
   * commit) applies the run one event at a time. Returns the error that stopped it (database down,
   * dead letter not published), after rejecting that event and the rest of the run.
   */
  private async applyRun(run: RunItem[]): Promise<unknown> {
    if (run.length === 0) return undefined;
    let failedAt = -1;
    let error: unknown;
    try {
      const outcomes = await this.withHeartbeat(run[0].accepted.message.heartbeat, () =>
        this.applyBatch(
          run.map((r) => r.accepted),
          (index) => (failedAt = index),
        ),
      );
      run.forEach((r, k) => r.item.resolve(outcomes[k]));
      return undefined;
    } catch (e) {
      error = e;
    }
    const rejectFrom = (k: number, reason: unknown) => {
      run.slice(k).forEach((r) => r.item.reject(reason));
      return reason;
    };
    if (failedAt < 0) {
      this.logger.warn(`a batch of ${run.length} event(s) failed outside its handlers (${(error as Error)?.message ?? error}); applying them one by one`);
      for (let k = 0; k < run.length; k++) {
        try {
          run[k].item.resolve(await this.processAccepted(run[k].accepted));
        } catch (e) {
          return rejectFrom(k, e);
        }
      }
      return undefined;
    }
    const stopped = await this.applyRun(run.slice(0, failedAt));
    if (stopped !== undefined) return rejectFrom(failedAt, stopped);
    try {
      run[failedAt].item.resolve(await this.processAccepted(run[failedAt].accepted, { error }));
    } catch (e) {
      return rejectFrom(failedAt, e);
    }
    return this.applyRun(run.slice(failedAt + 1));
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
    const check = this.check(message, handler, options);
    if ('outcome' in check) return check.outcome;
    if ('dead' in check) return this.deadLetterRejected(message, check.dead);
    return this.processAccepted(check.accepted);
  }

  /** Parses and validates the message (not JSON or not a valid event on its topic: dead letter) and applies the type filter. */
  private check<T>(message: ConsumedMessage, handler: EventHandler<T>, options: ConsumeOptions): Checked<T> {
    const decoded = decodeValue(message.value);
    if (!decoded.ok) return { dead: { reason: 'invalid-json', error: new Error(decoded.problem) } };
    let envelope: EventEnvelope<T>;
    try {
      envelope = validateEnvelope<T>(decoded.json);
      const expected = contractFor(envelope.type).topic;
      if (expected !== message.topic) {
        throw new ContractViolationError(envelope.type, [`event type belongs on topic ${expected}, not ${message.topic}`]);
      }
    } catch (error) {
      return { dead: { reason: 'contract-violation', error } };
    }
    if (options.types && !options.types.includes(envelope.type)) return { outcome: 'skipped' };
    return { accepted: { message, envelope, handler, handlerName: options.handler ?? 'default', options } };
  }

  private async deadLetterRejected(message: ConsumedMessage, dead: { reason: DeadLetterReason; error: unknown }): Promise<ConsumeOutcome> {
    await this.deadLetter(message, dead.reason, dead.error, 0);
    return 'dead-lettered';
  }

  /**
   * One event in its own transaction, with bounded retries, then the dead letter. `failedOnce`:
   * its first attempt already failed inside a batch.
   */
  private async processAccepted<T>(accepted: Accepted<T>, failedOnce?: { error: unknown }): Promise<ConsumeOutcome> {
    const { message, envelope, handlerName, options } = accepted;
    const maxAttempts = options.maxAttempts ?? this.options.maxAttempts;
    const baseBackoff = options.retryBackoffMs ?? this.options.retryBackoffMs;
    const heartbeat = () => message.heartbeat().catch(() => undefined);
    let lastError: unknown;
    let attempt = 0;
    if (failedOnce) {
      attempt = 1;
      lastError = failedOnce.error;
      this.logAttemptFailure(accepted, lastError, attempt, maxAttempts);
    }
    while (attempt < maxAttempts && !(lastError instanceof PermanentEventError)) {
      if (attempt > 0) {
        await sleep(retryDelay(attempt, baseBackoff, this.options.maxRetryBackoffMs));
        await heartbeat();
      }
      attempt++;
      const delivery = this.deliveryOf(message, attempt);
      try {
        return await this.withHeartbeat(heartbeat, () =>
          this.dataSource.transaction(async (manager) => {
            // ON CONFLICT waits for a concurrent transaction holding the same id, then reports the duplicate.
            const inserted: unknown[] = await manager.query(
              `INSERT INTO inbox (event_id, handler, type, topic, partition, "offset") VALUES ($1, $2, $3, $4, $5, $6)
               ON CONFLICT (event_id, handler) DO NOTHING RETURNING event_id`,
              [envelope.id, handlerName, envelope.type, delivery.topic, delivery.partition, delivery.offset],
            );
            if (inserted.length === 0) return 'duplicate' as const;
            await this.runHandler(accepted, manager, delivery);
            return 'processed' as const;
          }),
        );
      } catch (error) {
        lastError = error;
        this.logAttemptFailure(accepted, error, attempt, maxAttempts);
      }
    }
    if (isDatabaseUnavailable(lastError)) {
      // Not the message's fault: do not dead-letter it, let kafkajs redeliver once the database is back.
      this.logger.error(`database unavailable while handling ${envelope.id}; the message will be redelivered`);
      throw lastError;
    }
    const reason: DeadLetterReason = lastError instanceof PermanentEventError ? 'permanent-failure' : 'handler-failed';
    await this.deadLetter(message, reason, lastError, attempt);
    return 'dead-lettered';
  }

  private logAttemptFailure(accepted: Pick<Accepted, 'handlerName'> & { envelope: { type: string; id: string } }, error: unknown, attempt: number, maxAttempts: number): void {
    if (error instanceof PermanentEventError) return;
    const { envelope, handlerName } = accepted;
    this.logger.warn(`handler ${handlerName} failed on ${envelope.type} ${envelope.id} (attempt ${attempt}/${maxAttempts}): ${(error as Error)?.message ?? error}`);
  }

  /**
   * The batch's events in one transaction: inbox rows in bulk, then each new event's handler in
   * order. `handlerFailed` learns the index of the event whose handler threw.
   */
  private applyBatch(batch: Accepted[], handlerFailed: (index: number) => void): Promise<ConsumeOutcome[]> {
    return this.dataSource.transaction(async (manager) => {
      const columns = { id: [] as string[], handler: [] as string[], type: [] as string[], topic: [] as string[], partition: [] as number[], offset: [] as string[] };
      for (const a of batch) {
        columns.id.push(a.envelope.id);
        columns.handler.push(a.handlerName);
        columns.type.push(a.envelope.type);
        columns.topic.push(a.message.topic);
        columns.partition.push(a.message.partition);
        columns.offset.push(a.message.offset);
      }
      // One statement; a row already present (or twice in this batch) is not returned: a duplicate.
      const inserted: Array<{ event_id: string; handler: string }> = await manager.query(
        `INSERT INTO inbox (event_id, handler, type, topic, partition, "offset")
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::bigint[])
         ON CONFLICT (event_id, handler) DO NOTHING RETURNING event_id, handler`,
        [columns.id, columns.handler, columns.type, columns.topic, columns.partition, columns.offset],
      );
      const fresh = new Set(inserted.map((r) => `${r.event_id}\u0000${r.handler}`));
      const outcomes: ConsumeOutcome[] = [];
      for (const [index, a] of batch.entries()) {
        // delete(): the first copy of an id in the batch is processed, a later copy is a duplicate.
        if (!fresh.delete(`${a.envelope.id}\u0000${a.handlerName}`)) {
          outcomes.push('duplicate');
          continue;
        }
        try {
          await this.runHandler(a, manager, this.deliveryOf(a.message, 1));
        } catch (error) {
          handlerFailed(index);
          throw error;
        }
        outcomes.push('processed');
      }
      return outcomes;
    });
  }

  private deliveryOf(message: ConsumedMessage, attempt: number): Delivery {
    const key = message.key === null || message.key === undefined ? null : String(rawKey(message.key));
    const heartbeat = () => message.heartbeat().catch(() => undefined);
    // The headers as text only when a handler reads them: most never do, and decoding a dozen
    // headers per event was a measurable share of the consumer's CPU.
    let headers: Record<string, string> | undefined;
    return {
      topic: message.topic,
      partition: message.partition,
      offset: message.offset,
      key,
      get headers() {
        return (headers ??= headersAsText(message.headers));
      },
      attempt,
      heartbeat,
    };
  }

  /** The handler inside a CONSUMER span (child of the producer's trace) and with the event's correlation id. */
  private runHandler<T>(accepted: Accepted<T>, manager: EntityManager, delivery: Delivery): Promise<void> {
    const { envelope, handler, handlerName, message } = accepted;
    const span = {
      kind: SpanKind.CONSUMER,
      parent: contextFrom(envelope),
      attributes: { 'messaging.destination.name': message.topic, 'messaging.message.id': envelope.id, 'capaian.handler': handlerName, 'capaian.attempt': delivery.attempt },
    };
    return runWithCorrelationId(envelope.correlationid, () => inSpan(this.service, `process ${message.topic}`, span, () => handler(envelope, manager, delivery)));
  }

  private async withHeartbeat<R>(heartbeat: () => Promise<void>, fn: () => Promise<R>): Promise<R> {
    // A heartbeat fails while Kafka is down or the group rebalances; the batch's own commit reports
    // that. Unhandled, the rejection would end the process (Node's default for unhandled rejections).
    const timer = setInterval(() => heartbeat().catch(() => undefined), this.options.heartbeatIntervalMs);
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
