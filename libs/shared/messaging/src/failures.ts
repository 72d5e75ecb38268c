/**
 * Throw from an event handler when retrying cannot help (the event refers to something that will
 * never exist, a rule forbids it): the event goes to `<topic>.dlq` at once, without further attempts.
 */
export class PermanentEventError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PermanentEventError';
  }
}

/** Delay before attempt `attempt + 1` (attempt counts from 1): base, 2×base, 4×base… capped. */
export function retryDelay(attempt: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
