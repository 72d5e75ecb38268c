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
    extra: { max: db.poolSize, application_name: db.database },
  };
}

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
