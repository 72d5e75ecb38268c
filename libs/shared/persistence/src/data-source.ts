import { Logger } from '@nestjs/common';
import type { DatabaseConfig } from '@capaian/shared/config';
import { DataSource, type DataSourceOptions, type EntitySchema, type MixedList } from 'typeorm';

// TypeORM 1.x wants explicit lists (no globs) so that a built service finds exactly what it ships.
type EntityList = MixedList<string | Function | EntitySchema>;
type MigrationList = MixedList<string | Function>;

export function dataSourceOptions(db: DatabaseConfig, entities: EntityList, migrations: MigrationList): DataSourceOptions {
  return {
    type: 'postgres',
    host: db.host,
    port: db.port,
    database: db.database,
    username: db.username,
    password: db.password,
    entities,
    migrations,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    // Never let TypeORM change the schema by itself: migrations are the only way (docs/architecture.md §6).
    synchronize: false,
    migrationsRun: false,
    extra: {
      max: db.poolSize,
      application_name: db.database,
      // Without a bound a request waits for ever on a server that accepts no connections; with it
      // the request ends as 503 (libs/shared/http, isDatabaseUnavailable) and the client retries.
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      // A connection whose peer vanished (a network cut) is noticed instead of waiting for ever.
      keepAlive: true,
    },
    // An idle pooled client whose backend is terminated (57P01 from pg_terminate_backend, a server
    // restart) emits `error`; the pool drops that client and the next query opens a new one. The
    // handler must exist, or the event would kill the process; it is logged, nothing more.
    poolErrorHandler: (error: Error) => poolLogger.warn(`idle database connection lost: ${error.message}`),
  };
}

const CONNECT_TIMEOUT_MS = 10_000;
const poolLogger = new Logger('DatabasePool');

/** Runs pending migrations and reports what ran; used by each service's `migrate` command and by tests. */
export async function runMigrations(options: DataSourceOptions): Promise<string[]> {
  const dataSource = new DataSource(options);
  await dataSource.initialize();
  try {
    const ran = await dataSource.runMigrations({ transaction: 'each' });
    return ran.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}
