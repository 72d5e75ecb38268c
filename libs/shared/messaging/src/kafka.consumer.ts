import { Logger, type INestApplication } from '@nestjs/common';
import { ServerKafka, type KafkaOptions, type MessageHandler } from '@nestjs/microservices';
import type { ServiceConfig } from '@capaian/shared/config';
import { logLevel, type Consumer, type EachBatchPayload, type KafkaMessage } from 'kafkajs';
import { BATCH_SLOT, BatchGroup } from './batch-slot';
import { kafkaLogCreator } from './kafka.connection';
import { MessagingLifecycle } from './messaging.lifecycle';
import { EventInbox } from './event-inbox.service';
import { QuietHeapCollector } from './quiet-heap-collector';

export interface KafkaConsumerOptions {
  /** Defaults to config.kafka.groupId (one group per service); tests pass a unique one. */
  groupId?: string;
  /**
   * Where a group without committed offsets starts (default true: from the beginning, so a new
   * service or a reset broker misses no event; the inbox makes re-reading harmless).
   */
  fromBeginning?: boolean;
  /** Partitions handled in parallel (default 3); a partition's messages are always handled in order. */
  partitionsConsumedConcurrently?: number;
  /** kafkajs session timeout (default 30 s); the helper heartbeats while a handler runs. */
  sessionTimeoutMs?: number;
  /**
   * Most messages of one partition applied in one database transaction (default 500; 1 = one
   * transaction per message). See BatchingServerKafka.
   */
  maxBatchSize?: number;
  /** kafkajs fetch settings (see kafkaServerOptions for the defaults and why). */
  minBytes?: number;
  maxWaitTimeInMs?: number;
  maxBytesPerPartition?: number;
}

type KafkaServerOptions = Required<KafkaOptions>['options'];

/**
 * Nest's Kafka transport, consuming with kafkajs `eachBatch` instead of `eachMessage`, so that a
 * fetched batch of one partition costs one database transaction instead of one per event.
 * Each message still goes through Nest (`@EventPattern` handlers, which call EventInbox.consume),
 * but carries a BatchSlot: consume registers its handler there and waits. Once every message of
 * the chunk has its consume calls, EventInbox.runBatch applies them in offset order in one
 * transaction (a failing event is isolated, see there). Then the offsets of the messages whose
 * handlers succeeded, up to the first failure, are resolved and committed, after the transaction;
 * a failure is rethrown so that kafkajs redelivers from the first unresolved message.
 */
export class BatchingServerKafka extends ServerKafka {
  constructor(
    options: KafkaServerOptions,
    private readonly inbox: EventInbox,
    private readonly maxBatchSize: number,
    private readonly quietCollector = new QuietHeapCollector(),
  ) {
    super(options);
  }

  /** Handler per topic, found once: Nest looks it up twice per message, with a JSON.parse that throws. */
  private readonly handlers = new Map<string, MessageHandler | null>();

  /**
   * Nest resolves the handler twice per message (handleMessage, handleEvent) by trying
   * JSON.parse on the topic name; the thrown SyntaxError was the consumer's largest single CPU
   * cost in a profile of the throughput bench. Topics are plain strings here, and handlers are
   * all registered before the consumer runs, so a lookup per topic is cached.
   */
  override getHandlerByPattern(pattern: string): MessageHandler | null {
    let handler = this.handlers.get(pattern);
    if (handler === undefined) {
      handler = super.getHandlerByPattern(pattern);
      if (handler) this.handlers.set(pattern, handler);
    }
    return handler;
  }

  override async bindEvents(consumer: Consumer): Promise<void> {
    const topics = [...this.messageHandlers.keys()];
    if (topics.length > 0) await consumer.subscribe({ ...(this.options.subscribe ?? {}), topics });
    await consumer.run({ ...(this.options.run ?? {}), eachBatchAutoResolve: false, eachBatch: (payload) => this.handleBatch(payload) });
    this.quietCollector.start();
  }

  override async close(): Promise<void> {
    this.quietCollector.stop();
    await super.close();
  }

  /** Nest chains several `@EventPattern` handlers of one topic; each calls consume once. */
  private handlerCount(topic: string): number {
    let count = 0;
    let handler = this.getHandlerByPattern(topic) as (MessageHandler & { next?: MessageHandler }) | null;
    while (handler) {
      count++;
      handler = handler.next ?? null;
    }
    return Math.max(1, count);
  }

