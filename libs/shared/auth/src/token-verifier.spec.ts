import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ProblemException } from '@capaian/shared/http';
import { createForgingKey, forgeToken, KEYCLOAK_ISSUER } from '@capaian/shared/testing';
import { isUnauthenticatedPath } from './auth.guard';
import { principalFromClaims } from './principal';
import { TokenVerifier } from './token-verifier';

const key = createForgingKey('unit-key');
const otherKey = createForgingKey('unit-key');
const auth = { keycloakUrl: new URL(KEYCLOAK_ISSUER).origin, realm: 'capaian', audience: 'capaian-api' };
// A static realm key: the unit tests need no Keycloak; the JWKS path is covered further down.
const verifier = new TokenVerifier({ ...auth, realmPublicKey: key.publicKeyBase64 });

async function rejection(promise: Promise<unknown>): Promise<{ status: number; code: string; reason?: unknown }> {
  try {
    await promise;
  } catch (e) {
    expect(e).toBeInstanceOf(ProblemException);
    const p = e as ProblemException;
    return { status: p.getStatus(), code: p.code, reason: p.extras.reason };
  }
  throw new Error('expected a rejection');
}

describe('TokenVerifier (static realm key)', () => {
  it('accepts a well-formed token and maps its claims', async () => {
    const principal = await verifier.verifyAuthorizationHeader(`Bearer ${forgeToken({ key })}`);
    expect(principal).toMatchObject({
      username: '197906012005011002',
      nip: '197906012005011002',
      opd: 'BKPSDM',
      clientId: 'capaian-tests',
      isServiceAccount: false,
    });
    expect(principal.roles).toEqual(expect.arrayContaining(['pegawai', 'admin-bkpsdm']));
  });

  it.each([
    ['no header', undefined],
    ['empty header', ''],
    ['another scheme', 'Basic dXNlcjpwYXNz'],
  ])('refuses %s as TOKEN_TIDAK_ADA', async (_name, header) => {
    expect(await rejection(verifier.verifyAuthorizationHeader(header))).toEqual({ status: 401, code: 'TOKEN_TIDAK_ADA', reason: 'missing' });
  });

  it.each([
    ['not a JWT', 'Bearer abc'],
    ['two segments', 'Bearer aaa.bbb'],
    ['JSON that is not an object', `Bearer ${Buffer.from('[]').toString('base64url')}.${Buffer.from('1').toString('base64url')}.sig`],
    ['a header with spaces in the token', 'Bearer a b c'],
  ])('refuses %s as malformed', async (_name, header) => {
    expect(await rejection(verifier.verifyAuthorizationHeader(header))).toMatchObject({ status: 401, code: 'TOKEN_TIDAK_VALID', reason: 'malformed' });
  });

  it.each(['none', 'HS256', 'RS512', 'PS256'])('refuses alg %s even when the rest is right', async (alg) => {
    expect(await rejection(verifier.verify(forgeToken({ key, alg })))).toMatchObject({ status: 401, code: 'TOKEN_TIDAK_VALID', reason: 'algorithm' });
  });

  it('refuses a token without exp (keycloak-connect alone would accept it)', async () => {
    expect(await rejection(verifier.verify(forgeToken({ key, claims: { exp: undefined } })))).toMatchObject({ code: 'TOKEN_TIDAK_VALID', reason: 'exp_missing' });
  });

  it('refuses an expired token as TOKEN_KEDALUWARSA', async () => {
    expect(await rejection(verifier.verify(forgeToken({ key, expiresIn: -1 })))).toMatchObject({ status: 401, code: 'TOKEN_KEDALUWARSA' });
  });

  it('refuses a future nbf and accepts a past one', async () => {
    expect(await rejection(verifier.verify(forgeToken({ key, notBefore: 120 })))).toMatchObject({ status: 401, code: 'TOKEN_BELUM_BERLAKU' });
    await expect(verifier.verify(forgeToken({ key, notBefore: -5 }))).resolves.toMatchObject({ nip: '197906012005011002' });
  });

  it('honours a configured clock skew for nbf', async () => {
    const lenient = new TokenVerifier({ ...auth, realmPublicKey: key.publicKeyBase64, clockSkewSeconds: 30 });
    await expect(lenient.verify(forgeToken({ key, notBefore: 10 }))).resolves.toBeDefined();
  });

  it.each([
    ['another audience', { aud: 'account' }, 'audience'],
    ['no audience', { aud: undefined }, 'audience'],
    ['another issuer', { iss: 'http://evil.example/realms/capaian' }, 'issuer'],
    ['an ID token', { typ: 'ID' }, 'type'],
    ['a refresh token', { typ: 'Refresh' }, 'type'],
    ['no subject', { sub: undefined }, 'subject_missing'],
  ])('refuses %s', async (_name, claims, reason) => {
    expect(await rejection(verifier.verify(forgeToken({ key, claims })))).toMatchObject({ status: 401, code: 'TOKEN_TIDAK_VALID', reason });
  });

  it('refuses a token signed by another key, and a tampered payload', async () => {
    expect(await rejection(verifier.verify(forgeToken({ key: otherKey })))).toMatchObject({ reason: 'signature' });
    const [h, , s] = forgeToken({ key }).split('.');
    const tampered = `${h}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(forgeToken({ key }).split('.')[1], 'base64url').toString()), realm_access: { roles: ['admin-bkpsdm'] } })).toString('base64url')}.${s}`;
    expect(await rejection(verifier.verify(tampered))).toMatchObject({ reason: 'signature' });
  });
});

