/**
 * Test helpers for authentication against the real Keycloak started by infra/infra.sh
 * (realm `capaian`, docs/conventions.md), plus forged tokens for negative tests.
 */
import { createHmac, createPublicKey, generateKeyPairSync, type KeyObject, randomUUID, sign } from 'node:crypto';

export const KEYCLOAK_URL = (process.env.KEYCLOAK_URL ?? 'http://127.0.0.1:8180').replace(/\/+$/, '');
export const KEYCLOAK_REALM = process.env.KEYCLOAK_REALM ?? 'capaian';
/** The `iss` of every token of the realm. */
export const KEYCLOAK_ISSUER = `${KEYCLOAK_URL}/realms/${KEYCLOAK_REALM}`;
export const API_AUDIENCE = 'capaian-api';
export const TEST_CLIENT_ID = 'capaian-tests';
export const TEST_CLIENT_SECRET = 'capaian-tests-secret';
export const DEMO_PASSWORD = 'capaian-demo';

/** Clients with a service account (client credentials), from the realm import. */
export const DEMO_CLIENTS = {
  sipdReader: { clientId: 'sipd-reader', secret: 'sipd-reader-secret' },
  gateway: { clientId: 'capaian-gateway', secret: 'capaian-gateway-secret' },
  personnel: { clientId: 'capaian-personnel', secret: 'capaian-personnel-secret' },
} as const;

export interface DemoUser {
  nip: string;
  name: string;
  roles: readonly string[];
  opd: string;
  /** NIP of the direct supervisor, where docs/conventions.md names one. */
  supervisorNip?: string;
}

/** The demo users of docs/conventions.md (username = NIP, password `capaian-demo`). */
export const DEMO_USERS = {
  /** Hendra Saputra: pegawai, admin-bkpsdm (BKPSDM). */
  hendra: { nip: '197906012005011002', name: 'Hendra Saputra', roles: ['pegawai', 'admin-bkpsdm'], opd: 'BKPSDM' },
  /** Ahmad Fauzi: pegawai, pimpinan (head of DISKOMINFO). */
  ahmad: { nip: '197512251998031001', name: 'Ahmad Fauzi', roles: ['pegawai', 'pimpinan'], opd: 'DISKOMINFO' },
  /** Siti Rahmawati: pegawai, pimpinan (head of a bidang in DISKOMINFO). */
  siti: { nip: '198507222010012003', name: 'Siti Rahmawati', roles: ['pegawai', 'pimpinan'], opd: 'DISKOMINFO' },
  /** Rudi Hartono: pegawai, admin-opd (DISKOMINFO). */
  rudi: { nip: '198811102012121001', name: 'Rudi Hartono', roles: ['pegawai', 'admin-opd'], opd: 'DISKOMINFO' },
  /** Dimas Pratama: pegawai (DISKOMINFO), reports to Siti. */
  dimas: { nip: '199203152019031004', name: 'Dimas Pratama', roles: ['pegawai'], opd: 'DISKOMINFO', supervisorNip: '198507222010012003' },
  /** Putri Lestari: pegawai, PPPK (DISKOMINFO), reports to Siti. */
  putri: { nip: '199505052023212005', name: 'Putri Lestari', roles: ['pegawai'], opd: 'DISKOMINFO', supervisorNip: '198507222010012003' },
} as const satisfies Record<string, DemoUser>;

export type DemoUserName = keyof typeof DEMO_USERS;

/** The demo users' NIPs by first name, e.g. `DEMO_NIP.hendra`. */
export const DEMO_NIP = Object.fromEntries(Object.entries(DEMO_USERS).map(([k, v]) => [k, v.nip])) as {
  readonly [K in DemoUserName]: (typeof DEMO_USERS)[K]['nip'];
};

// ---------------------------------------------------------------------------------------------
// Real tokens from Keycloak

interface CachedToken {
  token: string;
  expiresAt: number;
}
const tokenCache = new Map<string, CachedToken>();

async function tokenRequest(cacheKey: string, params: Record<string, string>, realm = KEYCLOAK_REALM): Promise<string> {
  const cached = tokenCache.get(cacheKey);
  // Keycloak's tokens live 300 s; a cached one is reused while it has a minute left.
  if (cached && cached.expiresAt - Date.now() > 60_000) return cached.token;
  const url = `${KEYCLOAK_URL}/realms/${realm}/protocol/openid-connect/token`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(params).toString(),
      signal: AbortSignal.timeout(10_000),
    });
  } catch (e) {
    throw new Error(`Keycloak is not reachable at ${url} (run: bash infra/infra.sh up keycloak): ${(e as Error).message}`);
  }
  const body = (await response.json().catch(() => ({}))) as { access_token?: string; expires_in?: number; error?: string; error_description?: string };
  if (!response.ok || !body.access_token) {
    throw new Error(`token request to ${url} failed: ${response.status} ${body.error ?? ''} ${body.error_description ?? ''}`.trim());
  }
  tokenCache.set(cacheKey, { token: body.access_token, expiresAt: Date.now() + (body.expires_in ?? 60) * 1000 });
  return body.access_token;
}

