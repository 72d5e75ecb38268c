import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';

/** The pg pool TypeORM's postgres driver holds (the part used here; pg ships no type declarations). */
interface PgPool {
  query(config: { name?: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/**
 * How many statement texts a process prepares. The texts a caller can cause are bounded by the code
 * (one per combination of filters), so this is never reached in use; a text beyond it is sent
 * unnamed, as TypeORM sends every query, instead of growing each connection's statements for ever.
 */
export const MAX_PREPARED_STATEMENTS = 256;

const names = new Map<string, string>();
let generation = 0;

/** PostgreSQL's answer when a statement prepared before a schema change now returns other columns. */
const isStalePlan = (e: unknown) => (e as { code?: string }).code === '0A000' && /cached plan/i.test((e as Error).message ?? '');
const observers = new Set<(text: string, values: unknown[]) => void>();

/**
 * Runs a read as a named prepared statement on the data source's pool. TypeORM sends every query
 * unnamed, which PostgreSQL parses and plans again each time: for the page of employees planning
 * cost more than executing (docs/benchmarks.md, "Personnel: reads"). A named statement is parsed
 * once per connection, and after five executions PostgreSQL keeps a generic plan when it costs no
 * more than the custom ones. The text must carry every value as a parameter ($n), so that one
 * statement serves every request of its shape.
 *
 * The read runs outside any transaction of the caller: only for reads that need none. A connection
 * pooler between the service and PostgreSQL in transaction mode (the PgBouncer `Pooler` of
 * docs/adr/0004) must keep protocol-level prepared statements (PgBouncer 1.21+,
 * `max_prepared_statements` above zero).
 */
export async function preparedQuery<T>(dataSource: DataSource, text: string, values: unknown[]): Promise<T[]> {
  for (const observe of observers) observe(text, values);
  let name = names.get(text);
  if (name === undefined && names.size < MAX_PREPARED_STATEMENTS) {
    name = `capaian_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    names.set(text, name);
  }
  const pool = (dataSource.driver as unknown as { master: PgPool }).master;
  try {
    const result = await pool.query(name === undefined ? { text, values } : { name, text, values });
    return result.rows as T[];
  } catch (e) {
    // A migration run by a newer replica changed a column this statement returns: the pooled
    // connections keep the old preparation under this name for ever. A new name prepares it anew on
    // every connection; the read is answered instead of failing until the process restarts.
    if (name === undefined || !isStalePlan(e)) throw e;
    const renamed = `${name.replace(/_g\d+$/, '')}_g${++generation}`;
    names.set(text, renamed);
    const result = await pool.query({ name: renamed, text, values });
    return result.rows as T[];
  }
}

/** Sees every statement preparedQuery sends until the returned function is called (tests: query plans). */
export function observePreparedQueries(observe: (text: string, values: unknown[]) => void): () => void {
  observers.add(observe);
  return () => observers.delete(observe);
}
