import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { loadServiceConfig, type ServiceConfig } from '@capaian/shared/config';
import { configureHttpApp, createHttpAdapter } from '@capaian/shared/http';
import { runMigrations } from '@capaian/shared/persistence';
import { Clock, TestClock } from '@capaian/shared/scheduling';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { careerDataSourceOptions } from '../src/data-source';

export interface CareerTestApp {
  app: NestFastifyApplication;
  dataSource: DataSource;
  config: ServiceConfig;
  /** The clock every rule of the app reads; tests move it. */
  clock: TestClock;
}

/**
 * The real AppModule on the real `capaian_career_test` database (migrated by the same command
 * code as production), configured exactly like main.ts but not listening on a port. The clock is
 * a test clock and the scheduler does not tick by itself.
 */
export async function startCareerTestApp(): Promise<CareerTestApp> {
  const config = loadServiceConfig('career', { ...process.env, DB_NAME: process.env.CAREER_TEST_DB ?? 'capaian_career_test', LOG_LEVEL: 'warn' });
  await runMigrations(careerDataSourceOptions(config));
  const clock = new TestClock('2026-01-05T01:00:00Z');
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config, { scheduling: { enabled: false } })] })
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  // The adapter of createHttpApp (main.ts): the same limits, correlation ids and framework errors.
  const adapter = createHttpAdapter();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(adapter, { logger: ['error', 'warn'] });
  configureHttpApp(app, 'career', { title: 'career (test)' });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return { app, dataSource: app.get(DataSource), config, clock };
}
