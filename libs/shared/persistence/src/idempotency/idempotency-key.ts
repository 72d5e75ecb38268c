import { createHash } from 'node:crypto';
import { ProblemException } from '@capaian/shared/http';

/** The request header a client sets on a write it may retry (docs/architecture.md §5.4). */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
/** Set to `true` on a response that was replayed from a stored answer instead of running the handler again. */
export const IDEMPOTENCY_REPLAYED_HEADER = 'idempotency-replayed';

const KEY_PATTERN = /^[A-Za-z0-9_.:-]{1,200}$/;

/**
 * The key of a request: undefined when the header is absent (the request runs as before), the key
 * when it is well-formed, otherwise a 400 problem. A header sent twice is malformed too: the
 * client's intent would be ambiguous.
 */
export function parseIdempotencyKey(value: string | string[] | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && KEY_PATTERN.test(value)) return value;
  throw new ProblemException(
    400,
    'IDEMPOTENCY_KEY_TIDAK_VALID',
    'Header Idempotency-Key harus berisi 1–200 karakter huruf, angka, atau _ . : -',
  );
}

function canonical(value: unknown): unknown {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return canonical((value as { toJSON(): unknown }).toJSON());
  }
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : canonical(item)));
  if (value !== null && typeof value === 'object') {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const item = (value as Record<string, unknown>)[key];
      if (item !== undefined) sorted[key] = canonical(item);
    }
    return sorted;
  }
  return value;
}

/**
 * JSON with object keys sorted at every depth, so that `{"a":1,"b":2}` and `{"b":2,"a":1}` are
 * the same request. Array order matters (it usually means something). No body = empty string.
 */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return '';
  return JSON.stringify(canonical(value));
}

export interface FingerprintInput {
  method: string;
  /** Path and query string as received (the query can change the meaning, e.g. `dryRun=true`). */
  path: string;
  /** The parsed body: JSON value, string, Buffer, or a stream (uploads). */
  body: unknown;
  /** Used only for bodies that cannot be read up front (streams). */
  contentType?: string;
  contentLength?: string;
}

function isStream(body: unknown): boolean {
  return body !== null && typeof body === 'object' && typeof (body as { pipe?: unknown }).pipe === 'function';
}

/**
 * sha256 of method + path + canonical body: two requests with the same key must have the same
 * fingerprint to be treated as the same request. A streamed upload cannot be hashed before the
 * handler reads it, so for those the content type and length stand in for the bytes.
 */
export function requestFingerprint(input: FingerprintInput): string {
  const hash = createHash('sha256');
  hash.update(input.method.toUpperCase()).update('\n').update(input.path).update('\n');
  if (Buffer.isBuffer(input.body)) hash.update('bytes\n').update(input.body);
  else if (typeof input.body === 'string') hash.update('text\n').update(input.body);
  else if (isStream(input.body)) hash.update(`stream\n${input.contentType ?? ''}\n${input.contentLength ?? ''}`);
  else hash.update('json\n').update(canonicalJson(input.body));
  return hash.digest('hex');
}
