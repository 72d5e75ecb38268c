import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHttpApp } from '@capaian/shared/http';
import { runMigrations } from '@capaian/shared/persistence';
import { DataSource } from 'typeorm';
import type { AccountDirectory } from '../src/accounts/domain/account-directory.port';
import { personnelDataSourceOptions } from '../src/data-source';
import { DemoSeeder, type SeedOptions, type SeedResult } from '../src/demo/demo-seeder';
import { DemoModule } from '../src/demo/demo.module';
import { RunImport } from '../src/import/use-cases/run-import';
import { loadPersonnelConfig, type PersonnelConfig } from '../src/personnel.config';

/**
 * One personnel app per test file, on a free port, against the real PostgreSQL (database
 * capaian_personnel_test, schema recreated), Kafka and Keycloak started by infra/infra.sh.
 */
export interface PersonnelTestApp {
  app: NestFastifyApplication;
  url: string;
  config: PersonnelConfig;
  dataSource: DataSource;
  seed: SeedResult | null;
  imports: RunImport;
  close(): Promise<void>;
}

export const TEST_ENV = {
  DB_NAME: 'capaian_personnel_test',
  LOG_LEVEL: 'warn',
  PORT: '3101',
};

export async function resetDatabase(config: PersonnelConfig): Promise<void> {
  const ds = new DataSource({ ...personnelDataSourceOptions(config.service.database), entities: [], migrations: [] });
  await ds.initialize();
  try {
    await ds.query('DROP SCHEMA IF EXISTS public CASCADE');
    await ds.query('CREATE SCHEMA public');
  } finally {
    await ds.destroy();
  }
  await runMigrations(personnelDataSourceOptions(config.service.database));
}

export async function startPersonnelApp(
  options: { accountDirectory?: AccountDirectory; seed?: SeedOptions | false; env?: Record<string, string> } = {},
): Promise<PersonnelTestApp> {
  const config = loadPersonnelConfig({ ...process.env, ...TEST_ENV, ...options.env });
  await resetDatabase(config);
  const app = await createHttpApp(
    DemoModule.forRoot(config, { accountDirectory: options.accountDirectory, messaging: { relayOptions: { pollIntervalMs: 50 } } }),
    config.service,
    { title: 'personnel (test)' },
  );
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  let seed: SeedResult | null = null;
  try {
    if (options.seed !== false) seed = await app.get(DemoSeeder).run({ employees: 400, minFactor: 0.05, linkDemoAccounts: false, ...options.seed });
  } catch (e) {
    await app.close();
    throw e;
  }
  return {
    app,
    url,
    config,
    dataSource: app.get(DataSource),
    seed,
    imports: app.get(RunImport),
    close: () => app.close(),
  };
}

/** Base path of the personnel API on a test app. */
export function api(t: PersonnelTestApp): string {
  return `${t.url}/api/v1/personnel`;
}

export interface HttpResult<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** A small fetch wrapper: JSON in, JSON (or problem+json) out. */
export async function http<T = any>(
  method: string,
  url: string,
  options: { token?: string; body?: unknown; raw?: Buffer | string; contentType?: string } = {},
): Promise<HttpResult<T>> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | Buffer | undefined;
  if (options.raw !== undefined) {
    body = options.raw;
    headers['content-type'] = options.contentType ?? 'application/octet-stream';
  } else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] = 'application/json';
  }
  const res = await fetch(url, { method, headers, body, signal: AbortSignal.timeout(30_000) });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    /* not JSON */
  }
  return { status: res.status, body: parsed as T, headers: res.headers };
}