/** Access token of a user by password grant on the `capaian-tests` client (cached while valid). */
export function getToken(username: string, password: string = DEMO_PASSWORD): Promise<string> {
  return tokenRequest(`password:${TEST_CLIENT_ID}:${username}:${password}`, {
    grant_type: 'password',
    client_id: TEST_CLIENT_ID,
    client_secret: TEST_CLIENT_SECRET,
    username,
    password,
    scope: 'openid',
  });
}

/** Access token of a confidential client's service account (client credentials; cached while valid). */
export function getClientToken(clientId: string, secret: string): Promise<string> {
  return tokenRequest(`client:${clientId}:${secret}`, { grant_type: 'client_credentials', client_id: clientId, client_secret: secret });
}

/**
 * A genuine token of the realm that is NOT meant for `capaian-api`: password grant on the realm's
 * built-in `admin-cli` client, which has no audience mapper (aud is `account` or absent).
 */
export function getTokenWithoutApiAudience(username: string, password: string = DEMO_PASSWORD): Promise<string> {
  return tokenRequest(`password:admin-cli:${username}:${password}`, { grant_type: 'password', client_id: 'admin-cli', username, password });
}

/** Header and payload of a JWT, without any verification (for assertions). */
export function decodeToken(token: string): { header: Record<string, unknown>; payload: Record<string, unknown> } {
  const [header, payload] = token.split('.');
  return {
    header: JSON.parse(Buffer.from(header, 'base64url').toString('utf8')),
    payload: JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')),
  };
}

// ---------------------------------------------------------------------------------------------
// Forged tokens

export interface ForgingKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** The `kid` put in forged headers (Keycloak's own when trusted in the realm). */
  kid: string;
  /** Public key as base64 DER (SPKI), the form of keycloak-connect's `realm-public-key`. */
  publicKeyBase64: string;
  /** Private key, PKCS#8 PEM. */
  privateKeyPem: string;
}

/** A fresh 2048-bit RSA key for signing forged tokens. */
export function createForgingKey(kid = `forged-${randomUUID()}`): ForgingKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    privateKey,
    publicKey,
    kid,
    publicKeyBase64: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

let defaultKey: ForgingKey | undefined;
/** One forging key per test process (generating RSA keys takes a few tens of ms). */
export function defaultForgingKey(): ForgingKey {
  defaultKey ??= createForgingKey();
  return defaultKey;
}

export interface ForgeTokenOptions {
  /** `alg` of the header (default RS256). `none` gives an empty signature; `HS256` signs with `hmacSecret`. */
  alg?: 'RS256' | 'RS384' | 'RS512' | 'PS256' | 'HS256' | 'none' | string;
  /** Signing key (default: defaultForgingKey()). Its `kid` goes into the header unless `kid` is given. */
  key?: ForgingKey;
  kid?: string;
  /** HS256 secret; default: the key's public key PEM (the classic RS/HS confusion attack). */
  hmacSecret?: string | Buffer;
  /** Claims merged over realistic defaults; a claim set to `undefined` is removed (e.g. `{ exp: undefined }`). */
  claims?: Record<string, unknown>;
  /** Extra or overriding header fields. */
  header?: Record<string, unknown>;
  /** Shorthands, seconds from now: `expiresIn: -10` gives an expired token, `notBefore: 600` a future nbf. */
  expiresIn?: number;
  notBefore?: number;
  /** Audience (default `capaian-api`). */
  aud?: string | string[];
}

/**
 * A token that looks like Keycloak's for Hendra (admin-bkpsdm) but is signed by a local key, with
 * any defect a negative test needs. Unless the key is trusted by the realm (trustKeyInRealm), its
 * signature can never verify.
 */
export function forgeToken(options: ForgeTokenOptions = {}): string {
  const key = options.key ?? defaultForgingKey();
  const alg = options.alg ?? 'RS256';
  const now = Math.floor(Date.now() / 1000);
  const user = DEMO_USERS.hendra;
  const claims: Record<string, unknown> = {
    exp: now + (options.expiresIn ?? 300),
    iat: now,
    jti: randomUUID(),
    iss: KEYCLOAK_ISSUER,
    aud: options.aud ?? [API_AUDIENCE, 'account'],
    sub: '00000000-0000-4000-8000-00000000f0ed',
    typ: 'Bearer',
    azp: TEST_CLIENT_ID,
    preferred_username: user.nip,
    nip: user.nip,
    opd: user.opd,
    realm_access: { roles: ['default-roles-capaian', ...user.roles] },
    ...(options.notBefore !== undefined ? { nbf: now + options.notBefore } : {}),
    ...options.claims,
  };
  for (const [name, value] of Object.entries(claims)) if (value === undefined) delete claims[name];
  const header: Record<string, unknown> = { alg, typ: 'JWT', kid: options.kid ?? key.kid, ...options.header };
  for (const [name, value] of Object.entries(header)) if (value === undefined) delete header[name];

  const signingInput = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
  return `${signingInput}.${signature(alg, signingInput, key, options.hmacSecret)}`;
}

