import type { Principal } from '@capaian/shared/auth';
import { expiryOf, PrincipalCache } from './principal-cache';

/** A token with the given exp (seconds) and a signature as long as RS256's, not a valid one: the cache only sees tokens the verifier accepted. */
function tokenExpiringAt(expSeconds: unknown): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'RS256' })}.${part({ sub: 'u-1', exp: expSeconds })}.${'s'.repeat(320)}${Buffer.from(String(expSeconds)).toString('base64url').padStart(22, 's')}`;
}

function principalOf(token: string): Principal {
  return { subject: 'u-1', username: '197906012005011002', roles: ['pegawai'], isServiceAccount: false, clientId: 'capaian-portal', token };
}

describe('PrincipalCache', () => {
  let nowMs = 1_000_000_000_000;
  const clock = () => nowMs;
  beforeEach(() => {
    nowMs = 1_000_000_000_000;
  });

  it('hands back the same caller for the same header until the token expires, then forgets it', () => {
    const cache = new PrincipalCache(10, clock);
    const token = tokenExpiringAt(nowMs / 1000 + 300);
    const principal = principalOf(token);
    cache.remember(`Bearer ${token}`, principal, 'client:capaian-portal:u-1');

    expect(cache.get(`Bearer ${token}`)).toEqual({ authorization: `Bearer ${token}`, principal, rateLimitKey: 'client:capaian-portal:u-1', expiresAtMs: nowMs + 300_000 });
    nowMs += 299_999;
    expect(cache.get(`Bearer ${token}`)?.principal).toBe(principal);
    nowMs += 1;
    expect(cache.get(`Bearer ${token}`)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('misses on any other header, an altered signature included', () => {
    const cache = new PrincipalCache(10, clock);
    const token = tokenExpiringAt(nowMs / 1000 + 300);
    cache.remember(`Bearer ${token}`, principalOf(token), 'k');
    expect(cache.get(`Bearer ${token}x`)).toBeUndefined();
    expect(cache.get(`bearer ${token}`)).toBeUndefined();
    expect(cache.get(token)).toBeUndefined();
    // Same signature, another payload: the end of the header is alike, the header is not.
    const forged = `${tokenExpiringAt(nowMs / 1000 + 3000).split('.').slice(0, 2).join('.')}.${token.split('.')[2]}`;
    expect(cache.get(`Bearer ${forged}`)).toBeUndefined();
  });

  it('does not remember a token that has already expired or has no numeric exp', () => {
    const cache = new PrincipalCache(10, clock);
    for (const exp of [nowMs / 1000, nowMs / 1000 - 1, undefined, '9999999999', null]) {
      const token = tokenExpiringAt(exp);
      cache.remember(`Bearer ${token}`, principalOf(token), 'k');
    }
    cache.remember('Bearer not-a-jwt', principalOf('not-a-jwt'), 'k');
    expect(cache.size).toBe(0);
  });

  it('stays within its bound: expired entries go first, then the oldest', () => {
    const cache = new PrincipalCache(3, clock);
    const short = tokenExpiringAt(nowMs / 1000 + 10);
    const long = [1, 2, 3].map((i) => tokenExpiringAt(nowMs / 1000 + 300 + i));
    cache.remember(`Bearer ${long[0]}`, principalOf(long[0]), 'a');
    cache.remember(`Bearer ${short}`, principalOf(short), 's');
    cache.remember(`Bearer ${long[1]}`, principalOf(long[1]), 'b');
    nowMs += 20_000;
    // Full: the expired one makes room, the oldest live one stays.
    cache.remember(`Bearer ${long[2]}`, principalOf(long[2]), 'c');
    expect(cache.size).toBe(3);
    expect(cache.get(`Bearer ${long[0]}`)?.rateLimitKey).toBe('a');
    const fourth = tokenExpiringAt(nowMs / 1000 + 400);
    cache.remember(`Bearer ${fourth}`, principalOf(fourth), 'd');
    expect(cache.size).toBe(3);
    expect(cache.get(`Bearer ${long[0]}`)).toBeUndefined();
    expect(cache.get(`Bearer ${fourth}`)?.rateLimitKey).toBe('d');
  });

  it('remembers nothing with a bound of 0', () => {
    const cache = new PrincipalCache(0, clock);
    const token = tokenExpiringAt(nowMs / 1000 + 300);
    cache.remember(`Bearer ${token}`, principalOf(token), 'k');
    expect(cache.get(`Bearer ${token}`)).toBeUndefined();
  });

  it('reads exp in milliseconds', () => {
    expect(expiryOf(tokenExpiringAt(1_700_000_000))).toBe(1_700_000_000_000);
    expect(expiryOf('a.%%%.c')).toBeUndefined();
    expect(expiryOf('')).toBeUndefined();
  });
});
