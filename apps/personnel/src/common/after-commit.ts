import { Logger } from '@nestjs/common';
import { isDatabaseUnavailable } from '@capaian/shared/http';

/**
 * The answer of a write whose transaction committed but whose read-back could not reach the
 * database: the change is saved (and its events are in the outbox), only its full view is missing.
 */
export interface SavedWithoutView {
  id: string;
  tersimpan: true;
  keterangan: string;
}

const logger = new Logger('ReadAfterCommit');
/** Pauses between attempts: about seven seconds in all, the length of a short database outage. */
const PAUSES_MS = [100, 200, 400, 800, 1600, 2000, 2000];

/**
 * Reads the answer of a committed write (ADR 0003 §2, step 5). Once the transaction has committed,
 * the client must hear that it succeeded: an error here would invite a retry of a write that
 * already happened. So a read that cannot reach the database is tried again for a few seconds, and
 * if the database stays out of reach the answer is what is known — the id and that it was saved.
 * Any other error is a bug and still surfaces.
 */
export async function readAfterCommit<T>(id: string, read: () => Promise<T>, sleep = defaultSleep): Promise<T | SavedWithoutView> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await read();
    } catch (e) {
      if (!isDatabaseUnavailable(e)) throw e;
      if (attempt >= PAUSES_MS.length) {
        logger.warn(`committed ${id}, but its view could not be read: ${(e as Error).message}`);
        return { id, tersimpan: true, keterangan: 'Perubahan sudah tersimpan; data lengkapnya dapat dibaca ulang beberapa saat lagi' };
      }
      await sleep(PAUSES_MS[attempt]);
    }
  }
}

function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * A side effect after a committed write (the SSO account follows the employee). It reads the
 * database first; when the database is out of reach, the committed write still answers success and
 * the effect is reported as not done (`fallback`), to be repeated later — it is never a 503 for a
 * write that happened.
 */
export async function sideEffectAfterCommit<T>(what: string, effect: () => Promise<T>, fallback: T): Promise<T> {
  try {
    return await effect();
  } catch (e) {
    if (!isDatabaseUnavailable(e)) throw e;
    logger.warn(`${what} skipped after a committed write, the database is out of reach: ${(e as Error).message}`);
    return fallback;
  }
}