function b64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

function signature(alg: string, input: string, key: ForgingKey, hmacSecret?: string | Buffer): string {
  switch (alg) {
    case 'none':
      return '';
    case 'HS256':
      return createHmac('sha256', hmacSecret ?? key.publicKey.export({ type: 'spki', format: 'pem' })).update(input).digest('base64url');
    case 'RS256':
    case 'RS384':
    case 'RS512':
      return sign(`sha${alg.slice(2)}`, Buffer.from(input), key.privateKey).toString('base64url');
    case 'PS256':
      return sign('sha256', Buffer.from(input), { key: key.privateKey, padding: 6 /* RSA_PKCS1_PSS_PADDING */ }).toString('base64url');
    default:
      // Any other alg: sign as RS256 so that only the header tells it apart.
      return sign('sha256', Buffer.from(input), key.privateKey).toString('base64url');
  }
}

// ---------------------------------------------------------------------------------------------
// Keycloak admin (master realm admin/admin, docs/conventions.md)

/** An admin access token of the master realm. */
export function getAdminToken(): Promise<string> {
  return tokenRequest(
    'admin:master',
    { grant_type: 'password', client_id: 'admin-cli', username: process.env.KEYCLOAK_ADMIN ?? 'admin', password: process.env.KEYCLOAK_ADMIN_PASSWORD ?? 'admin' },
    'master',
  );
}

async function admin(path: string, init: RequestInit = {}): Promise<Response> {
  const token = await getAdminToken();
  const response = await fetch(`${KEYCLOAK_URL}/admin/realms/${KEYCLOAK_REALM}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(init.headers as Record<string, string>) },
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) throw new Error(`Keycloak admin ${init.method ?? 'GET'} ${path}: ${response.status} ${await response.text()}`);
  return response;
}

const TRUSTED_KEY_PROVIDER_NAME = 'capaian-test-forging-key';

/**
 * Makes the realm publish `key` in its JWKS as a passive (verify-only, never used for signing) RSA
 * key, so forged tokens pass the signature check and only the other checks can refuse them. Returns
 * the key with Keycloak's `kid` and a `remove()` to call in afterAll. A key left behind by a crashed
 * run is replaced, never accumulated.
 */
export async function trustKeyInRealm(key: ForgingKey = createForgingKey()): Promise<ForgingKey & { remove(): Promise<void> }> {
  const realm = (await (await admin('')).json()) as { id: string };
  await removeTrustedKeys();
  const created = await admin('/components', {
    method: 'POST',
    body: JSON.stringify({
      name: TRUSTED_KEY_PROVIDER_NAME,
      providerId: 'rsa',
      providerType: 'org.keycloak.keys.KeyProvider',
      parentId: realm.id,
      config: {
        priority: ['-1000'],
        enabled: ['true'],
        active: ['false'],
        algorithm: ['RS256'],
        privateKey: [key.privateKeyPem],
      },
    }),
  });
  const componentId = (created.headers.get('location') ?? '').split('/').pop();
  const keys = (await (await admin('/keys')).json()) as { keys: { kid: string; providerId: string; publicKey?: string }[] };
  const published = keys.keys.find((k) => k.providerId === componentId || k.publicKey === key.publicKeyBase64);
  if (!published) throw new Error('Keycloak did not list the trusted test key');
  // Sanity: the public key Keycloak holds is ours.
  if (published.publicKey && createPublicKey({ key: Buffer.from(published.publicKey, 'base64'), format: 'der', type: 'spki' }).export({ format: 'jwk' }).n !== key.publicKey.export({ format: 'jwk' }).n) {
    throw new Error('Keycloak holds a different public key than the one given');
  }
  return { ...key, kid: published.kid, remove: removeTrustedKeys };
}

async function removeTrustedKeys(): Promise<void> {
  const components = (await (await admin(`/components?type=org.keycloak.keys.KeyProvider&name=${TRUSTED_KEY_PROVIDER_NAME}`)).json()) as { id: string; name: string }[];
  for (const c of components.filter((c) => c.name === TRUSTED_KEY_PROVIDER_NAME)) await admin(`/components/${c.id}`, { method: 'DELETE' });
}
