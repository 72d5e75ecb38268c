import { problemFor, type ProblemDetails } from './problem';

/** Seconds a client is asked to wait when the service cannot reach its database. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNABORTED']);
// SQLSTATEs that say the server is going away or refusing work, not that the statement was wrong:
// admin_shutdown (pg_terminate_backend), crash_shutdown, cannot_connect_now (starting up or
// shutting down), too_many_connections, configuration_limit_exceeded; class 08 is connection
// exceptions.
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300', '53400']);
// What node-postgres and TypeORM say, without a code, when the connection is lost or cannot be had
// (then: a pool or data source already closed, as while a process shuts down; last: TypeORM's
// query runner released under a running transaction, which it does when its connection emits an
// error — a session terminated mid-transaction — so the transaction's next query throws this,
// naming no cause; the transaction did not commit).
const UNAVAILABLE_MESSAGES =
  /connection terminated|connection timeout|timeout exceeded when trying to connect|client has encountered a connection error|client was closed and is not queryable|connection is not established|query read timeout|cannot use a pool after calling end|driver not connected|datasource is not initialized|query runner already released|connection provided by a query runner was already released/i;

/**
 * True when an error means the database could not be reached or dropped the connection (refused,
 * reset, terminated by an administrator, too many connections) — a fault of the moment that a
 * retry a few seconds later may not meet, unlike a wrong statement or a broken rule. Looks through
 * TypeORM's `driverError`, `cause` and an AggregateError's `errors` (a connect that tried several
 * addresses). The HTTP layer answers such an error with 503; the event inbox
 * (`@capaian/shared/messaging`) redelivers the event later instead of dead-lettering it.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const current = queue.shift();
    if (!current || typeof current !== 'object' || seen.has(current)) continue;
    seen.add(current);
    const e = current as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown; errors?: unknown };
    if (typeof e.code === 'string' && (NETWORK_CODES.has(e.code) || UNAVAILABLE_SQLSTATES.has(e.code) || /^08[0-9A-Z]{3}$/.test(e.code))) return true;
    if (typeof e.message === 'string' && UNAVAILABLE_MESSAGES.test(e.message)) return true;
    queue.push(e.driverError, e.cause);
    if (Array.isArray(e.errors)) queue.push(...e.errors);
  }
  return false;
}

/** The answer while the database is out of reach: 503, to be retried after DATABASE_RETRY_AFTER_SECONDS. */
export function databaseUnavailableProblem(): ProblemDetails {
  return problemFor(503, 'LAYANAN_TIDAK_TERSEDIA', 'Layanan sedang tidak dapat menjangkau basis datanya; coba lagi beberapa saat lagi');
}
