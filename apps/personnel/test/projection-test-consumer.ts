import { randomUUID } from 'node:crypto';
import { Module, type DynamicModule } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { loadServiceConfig, type DatabaseConfig } from '@capaian/shared/config';
import { PlatformHttpModule } from '@capaian/shared/http';
import { connectKafkaConsumer, deleteConsumerGroups, messagingEntities, messagingMigrations, moveConsumerGroupToEnd } from '@capaian/shared/messaging';
import { dataSourceOptions, PersistenceModule, runMigrations } from '@capaian/shared/persistence';
import { MessagingModule } from '@capaian/shared/messaging';
import { PersonnelDirectory, PersonnelProjection, PersonnelProjectionModule, PROJECTION_TOPICS, projectionEntities, projectionMigrations } from '@capaian/shared/projection';
import { DataSource } from 'typeorm';

/**
 * A stand-in for "another service": a Nest application whose only content is the personnel
 * projection, on its own scratch database (created and emptied here as the `postgres` superuser),
 * consuming the real Kafka with a fresh consumer group positioned at the topics' current end.
 */
export interface ProjectionConsumer {
  dataSource: DataSource;
  directory: PersonnelDirectory;
  projection: PersonnelProjection;
  groupId: string;
  close(): Promise<void>;
}

function scratchConfig(database: string): DatabaseConfig {
  return {
    host: process.env.DB_HOST ?? '127.0.0.1',
    port: Number(process.env.DB_PORT ?? 5432),
    database,
    username: process.env.PGUSER ?? 'postgres',
    password: process.env.PGPASSWORD ?? 'postgres',
    poolSize: 10,
  };
}

async function withAdmin<T>(fn: (ds: DataSource) => Promise<T>, database = 'postgres'): Promise<T> {
  const db = scratchConfig(database);
  const ds = new DataSource({ type: 'postgres', host: db.host, port: db.port, username: db.username, password: db.password, database, extra: { max: 1 } });
  await ds.initialize();
  try {
    return await fn(ds);
  } finally {
    await ds.destroy();
  }
}

/** Creates the database if needed (owned by `owner`) and empties its public schema. */
export async function freshDatabase(name: string, owner?: string): Promise<void> {
  await withAdmin(async (ds) => {
    const exists: unknown[] = await ds.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.length === 0) await ds.query(`CREATE DATABASE "${name}"${owner ? ` OWNER "${owner}"` : ''}`);
  });
  await withAdmin(async (ds) => {
    await ds.query('DROP SCHEMA IF EXISTS public CASCADE');
    await ds.query(`CREATE SCHEMA public${owner ? ` AUTHORIZATION "${owner}"` : ''}`);
  }, name);
}

export async function startProjectionConsumer(database: string): Promise<ProjectionConsumer> {
  await freshDatabase(database);
  const options = dataSourceOptions(scratchConfig(database), [...messagingEntities, ...projectionEntities], [...messagingMigrations, ...projectionMigrations]);
  await runMigrations(options);
  const groupId = `capaian-projection-test-${randomUUID()}`;
  const config = loadServiceConfig('appraisal', { ...process.env, DB_NAME: database, KAFKA_GROUP_ID: groupId, LOG_LEVEL: 'warn' });

  @Module({})
  class ProjectionTestModule {
    static forRoot(): DynamicModule {
      return {
        module: ProjectionTestModule,
        imports: [PlatformHttpModule, PersistenceModule.forRoot(options), MessagingModule.forRoot({ config, source: '/capaian/projection-test', relay: false }), PersonnelProjectionModule],
      };
    }
  }

  const moduleRef = await Test.createTestingModule({ imports: [ProjectionTestModule.forRoot()] }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger: ['error', 'warn'] });
  await moveConsumerGroupToEnd(groupId, PROJECTION_TOPICS);
  await connectKafkaConsumer(app, config, { groupId, sessionTimeoutMs: 10_000, partitionsConsumedConcurrently: 6 });
  await app.init();
  return {
    dataSource: app.get(DataSource),
    directory: app.get(PersonnelDirectory),
    projection: app.get(PersonnelProjection),
    groupId,
    close: async () => {
      await app.close();
      await deleteConsumerGroups([groupId]);
    },
  };
}
