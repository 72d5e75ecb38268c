import type { AuthConfig } from '@capaian/shared/config';
import { ProblemException } from '@capaian/shared/http';
import Keycloak from 'keycloak-connect';
import { identityProviderUnavailable, tokenRejected, type TokenRejectionReason } from './auth-problems';
import { type AccessTokenClaims, type Principal, principalFromClaims } from './principal';

// keycloak-connect's Token class has no typings of its own; this is the part the verifier uses.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const KeycloakToken: new (token: string, clientId?: string) => Keycloak.Token = require('keycloak-connect/middleware/auth-utils/token');

export interface TokenVerifierOptions extends AuthConfig {
  /**
   * Trust this RSA public key (base64 DER/SPKI, as Keycloak's admin console shows it) instead of
   * fetching the realm's JWKS. For unit tests and air-gapped setups; normally left unset.
   */
  realmPublicKey?: string;
  /** Tolerated clock difference for `nbf`, in seconds (default 0: Keycloak sets no nbf anyway). */
  clockSkewSeconds?: number;
  /** Upper bound for one validation, i.e. for fetching the JWKS (default 5000 ms). */
  timeoutMs?: number;
  /** How many verified tokens to remember (default 10000; 0 turns the cache off). */
  cacheSize?: number;
}

const BEARER = /^Bearer[ ]+([A-Za-z0-9\-._~+/]+=*)$/i;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
/** Far above any Keycloak token; refuses absurd input before any parsing. */
const MAX_TOKEN_LENGTH = 16_384;
/** Messages of keycloak-connect's key loading that mean "Keycloak unreachable", not "bad token". */
const UNREACHABLE = /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ECONNRESET|EHOSTUNREACH|ENETUNREACH|ETIMEDOUT|socket hang up|Error fetching JWK Keys/;

class VerificationTimeout extends Error {}

/** The fields of keycloak-connect's Rotation (JWKS cache) the verifier reads. */
interface JwksCache {
  jwks: { kid?: string }[];
  lastTimeRequesTime: number;
  minTimeBetweenJwksRequests: number;
}

/**
 * Checks a bearer token offline with keycloak-connect's `grantManager.validateToken` (signature
 * against the realm's JWKS, issuer, audience, expiry, type) and adds what keycloak-connect does
 * not check (docs/architecture.md §9): the header's `alg` must be RS256, `exp` must exist, `nbf` must not
 * be in the future. Every failure is a ProblemException (401, or 503 when the keys cannot be
 * fetched), never a raw error: the Nest guard and the gateway's Fastify hook share this class.
 */
export class TokenVerifier {
  /** `<keycloakUrl>/realms/<realm>`: the expected `iss`. */
  readonly issuer: string;
  readonly realm: string;
  private readonly keycloak: Keycloak.Keycloak;
  private readonly clockSkewSeconds: number;
  private readonly timeoutMs: number;
  private readonly cacheSize: number;
  /**
   * Tokens that passed keycloak-connect, by their full text (signature included, so any change
   * misses). keycloak-connect re-parses the PEM key on every call (~0.3 ms of CPU per request);
   * a client sends the same token for its whole 5-minute life. What can change with time (exp,
   * nbf) is checked on every request by precheck(), before the cache is consulted.
   */
  private readonly verified = new Map<string, AccessTokenClaims>();

  constructor(private readonly options: TokenVerifierOptions) {
    this.realm = options.realm;
    this.issuer = `${options.keycloakUrl.replace(/\/+$/, '')}/realms/${options.realm}`;
    this.clockSkewSeconds = options.clockSkewSeconds ?? 0;
    this.timeoutMs = options.timeoutMs ?? 5000;
    this.cacheSize = options.cacheSize ?? 10_000;
    const config: Record<string, unknown> = {
      realm: options.realm,
      'auth-server-url': options.keycloakUrl,
      resource: options.audience,
      'bearer-only': true,
      // Off by default in keycloak-connect: without it a token for any client of the realm passes.
      'verify-token-audience': true,
    };
    if (options.realmPublicKey) config['realm-public-key'] = options.realmPublicKey;
    this.keycloak = new Keycloak({}, config as unknown as Keycloak.KeycloakConfig);
  }

  /** Verifies the value of an `Authorization` header; a missing or non-Bearer header is TOKEN_TIDAK_ADA. */
  async verifyAuthorizationHeader(header: string | string[] | undefined): Promise<Principal> {
    const value = Array.isArray(header) ? header[0] : header;
    // The usual case, a client sending again the token it sent before: every cached key passed the
    // checks below once, so `Bearer <cached token>` would pass them again; skip the regexes (they
    // scan the whole token) and go to the cache, which still checks exp and nbf.
    if (value !== undefined && value.startsWith('Bearer ') && this.verified.has(value.slice(7))) return this.verify(value.slice(7));
    if (!value || value.trim() === '') throw tokenRejected('missing');
    if (!/^Bearer\s/i.test(value)) throw tokenRejected('missing');
    const match = BEARER.exec(value.trim());
    if (!match) throw tokenRejected('malformed');
    return this.verify(match[1]);
  }

  /** Verifies a raw compact JWS access token and returns the caller. */
  async verify(token: string): Promise<Principal> {
    // A token seen before was parsed and verified then: only what changes with time is checked again.
    const cached = this.verified.get(token);
    if (cached && this.stillValid(cached)) return principalFromClaims(cached, token);
    let claims: AccessTokenClaims;
    try {
      claims = this.precheck(token);
    } catch (error) {
      this.verified.delete(token);
      throw error;
    }
    if (this.isKidUnfetchable(token)) throw tokenRejected('key_unknown');
    let validated: Keycloak.Token;
    try {
      validated = await this.withTimeout(this.keycloak.grantManager.validateToken(new KeycloakToken(token, this.options.audience), 'Bearer'));
    } catch (error) {
      throw this.mapFailure(error);
    }
    const content = ((validated as unknown as { content?: AccessTokenClaims }).content ?? claims) as AccessTokenClaims;
    if (typeof content.sub !== 'string' || content.sub === '') throw tokenRejected('subject_missing');
    this.remember(token, content);
    return principalFromClaims(content, token);
  }

