import type { INestApplication } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Scheduler } from '@capaian/shared/scheduling';
import { DataSource } from 'typeorm';
import { mergeOpenApi, type OpenApiDocument, type ServiceDocument } from '../../apps/gateway/src/openapi/merge-openapi';
import { createGatewayApp } from '../../apps/gateway/src/gateway.app';
import { loadGatewayConfig } from '../../apps/gateway/src/gateway.config';
import { startPersonnelApp } from '../../apps/personnel/test/personnel-test-app';
import { startAppraisalTestApp } from '../../apps/appraisal/test/appraisal-test-app';
import { startCareerTestApp } from '../../apps/career/test/career-test-app';
import { startNotificationTestApp } from '../../apps/notification/test/notification-test-app';

/**
 * The services of the platform in-process, each on its own scratch database (`capaian_<service>_fuzz`,
 * created on first use and never a development or `_test` database), started by the services' own
 * test-app helpers, plus a real gateway in front of them.
 */
export interface RunningService {
  name: string;
  url: string;
  app: NestFastifyApplication;
  dataSource: DataSource;
  close(): Promise<void>;
}

export interface Platform {
  services: RunningService[];
  gatewayUrl: string;
  /** The merged OpenAPI document, built from each service's document as the gateway merges them. */
  openApi: OpenApiDocument;
  close(): Promise<void>;
}

const fuzzDatabase = (service: string) => `capaian_${service}_fuzz`;

/** Creates the scratch database (as the `postgres` superuser, owned by the service's user) if missing. */
async function ensureDatabase(name: string, owner: string): Promise<void> {
  const admin = new DataSource({
    type: 'postgres',
    host: process.env.DB_HOST ?? '127.0.0.1',
    port: Number(process.env.DB_PORT ?? 5432),
    username: process.env.PGUSER ?? 'postgres',
    password: process.env.PGPASSWORD ?? 'postgres',
    database: 'postgres',
    extra: { max: 1 },
  });
  await admin.initialize();
  try {
    await admin.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
    const exists: unknown[] = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.length === 0) await admin.query(`CREATE DATABASE "${name}" OWNER "${owner}"`);
  } finally {
    await admin.query('SELECT pg_advisory_unlock(hashtext($1))', [name]).catch(() => undefined);
    await admin.destroy();
  }
}

async function listen(app: NestFastifyApplication): Promise<string> {
  await app.listen(0, '127.0.0.1');
  return (await app.getUrl()).replace('[::1]', '127.0.0.1').replace('localhost', '127.0.0.1');
}

async function stopScheduler(app: NestFastifyApplication): Promise<void> {
  let scheduler: Scheduler | undefined;
  try {
    // Through ModuleRef: an app made by NestFactory exits the process when `app.get` finds nothing.
    scheduler = app.get(ModuleRef).get(Scheduler, { strict: false });
  } catch {
    return; // this service schedules nothing
  }
  await scheduler?.stop();
}

async function startServices(): Promise<RunningService[]> {
  // The appraisal and career helpers read their database name from the environment.
  process.env.APPRAISAL_TEST_DB = fuzzDatabase('appraisal');
  process.env.CAREER_TEST_DB = fuzzDatabase('career');
  await Promise.all(['personnel', 'appraisal', 'career'].map((s) => ensureDatabase(fuzzDatabase(s), `capaian_${s}`)));

  const services: RunningService[] = [];
  const personnel = await startPersonnelApp({ env: { DB_NAME: fuzzDatabase('personnel') }, seed: { employees: 40 } });
  services.push({ name: 'personnel', url: personnel.url, app: personnel.app, dataSource: personnel.dataSource, close: () => personnel.close() });
  for (const [name, start] of [
    ['appraisal', startAppraisalTestApp],
    ['career', startCareerTestApp],
  ] as const) {
    const t = await start();
    services.push({ name, url: await listen(t.app), app: t.app, dataSource: t.dataSource, close: () => t.app.close() });
  }
  // No delivery worker: it would write on its own while the suite compares the tables.
  const notification = await startNotificationTestApp({ database: fuzzDatabase('notification'), deliveryWorker: false });
  services.push({ name: 'notification', url: await listen(notification.app), app: notification.app, dataSource: notification.dataSource, close: () => notification.close() });
  // Their Kafka consumers would write what other tests publish while the suite compares tables:
  // the suite's requests only reach the HTTP side.
  for (const s of services) {
    // Nor may a scheduled job start a new slot mid-run (the suite's requests never schedule anything).
    await stopScheduler(s.app);
    for (const microservice of s.app.getMicroservices()) {
      const server = (microservice as unknown as { serverInstance?: { unwrap?<T>(): T } }).serverInstance;
      const [, consumer] = server?.unwrap?.<[unknown, { stop(): Promise<void> } | undefined]>() ?? [];
      await consumer?.stop();
    }
  }
  return services;
}

export async function startPlatform(): Promise<Platform> {
  const services = await startServices();
  const upstreams = Object.fromEntries(services.map((s) => [`${s.name.toUpperCase()}_URL`, s.url]));
  const gateway = await createGatewayApp(
    loadGatewayConfig({ ...process.env, ...upstreams, LOG_LEVEL: 'error', RATE_LIMIT_MAX: '1000000', RATE_LIMIT_ANONYMOUS_MAX: '1000000' }),
  );
  const gatewayUrl = await listen(gateway);
  const sources: ServiceDocument[] = services.map((s) => ({
    service: s.name,
    document: SwaggerModule.createDocument(s.app as INestApplication, new DocumentBuilder().setTitle(s.name).build()) as unknown as OpenApiDocument,
  }));
  const openApi = mergeOpenApi(sources, { title: 'Capaian API (hostile-input suite)' });
  return {
    services,
    gatewayUrl,
    openApi,
    close: async () => {
      await gateway.close();
      for (const s of services) await s.close().catch(() => undefined);
    },
  };
}

/** Row count and newest transaction id (`xmin`) of each table of a database. */
export type TableStates = Record<string, { rows: number; newestXmin: number }>;

export async function tableStates(dataSource: DataSource): Promise<TableStates> {
  const tables: { name: string }[] = await dataSource.query(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY 1`,
  );
  const states: TableStates = {};
  for (const { name } of tables) {
    const [row] = await dataSource.query(`SELECT count(*)::bigint AS rows, coalesce(max(xmin::text::bigint), 0) AS newest FROM "${name.replace(/"/g, '""')}"`);
    states[name] = { rows: Number(row.rows), newestXmin: Number(row.newest) };
  }
  return states;
}

/**
 * The tables a service writes on its own while nobody calls it (an outbox relay marking rows sent,
 * a scheduler's lease): two snapshots a quiet second apart. They are left out of the comparison.
 */
export async function quietSnapshot(dataSource: DataSource, attempts = 5): Promise<{ states: TableStates; busy: string[] }> {
  let previous = await tableStates(dataSource);
  let busy: string[] = [];
  for (let attempt = 0; attempt < attempts; attempt++) {
    await new Promise((r) => setTimeout(r, 1000));
    const current = await tableStates(dataSource);
    busy = Object.keys(current).filter((t) => JSON.stringify(current[t]) !== JSON.stringify(previous[t]));
    previous = current;
    if (busy.length === 0) break;
  }
  return { states: previous, busy };
}
