/**
 * Yields what `read` returns for each item, in order, having already started the next item's read.
 *
 * A bulk job on one connection otherwise alternates: the database reads a chunk while Node waits,
 * then Node builds the chunk's events while the database waits. With the next read sent first, the
 * database runs it while Node builds, and the current chunk's writes queue behind it on the
 * connection (node-postgres 8 queues a query sent while another runs; its announced version 9 drops
 * that queue, and this must then wait for the write before sending the read). Only for reads that do
 * not depend on the writes of the chunk before them.
 *
 * One read ahead at most. When the caller stops early (a write failed), the read still running is
 * left to end on its own: its failure is not reported twice, and the caller's transaction, rolled
 * back after it, discards it anyway.
 */
export async function* withReadAhead<T, R>(items: readonly T[], read: (item: T) => Promise<R>): AsyncGenerator<R> {
  let next = items.length > 0 ? quiet(read(items[0])) : undefined;
  for (let i = 0; i < items.length; i++) {
    const current = next as Promise<R>;
    next = i + 1 < items.length ? quiet(read(items[i + 1])) : undefined;
    yield await current;
  }
}

/** The same promise, marked as handled: a rejection is seen where it is awaited, never as unhandled meanwhile. */
function quiet<R>(promise: Promise<R>): Promise<R> {
  promise.catch(() => undefined);
  return promise;
}

/** The start index of each chunk of `size` in a list of `length`: 0, size, 2·size, … */
export function chunkStarts(length: number, size: number): number[] {
  const starts: number[] = [];
  for (let i = 0; i < length; i += size) starts.push(i);
  return starts;
}