  /** exp and nbf of claims that passed precheck() once (so both are numbers or nbf is absent). */
  private stillValid(claims: AccessTokenClaims): boolean {
    const nowSeconds = Date.now() / 1000;
    const { exp, nbf } = claims as { exp: number; nbf?: number | null };
    return exp > nowSeconds && (nbf === undefined || nbf === null || nbf <= nowSeconds + this.clockSkewSeconds);
  }

  private remember(token: string, claims: AccessTokenClaims): void {
    if (this.cacheSize <= 0) return;
    if (this.verified.size >= this.cacheSize) {
      // Full: first drop what has expired, then the oldest (a Map iterates in insertion order).
      const now = Date.now() / 1000;
      for (const [cached, c] of this.verified) if (typeof c.exp !== 'number' || c.exp <= now) this.verified.delete(cached);
    }
    while (this.verified.size >= this.cacheSize) this.verified.delete(this.verified.keys().next().value as string);
    this.verified.set(token, claims);
  }

  /** The checks keycloak-connect lacks, done before it sees the token (they only ever refuse). */
  private precheck(token: string): AccessTokenClaims {
    if (token.length > MAX_TOKEN_LENGTH) throw tokenRejected('malformed');
    const parts = token.split('.');
    if (parts.length !== 3 || !BASE64URL.test(parts[0]) || !BASE64URL.test(parts[1])) throw tokenRejected('malformed');
    const header = decodeJson(parts[0]);
    if (!header) throw tokenRejected('malformed');
    // `alg: none`, HS256 with the public key as secret, PS256…: keycloak-connect would not even look.
    if (header.alg !== 'RS256') throw tokenRejected('algorithm');
    const claims = decodeJson(parts[1]) as AccessTokenClaims | undefined;
    if (!claims) throw tokenRejected('malformed');
    if (!BASE64URL.test(parts[2])) throw tokenRejected('signature');
    const nowSeconds = Date.now() / 1000;
    if (claims.exp === undefined || claims.exp === null) throw tokenRejected('exp_missing');
    if (typeof claims.exp !== 'number' || !Number.isFinite(claims.exp)) throw tokenRejected('malformed');
    if (claims.exp <= nowSeconds) throw tokenRejected('expired');
    if (claims.nbf !== undefined && claims.nbf !== null) {
      if (typeof claims.nbf !== 'number' || !Number.isFinite(claims.nbf)) throw tokenRejected('malformed');
      if (claims.nbf > nowSeconds + this.clockSkewSeconds) throw tokenRejected('not_yet_valid');
    }
    return claims;
  }

  /**
   * keycloak-connect refetches the JWKS for an unknown `kid` at most every 10 s; inside that window
   * it logs to console.error and fails with a TypeError. Answer those tokens here instead, so a
   * caller sending random kids can neither flood the logs nor reach the bug. Reads the library's
   * cache fields defensively: if they change, the error mapping below still gives a 401.
   */
  private isKidUnfetchable(token: string): boolean {
    if (this.options.realmPublicKey) return false;
    const rotation = (this.keycloak.grantManager as unknown as { rotation?: Partial<JwksCache> }).rotation;
    if (!rotation || !Array.isArray(rotation.jwks) || typeof rotation.lastTimeRequesTime !== 'number' || typeof rotation.minTimeBetweenJwksRequests !== 'number') {
      return false;
    }
    const kid = decodeJson(token.split('.', 1)[0])?.kid;
    if (rotation.jwks.some((key) => key.kid === kid)) return false;
    return Date.now() / 1000 <= rotation.lastTimeRequesTime + rotation.minTimeBetweenJwksRequests;
  }

  private withTimeout<T>(promise: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new VerificationTimeout(`token validation took over ${this.timeoutMs} ms`)), this.timeoutMs);
      timer.unref();
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
  }

  /**
   * keycloak-connect rejects with plain Errors (and, for an unknown `kid` within 10 s of the last
   * JWKS fetch, with a TypeError from its cache bug): turn every one into a problem, never a 500.
   */
  private mapFailure(error: unknown): ProblemException {
    if (error instanceof ProblemException) return error;
    if (error instanceof VerificationTimeout) return identityProviderUnavailable();
    const message = error instanceof Error ? error.message : String(error);
    const reason = reasonOf(message);
    if (reason === 'unreachable') return identityProviderUnavailable();
    return tokenRejected(reason);
  }
}

function reasonOf(message: string): TokenRejectionReason | 'unreachable' {
  if (message.includes('failed to load public key')) return UNREACHABLE.test(message) ? 'unreachable' : 'key_unknown';
  if (message.includes('(expired)')) return 'expired';
  if (message.includes('wrong audience')) return 'audience';
  if (message.includes('wrong ISS')) return 'issuer';
  if (message.includes('wrong type')) return 'type';
  if (message.includes('stale')) return 'stale';
  if (message.includes('signature') || message.includes('Misconfigured')) return 'signature';
  if (message.includes('not signed')) return 'malformed';
  // The JWKS cache bug ("Cannot read properties of undefined (reading 'then')") and anything else.
  return 'key_unknown';
}

function decodeJson(segment: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
