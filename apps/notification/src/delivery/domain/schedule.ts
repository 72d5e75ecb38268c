/**
 * Time rules of the delivery queue: exponential backoff between attempts and quiet hours.
 * Palembang is on WIB (UTC+7, no daylight saving), so Asia/Jakarta is a fixed offset here.
 */
const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;

export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

/** Delay after the `attempts`-th failed attempt (1-based): base, 2×base, 4×base… capped at max. */
export function backoffDelay(attempts: number, policy: BackoffPolicy): number {
  return Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, Math.min(attempts - 1, 30)));
}

export function nextAttemptAt(now: Date, attempts: number, policy: BackoffPolicy): Date {
  return new Date(now.getTime() + backoffDelay(attempts, policy));
}

export interface QuietHours {
  /** Hour (0–23, WIB) when quiet hours start, e.g. 21. */
  startHour: number;
  /** Hour (0–23, WIB) when mail may go again, e.g. 6. */
  endHour: number;
}

function wibHour(at: Date): number {
  return new Date(at.getTime() + WIB_OFFSET_MS).getUTCHours();
}

/** True between start and end (WIB), across midnight when start > end. */
export function isQuietTime(at: Date, quiet: QuietHours): boolean {
  if (quiet.startHour === quiet.endHour) return false;
  const h = wibHour(at);
  return quiet.startHour > quiet.endHour ? h >= quiet.startHour || h < quiet.endHour : h >= quiet.startHour && h < quiet.endHour;
}

/** The first moment at or after `at` outside quiet hours: `at` itself, or the next end of quiet hours. */
export function firstSendableTime(at: Date, quiet: QuietHours): Date {
  if (!isQuietTime(at, quiet)) return at;
  const wib = new Date(at.getTime() + WIB_OFFSET_MS);
  const endToday = Date.UTC(wib.getUTCFullYear(), wib.getUTCMonth(), wib.getUTCDate(), quiet.endHour) - WIB_OFFSET_MS;
  return new Date(endToday > at.getTime() ? endToday : endToday + 24 * HOUR_MS);
}

/** `YYYY-MM-DD` of the WIB calendar day containing `at`. */
export function wibDate(at: Date): string {
  return new Date(at.getTime() + WIB_OFFSET_MS).toISOString().slice(0, 10);
}

/** The UTC instant of `hour`:00 WIB on the WIB day containing `at`. */
export function wibTimeOnDay(at: Date, hour: number): Date {
  const wib = new Date(at.getTime() + WIB_OFFSET_MS);
  return new Date(Date.UTC(wib.getUTCFullYear(), wib.getUTCMonth(), wib.getUTCDate(), hour) - WIB_OFFSET_MS);
}
