import type { EntityManager } from 'typeorm';

/**
 * Runs an UPDATE … RETURNING and gives its rows. TypeORM answers an UPDATE with `[rows, rowCount]`
 * (an INSERT or SELECT with the rows alone), so a conditional update read as a plain list would
 * always look successful.
 */
export async function updateReturning<T = Record<string, unknown>>(m: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  const result = await m.query(sql, params);
  return Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number' ? result[0] : result;
}

/** Runs an UPDATE and gives how many rows it changed. */
export async function updateCount(m: EntityManager, sql: string, params: unknown[]): Promise<number> {
  const result = await m.query(sql, params);
  return Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
}