describe('TokenVerifier (JWKS)', () => {
  let server: Server;
  let hang = false;
  let fetches = 0;
  let url: string;

  beforeAll(async () => {
    const jwk = { ...key.publicKey.export({ format: 'jwk' }), kid: 'known', alg: 'RS256', use: 'sig' };
    server = createServer((req, res) => {
      if (req.url !== '/realms/capaian/protocol/openid-connect/certs') return void res.writeHead(404).end();
      fetches++;
      if (hang) return; // never answers
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('verifies with a fetched key and maps an unknown kid to 401, also inside the 10 s refetch window', async () => {
    const jwks = new TokenVerifier({ ...auth, keycloakUrl: url, timeoutMs: 1000 });
    const issuerClaims = { iss: `${url}/realms/capaian` };
    await expect(jwks.verify(forgeToken({ key, kid: 'known', claims: issuerClaims }))).resolves.toMatchObject({ opd: 'BKPSDM' });
    // The first fetch happened just now: inside keycloak-connect's 10 s window (its TypeError bug).
    const fetchesBefore = fetches;
    expect(await rejection(jwks.verify(forgeToken({ key, kid: 'unknown', claims: issuerClaims })))).toMatchObject({
      status: 401,
      code: 'TOKEN_TIDAK_VALID',
      reason: 'key_unknown',
    });
    expect(fetches).toBe(fetchesBefore);
    // A fresh verifier fetches, still does not find the kid: the other code path, same answer.
    const fresh = new TokenVerifier({ ...auth, keycloakUrl: url, timeoutMs: 1000 });
    expect(await rejection(fresh.verify(forgeToken({ key, kid: 'unknown', claims: issuerClaims })))).toMatchObject({ status: 401, reason: 'key_unknown' });
  });

  it('maps keycloak-connect failures, including its cache-bug TypeError, to 401 and never rethrows them', async () => {
    const jwks = new TokenVerifier({ ...auth, keycloakUrl: url, timeoutMs: 1000 });
    const grantManager = (jwks as any).keycloak.grantManager;
    const token = forgeToken({ key, kid: 'known', claims: { iss: `${url}/realms/capaian` } });
    const cases: [Error, string][] = [
      [new TypeError("Cannot read properties of undefined (reading 'then')"), 'key_unknown'],
      [new Error("failed to load public key to verify token. Reason: Cannot read properties of undefined (reading 'kty')"), 'key_unknown'],
      [new Error('invalid token (public key signature)'), 'signature'],
      [new Error('something nobody expected'), 'key_unknown'],
    ];
    for (const [error, reason] of cases) {
      grantManager.validateToken = () => Promise.reject(error);
      expect(await rejection(jwks.verify(token))).toMatchObject({ status: 401, reason });
    }
    grantManager.validateToken = () => Promise.reject(new Error('failed to load public key to verify token. Reason: connect ECONNREFUSED 127.0.0.1:8180'));
    expect(await rejection(jwks.verify(token))).toMatchObject({ status: 503, code: 'LAYANAN_IDENTITAS_TIDAK_TERSEDIA' });
  });

  it('answers 503 when the keys cannot be fetched: refused connection or a hanging server', async () => {
    const closed = new TokenVerifier({ ...auth, keycloakUrl: 'http://127.0.0.1:9', timeoutMs: 1000 });
    expect(await rejection(closed.verify(forgeToken({ key, claims: { iss: 'http://127.0.0.1:9/realms/capaian' } })))).toMatchObject({
      status: 503,
      code: 'LAYANAN_IDENTITAS_TIDAK_TERSEDIA',
    });
    hang = true;
    const before = fetches;
    const slow = new TokenVerifier({ ...auth, keycloakUrl: url, timeoutMs: 300 });
    const started = Date.now();
    expect(await rejection(slow.verify(forgeToken({ key, claims: { iss: `${url}/realms/capaian` } })))).toMatchObject({ status: 503 });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(fetches).toBe(before + 1);
    hang = false;
  });
});

describe('TokenVerifier cache of verified tokens', () => {
  it('skips keycloak-connect for a token it verified before, but still checks expiry every time', async () => {
    const cached = new TokenVerifier({ ...auth, realmPublicKey: key.publicKeyBase64, cacheSize: 2 });
    const grantManager = (cached as any).keycloak.grantManager;
    const validate = jest.spyOn(grantManager, 'validateToken');
    const token = forgeToken({ key, expiresIn: 1 });
    await cached.verify(token);
    await cached.verify(token);
    expect(validate).toHaveBeenCalledTimes(1);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await rejection(cached.verify(token))).toMatchObject({ code: 'TOKEN_KEDALUWARSA' });
  });

  it('answers a header carrying a cached token from the cache, and still refuses a malformed header around it', async () => {
    const cached = new TokenVerifier({ ...auth, realmPublicKey: key.publicKeyBase64 });
    const validate = jest.spyOn((cached as any).keycloak.grantManager, 'validateToken');
    const token = forgeToken({ key });
    expect((await cached.verifyAuthorizationHeader(`Bearer ${token}`)).subject).toBeDefined();
    expect((await cached.verifyAuthorizationHeader(`bearer  ${token} `)).subject).toBeDefined();
    expect((await cached.verifyAuthorizationHeader(`Bearer ${token}`)).subject).toBeDefined();
    expect(validate).toHaveBeenCalledTimes(1);
    for (const header of [`Bearer ${token}!`, `Bearer ${token} x`, `Bearer  ${token}=x`]) {
      expect(await rejection(cached.verifyAuthorizationHeader(header))).toMatchObject({ status: 401 });
    }
  });

  it('never caches a refused token and keeps at most cacheSize entries', async () => {
    const cached = new TokenVerifier({ ...auth, realmPublicKey: key.publicKeyBase64, cacheSize: 2 });
    const validate = jest.spyOn((cached as any).keycloak.grantManager, 'validateToken');
    const bad = forgeToken({ key: otherKey });
    await rejection(cached.verify(bad));
    await rejection(cached.verify(bad));
    expect(validate).toHaveBeenCalledTimes(2);
    const [a, b, c] = [forgeToken({ key }), forgeToken({ key }), forgeToken({ key })];
    for (const t of [a, b, c]) await cached.verify(t);
    expect((cached as any).verified.size).toBe(2);
    await cached.verify(a); // evicted first, validated again
    expect(validate).toHaveBeenCalledTimes(6);
  });
});

describe('principalFromClaims', () => {
  it('marks client-credentials tokens as service accounts', () => {
    const p = principalFromClaims(
      { sub: 's', preferred_username: 'service-account-sipd-reader', azp: 'sipd-reader', client_id: 'sipd-reader', realm_access: { roles: ['integrasi-baca'] } },
      't',
    );
    expect(p).toEqual({ subject: 's', username: 'service-account-sipd-reader', roles: ['integrasi-baca'], clientId: 'sipd-reader', isServiceAccount: true, token: 't' });
  });

  it('ignores malformed role lists', () => {
    expect(principalFromClaims({ sub: 's', realm_access: { roles: 'admin-bkpsdm' } }, 't').roles).toEqual([]);
    expect(principalFromClaims({ sub: 's', realm_access: { roles: ['pegawai', 7] } }, 't').roles).toEqual(['pegawai']);
  });
});

describe('isUnauthenticatedPath', () => {
  it.each([
    ['/health', true],
    ['/health/live', true],
    ['/health/ready?x=1', true],
    ['/metrics', true],
    ['/openapi.json', true],
    ['/api/v1/personnel/health/live', false],
    ['/api/v1/personnel/metrics', false],
    ['/healthz', false],
    ['/metrics/extra', false],
  ])('%s → %s', (path, expected) => {
    expect(isUnauthenticatedPath(path)).toBe(expected);
  });
});
