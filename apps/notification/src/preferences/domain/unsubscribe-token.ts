import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The token of an unsubscribe link: `<payload>.<signature>`, both base64url; the payload names the
 * NIP, the category and the expiry (seconds since epoch), the signature is HMAC-SHA256 with the
 * configured secret. Without the secret nobody can make one for another person or category, and an
 * old link stops working after its expiry.
 */
export interface UnsubscribeClaims {
  nip: string;
  kategori: string;
  expiresAt: Date;
}

export type UnsubscribeCheck = { ok: true; claims: UnsubscribeClaims } | { ok: false; reason: 'malformed' | 'forged' | 'expired' };

function sign(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}

export function signUnsubscribeToken(secret: string, claims: UnsubscribeClaims): string {
  const payload = Buffer.from(JSON.stringify({ n: claims.nip, k: claims.kategori, e: Math.floor(claims.expiresAt.getTime() / 1000) })).toString('base64url');
  return `${payload}.${sign(secret, payload)}`;
}

export function verifyUnsubscribeToken(secret: string, token: string, now: Date): UnsubscribeCheck {
  const parts = token.split('.');
  if (parts.length !== 2 || !/^[A-Za-z0-9_-]+$/.test(parts[0]) || !/^[A-Za-z0-9_-]+$/.test(parts[1])) return { ok: false, reason: 'malformed' };
  const [payload, signature] = parts;
  const expected = Buffer.from(sign(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'forged' };
  let parsed: { n?: unknown; k?: unknown; e?: unknown };
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (typeof parsed.n !== 'string' || typeof parsed.k !== 'string' || typeof parsed.e !== 'number') return { ok: false, reason: 'malformed' };
  const expiresAt = new Date(parsed.e * 1000);
  if (expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, claims: { nip: parsed.n, kategori: parsed.k, expiresAt } };
}
