import type { DatabaseConfig } from '@capaian/shared/config';
import { dataSourceOptions, runMigrations } from '@capaian/shared/persistence';
import { DataSource } from 'typeorm';
import { messagingEntities, messagingMigrations } from '../messaging.entities';

/**
 * The messaging library's own throwaway database for its integration tests (not exported: test
 * support only). Created on first use as the `postgres` superuser (trust auth on 127.0.0.1), then
 * migrated; an advisory lock serialises parallel Jest workers doing the same.
 */
export const SCRATCH_DATABASE = 'capaian_messaging_test';

export function scratchDatabaseConfig(name = SCRATCH_DATABASE): DatabaseConfig {
  return {
    host: process.env.DB_HOST ?? '127.0.0.1',
    port: Number(process.env.DB_PORT ?? 5432),
    database: name,
    username: process.env.PGUSER ?? 'postgres',
    password: process.env.PGPASSWORD ?? 'postgres',
    poolSize: 10,
  };
}

/** A table the tests' handlers write their "effects" to; no unique key, so a double effect shows. */
const EFFECTS_TABLE = `CREATE TABLE IF NOT EXISTS messaging_test_effect (
  id bigserial PRIMARY KEY,
  event_id text NOT NULL,
  run_id text NOT NULL,
  note text,
  created_at timestamptz NOT NULL DEFAULT now()
)`;

export async function prepareScratchDatabase(name = SCRATCH_DATABASE): Promise<DatabaseConfig> {
  const db = scratchDatabaseConfig(name);
  const connect = async (database: string) => {
    const ds = new DataSource({ type: 'postgres', host: db.host, port: db.port, username: db.username, password: db.password, database, extra: { max: 1 } });
    return ds.initialize();
  };
  // One pooled connection (max 1), so the session-level advisory lock and its unlock share it.
  const admin = await connect('postgres');
  try {
    await admin.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
    const exists: unknown[] = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.length === 0) await admin.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
    await runMigrations(dataSourceOptions(db, messagingEntities, messagingMigrations));
    const scratch = await connect(name);
    try {
      await scratch.query(EFFECTS_TABLE);
    } finally {
      await scratch.destroy();
    }
  } finally {
    await admin.query('SELECT pg_advisory_unlock(hashtext($1))', [name]).catch(() => undefined);
    await admin.destroy();
  }
  return db;
}
