import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { Topics } from '@capaian/contracts';
import { loadServiceConfig, loadSmtpConfig, type ServiceConfig, type SmtpConfig } from '@capaian/shared/config';
import { configureHttpApp, createHttpAdapter } from '@capaian/shared/http';
import { connectKafkaConsumer, deleteConsumerGroups, moveConsumerGroupToEnd } from '@capaian/shared/messaging';
import { runMigrations } from '@capaian/shared/persistence';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { Clock, MovableClock } from '../src/clock/clock';
import type { EventFilter } from '../src/core.module';
import { notificationDataSourceOptions } from '../src/data-source';
import { loadNotificationSettings, type NotificationSettings } from '../src/notification.config';
import { ownEventsOnly, RUN_TAG } from './personnel-fixtures';

export interface NotificationTestApp {
  app: NestFastifyApplication;
  dataSource: DataSource;
  config: ServiceConfig;
  settings: NotificationSettings;
  clock: MovableClock;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /**
   * Scratch database of this test file; the run's id is appended (`<database>_<run>`), so test files
   * and two overlapping runs of one file never share rows. Created at start, dropped at close.
   */
  database: string;
  smtp?: Partial<SmtpConfig>;
  settings?: Record<string, string>;
  deliveryWorker?: boolean;
  listen?: boolean;
  /** Act on these events only (default: this run's personnel test events and every ping). */
  eventFilter?: EventFilter;
}

function adminDataSource(): DataSource {
  return new DataSource({
    type: 'postgres',
    host: process.env.DB_HOST ?? '127.0.0.1',
    port: Number(process.env.DB_PORT ?? 5432),
    username: process.env.PGUSER ?? 'postgres',
    password: process.env.PGPASSWORD ?? 'postgres',
    database: 'postgres',
    extra: { max: 1 },
  });
}

async function dropDatabase(name: string): Promise<void> {
  const admin = adminDataSource();
  await admin.initialize();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, '')}" WITH (FORCE)`);
  } finally {
    await admin.destroy();
  }
}

async function ensureDatabase(name: string): Promise<void> {
  const admin = adminDataSource();
  await admin.initialize();
  try {
    await admin.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
    const exists: unknown[] = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.length === 0) await admin.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
    await admin.query('SELECT pg_advisory_unlock(hashtext($1))', [name]);
  } finally {
    await admin.destroy();
  }
}

/**
 * The real AppModule on its own scratch database, consuming from the real Kafka with a fresh
 * consumer group positioned at the topics' end (earlier runs' events are not replayed, a running
 * platform's group `capaian-notification` is never joined), sending through a real SMTP server.
 * It acts only on this run's events (`ownEventsOnly`), and `mailsTo` counts only the mails it sent,
 * so the tests pass beside a running platform and beside another run of themselves.
 */
/** The database of this file's running test service (one per test file), whose deliveries `mailsTo` keeps to. */
let running: DataSource | null = null;

export async function startNotificationTestApp(options: TestAppOptions): Promise<NotificationTestApp> {
  const groupId = `capaian-notification-test-${randomUUID()}`;
  const database = `${options.database}_${RUN_TAG}`;
  await ensureDatabase(database);
  const env = {
    ...process.env,
    DB_NAME: database,
    DB_USER: process.env.PGUSER ?? 'postgres',
    DB_PASSWORD: process.env.PGPASSWORD ?? 'postgres',
    KAFKA_GROUP_ID: groupId,
    LOG_LEVEL: 'warn',
    DELIVERY_POLL_MS: '100',
    DELIVERY_RETRY_BASE_MS: '100',
    DELIVERY_RETRY_MAX_MS: '1000',
    ...options.settings,
  };
  const config = loadServiceConfig('notification', env);
  const settings = loadNotificationSettings(env);
  const clock = new MovableClock();
  // Office hours in Palembang (10.00 WIB today), so that quiet hours never depend on when the tests run.
  clock.set(`${new Date().toISOString().slice(0, 10)}T03:00:00Z`);
  await runMigrations(notificationDataSourceOptions(config));
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.forRoot(config, { smtp: { ...loadSmtpConfig({}), ...options.smtp }, settings, clock, eventFilter: options.eventFilter ?? ownEventsOnly, projectionConsumer: false, scheduler: false, deliveryWorker: options.deliveryWorker ?? true })],
  })
    // The shared scheduler reads the same movable clock; tests tick it themselves.
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  // The adapter of createHttpApp (main.ts): the same limits, correlation ids and framework errors.
  const adapter = createHttpAdapter();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(adapter, { logger: ['error', 'warn'] });
  configureHttpApp(app, 'notification', { title: 'notification (test)' });
  await moveConsumerGroupToEnd(groupId, [Topics.platformPing, Topics.personnelEmployee, Topics.appraisalSkp, Topics.appraisalEvaluation, Topics.careerEnrolment, Topics.careerJp]);
  await connectKafkaConsumer(app, config, { groupId, sessionTimeoutMs: 10_000 });
  if (options.listen) await app.listen(0, '127.0.0.1');
  else await app.init();
  await app.getHttpAdapter().getInstance().ready();
  running = app.get(DataSource);
  return {
    app,
    dataSource: app.get(DataSource),
    config,
    settings,
    clock,
    close: async () => {
      running = null;
      await app.close();
      await deleteConsumerGroups([groupId]);
      await dropDatabase(database);
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

/**
 * Every mail a maildev holds for one recipient that this test's service sent: the Message-ID is one
 * its `delivery` table recorded. A running platform consumes the same topics and may mail the same
 * (unique per run) addresses for the same events; those mails are not this service's and are left out.
 */
export async function mailsTo(address: string, baseUrl = MAILDEV_URL): Promise<MaildevEmail[]> {
  const response = await fetch(`${baseUrl}/api/email`, { signal: AbortSignal.timeout(5_000) });
  if (!response.ok) throw new Error(`maildev ${response.status}`);
  const all = (await response.json()) as MaildevEmail[];
  const toAddress = all.filter((m) => m.to?.some((t) => t.address.toLowerCase() === address.toLowerCase()));
  if (!running) return toAddress;
  const sent: { message_id: string }[] = await running.query(`SELECT message_id FROM delivery WHERE lower(address) = lower($1) AND message_id IS NOT NULL`, [address]);
  const ours = new Set(sent.map((r) => r.message_id));
  return toAddress.filter((m) => ours.has(m.headers['message-id']));
}

/** The raw message (all headers) as the SMTP sink received it. */
export async function mailSource(id: string, baseUrl = MAILDEV_URL): Promise<string> {
  const response = await fetch(`${baseUrl}/api/email/${id}/source`, { signal: AbortSignal.timeout(5_000) });
  if (!response.ok) throw new Error(`maildev ${response.status}`);
  return response.text();
}
