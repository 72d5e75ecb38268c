import type { Principal } from '@capaian/shared/auth';

/** What the proxy hook needs of a caller it has verified before. */
export interface KnownCaller {
  /** The whole header: the map's key is only its end. */
  authorization: string;
  principal: Principal;
  /** The rate-limit bucket, `client:<azp>:<sub>`. */
  rateLimitKey: string;
  /** The token's `exp`, in milliseconds: the entry is never used from then on. */
  expiresAtMs: number;
}

/**
 * Callers the gateway has verified, by the exact `Authorization` header they sent (the signature is
 * part of it, so any altered token misses). A client sends the same token for its whole life, and
 * the TokenVerifier's own cache still builds a fresh Principal and a promise per request; this one
 * hands back the same objects until the token expires. It may only remember a header the verifier
 * accepted, and is bounded: when full, expired entries go first, then the oldest. The services verify
 * the token again whatever the gateway remembers (docs/architecture.md §4.2).
 */
export class PrincipalCache {
  private readonly callers = new Map<string, KnownCaller>();

  constructor(
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.callers.size;
  }

  /** The caller behind this header if it was verified and its token has not expired since. */
  get(authorization: string): KnownCaller | undefined {
    const key = keyOf(authorization);
    const known = this.callers.get(key);
    if (known === undefined || known.authorization !== authorization) return undefined;
    if (known.expiresAtMs > this.now()) return known;
    this.callers.delete(key);
    return undefined;
  }

  /** Remembers a header the verifier accepted (a token without a numeric `exp` is not remembered). */
  remember(authorization: string, principal: Principal, rateLimitKey: string): void {
    if (this.maxEntries <= 0) return;
    const expiresAtMs = expiryOf(principal.token);
    if (expiresAtMs === undefined || expiresAtMs <= this.now()) return;
    if (this.callers.size >= this.maxEntries) {
      const now = this.now();
      for (const [key, known] of this.callers) if (known.expiresAtMs <= now) this.callers.delete(key);
      // A Map iterates in insertion order: the first key is the oldest.
      while (this.callers.size >= this.maxEntries) this.callers.delete(this.callers.keys().next().value as string);
    }
    this.callers.set(keyOf(authorization), { authorization, principal, rateLimitKey, expiresAtMs });
  }
}

/**
 * The map's key: the end of the signature. Hashing the whole ~1.4 KB header on every lookup was the
 * cache's main cost; the whole header is still compared before an entry is used, so two headers
 * that end alike (a forged payload under a copied signature) never share a caller.
 */
function keyOf(authorization: string): string {
  return authorization.length > 64 ? authorization.slice(-64) : authorization;
}

/** `exp` of a token the verifier accepted (so its payload is well-formed JSON), in milliseconds. */
export function expiryOf(token: string): number | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const exp = (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp?: unknown }).exp;
    return typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}
