/**
 * Polls until `check` returns a truthy value and returns it; an error thrown by `check` counts as
 * "not yet" (a server restarting, a row not committed). After `timeoutMs` it throws, naming the
 * last error. Integration tests wait with this instead of fixed sleeps.
 */
export async function eventually<T>(check: () => Promise<T | undefined | null | false>, timeoutMs = 20_000, intervalMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms${last ? `: ${(last as Error).message}` : ''}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
