/**
 * A consumer service in a process of its own, for the reliability test that kills it with SIGKILL:
 * the batching Kafka consumer and EventInbox, as every service wires them, with a handler that
 * writes one row per event (messaging_test_effect has no unique key, so an event applied twice
 * shows as two rows). Prints `ready` once consuming.
 *   node -r ./tests/reliability/support/register-ts.cjs tests/reliability/support/consumer-process.ts
 *   env RELIABILITY_DB, KAFKA_BROKERS, KAFKA_GROUP_ID, RUN_ID
 */
import 'reflect-metadata';
import { Controller, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, EventPattern, KafkaContext } from '@nestjs/microservices';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Topics, type PlatformPingData } from '@capaian/contracts';
import { loadServiceConfig, type ServiceConfig } from '@capaian/shared/config';
import { PlatformHttpModule } from '@capaian/shared/http';
import { PersistenceModule, dataSourceOptions } from '@capaian/shared/persistence';
import { EventInbox, MessagingModule, connectKafkaConsumer, messagingEntities } from '@capaian/shared/messaging';
import { prepareScratchDatabase } from '../../../libs/shared/messaging/src/testing/scratch-database';

const runId = process.env.RUN_ID ?? '';

@Controller()
class EffectConsumer {
  constructor(private readonly inbox: EventInbox) {}

  @EventPattern(Topics.platformPing)
  async on(@Ctx() ctx: KafkaContext): Promise<void> {
    await this.inbox.consume<PlatformPingData>(ctx, async (event, manager) => {
      if (!event.data.message.startsWith(runId)) return;
      // note = the tag after the run id, as the test counts it.
      await manager.query(`INSERT INTO messaging_test_effect (event_id, run_id, note) VALUES ($1, $2, $3)`, [event.id, runId, event.data.message.split(' ')[1]]);
    });
  }
}

async function main(): Promise<void> {
  const db = await prepareScratchDatabase(process.env.RELIABILITY_DB);
  const config: ServiceConfig = {
    ...loadServiceConfig('notification', {
      KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092',
      KAFKA_GROUP_ID: process.env.KAFKA_GROUP_ID ?? 'capaian-reliability',
      KAFKA_CLIENT_ID: `capaian-reliability-${process.pid}`,
    }),
    database: db,
  };

  @Module({
    imports: [
      PlatformHttpModule,
      PersistenceModule.forRoot(dataSourceOptions(db, messagingEntities, [])),
      MessagingModule.forRoot({ config, source: '/capaian/reliability-consumer', relay: false }),
    ],
    controllers: [EffectConsumer],
  })
  class ConsumerModule {}

  const app = await NestFactory.create<NestFastifyApplication>(ConsumerModule, new FastifyAdapter(), { logger: ['error', 'warn'] });
  await connectKafkaConsumer(app, config, { groupId: config.kafka.groupId, sessionTimeoutMs: 10_000 });
  await app.init();
  console.log('ready');
  const stop = () => void app.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
