import { randomUUID } from 'node:crypto';
import { Module, type Provider, type Type } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { loadServiceConfig, type DatabaseConfig, type ServiceConfig } from '@capaian/shared/config';
import { PlatformHttpModule } from '@capaian/shared/http';
import { PersistenceModule, dataSourceOptions } from '@capaian/shared/persistence';
import { DataSource } from 'typeorm';
import { connectKafkaConsumer, type KafkaConsumerOptions } from '../kafka.consumer';
import { messagingEntities } from '../messaging.entities';
import type { ConsumerOptions, RelayOptions } from '../messaging.options';
import { MessagingModule } from '../messaging.module';
import { kafkaBrokersFromEnv, moveConsumerGroupToEnd } from './kafka-probe';

/** Test support (not exported): a Nest app with the messaging module on the scratch database. */
export interface MessagingTestAppOptions {
  db: DatabaseConfig;
  relay?: boolean;
  relayOptions?: Partial<RelayOptions>;
  consumer?: Partial<ConsumerOptions>;
  controllers?: Type[];
  providers?: Provider[];
  /** Topics to consume; the consumer group is new and starts at their current end. */
  consumeTopics?: string[];
  consumerOptions?: KafkaConsumerOptions;
  /** Another broker than KAFKA_BROKERS / 127.0.0.1:9092 (a private one, see private-kafka.ts). */
  brokers?: string[];
}

export interface MessagingTestApp {
  app: NestFastifyApplication;
  config: ServiceConfig;
  dataSource: DataSource;
  groupId: string;
}

export async function createMessagingTestApp(options: MessagingTestAppOptions): Promise<MessagingTestApp> {
  const groupId = `capaian-messaging-test-${randomUUID()}`;
  const config: ServiceConfig = {
    ...loadServiceConfig('notification', { ...kafkaBrokersFromEnv(), ...(options.brokers ? { KAFKA_BROKERS: options.brokers.join(',') } : {}), KAFKA_GROUP_ID: groupId, KAFKA_CLIENT_ID: `capaian-messaging-test-${process.pid}` }),
    database: options.db,
  };

  @Module({
    imports: [
      PlatformHttpModule,
      PersistenceModule.forRoot(dataSourceOptions(options.db, messagingEntities, [])),
      MessagingModule.forRoot({
        config,
        source: '/capaian/messaging-test',
        relay: options.relay ?? true,
        relayOptions: options.relayOptions,
        consumer: options.consumer,
      }),
    ],
    controllers: options.controllers ?? [],
    providers: options.providers ?? [],
  })
  class MessagingTestModule {}

  const moduleRef = await Test.createTestingModule({ imports: [MessagingTestModule] }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger: ['error', 'warn'] });
  try {
    if (options.consumeTopics?.length) {
      await moveConsumerGroupToEnd(groupId, options.consumeTopics, { brokers: options.brokers });
      await connectKafkaConsumer(app, config, { groupId, ...options.consumerOptions });
    }
    await app.init();
  } catch (e) {
    // Release the pool and clients, or Jest never exits.
    await app.close().catch(() => undefined);
    throw e;
  }
  return { app, config, dataSource: app.get(DataSource), groupId };
}