  private async handleBatch(payload: EachBatchPayload): Promise<void> {
    const { batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale, pause } = payload;
    const expected = this.handlerCount(batch.topic);
    for (let start = 0; start < batch.messages.length; start += this.maxBatchSize) {
      if (!isRunning() || isStale()) break;
      const chunk = batch.messages.slice(start, start + this.maxBatchSize);
      const group = new BatchGroup();
      const handled = chunk.map((message) => {
        const slot = group.slot(expected);
        const tagged = Object.assign({}, message, { [BATCH_SLOT]: slot }) as KafkaMessage;
        return this.handleMessage({ topic: batch.topic, partition: batch.partition, message: tagged, heartbeat, pause })
          .then(
            () => ({ ok: true as const }),
            (error: unknown) => ({ ok: false as const, error }),
          )
          .finally(() => slot.settle());
      });
      await group.whenReady();
      try {
        await this.inbox.runBatch(group.slots);
      } catch (error) {
        // Not expected (runBatch settles every call itself); never leave a handler waiting.
        for (const slot of group.slots) slot.items.forEach((item) => item.reject(error));
      }
      const results = await Promise.all(handled);
      let failure: { error: unknown } | undefined;
      for (let i = 0; i < results.length; i++) {
        const result = results[i];
        if (!result.ok) {
          failure = result;
          break;
        }
        resolveOffset(chunk[i].offset);
      }
      await commitOffsetsIfNecessary();
      this.quietCollector.noteEvents(chunk.length);
      if (failure) throw failure.error;
      await heartbeat();
    }
  }
}

/** The Nest Kafka transport options every service uses (docs/architecture.md §3.5, §9). Exported for tests. */
export function kafkaServerOptions(config: ServiceConfig, options: KafkaConsumerOptions = {}): NonNullable<KafkaOptions['options']> {
  const logger = new Logger('KafkaConsumer');
  return {
    // Nest appends "-server" to clientId and groupId unless told otherwise; the group must be exact.
    postfixId: '',
    client: {
      clientId: `${config.kafka.clientId}-consumer`,
      brokers: config.kafka.brokers,
      connectionTimeout: 3_000,
      logLevel: logLevel.WARN,
      logCreator: kafkaLogCreator(logger, false),
    },
    consumer: {
      groupId: options.groupId ?? config.kafka.groupId,
      allowAutoTopicCreation: false,
      sessionTimeout: options.sessionTimeoutMs ?? 30_000,
      ...(options.minBytes !== undefined ? { minBytes: options.minBytes } : {}),
      ...(options.maxWaitTimeInMs !== undefined ? { maxWaitTimeInMs: options.maxWaitTimeInMs } : {}),
      ...(options.maxBytesPerPartition !== undefined ? { maxBytesPerPartition: options.maxBytesPerPartition } : {}),
      heartbeatInterval: 3_000,
      // When a handler throws (database down, DLQ unreachable) kafkajs retries, then restarts the consumer.
      retry: { retries: 8, initialRetryTime: 300, maxRetryTime: 10_000, restartOnFailure: async () => true },
    },
    subscribe: { fromBeginning: options.fromBeginning ?? true },
    run: { partitionsConsumedConcurrently: options.partitionsConsumedConcurrently ?? 3, autoCommit: true },
    // Raw bytes: the inbox helper parses and validates itself, and dead-letters the original bytes.
    parser: { keepBinary: true },
  };
}

/**
 * Connects the service's Kafka consumer to a Nest application that imports MessagingModule, and
 * starts it. Handlers are `@EventPattern(topic)` methods that call EventInbox.consume. The
 * consumer is stopped first in the ordered shutdown (see MessagingLifecycle).
 * Rejects when Kafka cannot be reached at boot (kafkajs retries for a few seconds first).
 */
export async function connectKafkaConsumer(app: INestApplication, config: ServiceConfig, options: KafkaConsumerOptions = {}): Promise<ServerKafka> {
  const serverOptions = kafkaServerOptions(config, options) as KafkaServerOptions;
  const server = new BatchingServerKafka(serverOptions, app.get(EventInbox), Math.max(1, options.maxBatchSize ?? 500));
  app.connectMicroservice({ strategy: server });
  app.get(EventInbox).useConsumerGroup(options.groupId ?? config.kafka.groupId);
  app.get(MessagingLifecycle).registerConsumer(server);
  await app.startAllMicroservices();
  const [, consumer] = server.unwrap<[unknown, Consumer, unknown]>();
  const lifecycle = app.get(MessagingLifecycle);
  consumer.on(consumer.events.CRASH, (event) => {
    if (!event.payload.restart) lifecycle.reportConsumerCrash(true);
  });
  consumer.on(consumer.events.GROUP_JOIN, () => lifecycle.reportConsumerCrash(false));
  return server;
}
