import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { Topics } from '@capaian/contracts';
import { loadServiceConfig, type ServiceConfig } from '@capaian/shared/config';
import { configureHttpApp, createHttpAdapter } from '@capaian/shared/http';
import { connectKafkaConsumer, deleteConsumerGroups, moveConsumerGroupToEnd } from '@capaian/shared/messaging';
import { runMigrations } from '@capaian/shared/persistence';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { notificationDataSourceOptions } from '../src/data-source';

export interface NotificationTestApp {
  app: NestFastifyApplication;
  dataSource: DataSource;
  config: ServiceConfig;
  close(): Promise<void>;
}

/**
 * The real AppModule on `capaian_notification_test`, consuming from the real Kafka with a fresh
 * consumer group positioned at the topic's end (so earlier runs' events are not replayed), and
 * sending through the real SMTP sink (maildev) from the default SMTP configuration.
 */
export async function startNotificationTestApp(): Promise<NotificationTestApp> {
  const groupId = `capaian-notification-test-${randomUUID()}`;
  const config = loadServiceConfig('notification', {
    ...process.env,
    DB_NAME: process.env.NOTIFICATION_TEST_DB ?? 'capaian_notification_test',
    KAFKA_GROUP_ID: groupId,
    LOG_LEVEL: 'warn',
  });
  await runMigrations(notificationDataSourceOptions(config));
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config)] }).compile();
  // The adapter of createHttpApp (main.ts): the same limits, correlation ids and framework errors.
  const adapter = createHttpAdapter();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(adapter, { logger: ['error', 'warn'] });
  configureHttpApp(app, 'notification', { title: 'notification (test)' });
  await moveConsumerGroupToEnd(groupId, [Topics.platformPing]);
  await connectKafkaConsumer(app, config, { groupId, sessionTimeoutMs: 10_000 });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    dataSource: app.get(DataSource),
    config,
    close: async () => {
      await app.close();
      await deleteConsumerGroups([groupId]);
    },
  };
}

export const MAILDEV_URL = (process.env.MAILDEV_URL ?? 'http://127.0.0.1:1080').replace(/\/+$/, '');

/** A mail as maildev's REST API (`GET /api/email`) returns it; only the fields the tests read. */
export interface MaildevEmail {
  id: string;
  subject: string;
  text: string;
  html: string;
  from: { address: string; name: string }[];
  to: { address: string; name: string }[];
  /** Lower-cased header names, e.g. `message-id`, `x-capaian-event-id`. */
  headers: Record<string, string>;
}

/** Every mail maildev holds for one recipient (tests use a unique address per case). */
export async function mailsTo(address: string): Promise<MaildevEmail[]> {
  const response = await fetch(`${MAILDEV_URL}/api/email`, { signal: AbortSignal.timeout(5_000) });
  if (!response.ok) throw new Error(`maildev ${response.status}`);
  const all = (await response.json()) as MaildevEmail[];
  return all.filter((m) => m.to?.some((t) => t.address.toLowerCase() === address.toLowerCase()));
}
