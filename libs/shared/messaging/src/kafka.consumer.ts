import { Logger, type INestApplication } from '@nestjs/common';
import { ServerKafka, type KafkaOptions } from '@nestjs/microservices';
import type { ServiceConfig } from '@capaian/shared/config';
import { logLevel, type Consumer } from 'kafkajs';
import { kafkaLogCreator } from './kafka.connection';
import { MessagingLifecycle } from './messaging.lifecycle';
import { EventInbox } from './event-inbox.service';

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
  const serverOptions = kafkaServerOptions(config, options);
  const server = new ServerKafka(serverOptions);
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
