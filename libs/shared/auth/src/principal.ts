/**
 * Who is calling: built from a verified access token only. Services decide what the caller may
 * see from these fields (roles for coarse rules, `nip`/`opd` for data-level rules).
 */
export interface Principal {
  /** Keycloak subject (`sub`), stable for the life of the account. */
  subject: string;
  /** `preferred_username`: the NIP for staff, `service-account-<client>` for agency apps. */
  username: string;
  /** The employee's NIP (claim `nip`), absent for service accounts. */
  nip?: string;
  /** The OPD code (claim `opd`). */
  opd?: string;
  /** Realm roles (`realm_access.roles`). */
  roles: string[];
  /** The client the token was issued to (`azp`). */
  clientId?: string;
  /** True for client-credentials tokens of agency apps and services. */
  isServiceAccount: boolean;
  /** The raw bearer token, for calls made on the caller's behalf. Never log or return it. */
  token: string;
}

/** The principal as `whoami` returns it: everything but the token. */
export type PublicPrincipal = Omit<Principal, 'token'>;

/** Claims of a Keycloak access token that Capaian reads. */
export interface AccessTokenClaims {
  sub?: unknown;
  preferred_username?: unknown;
  nip?: unknown;
  opd?: unknown;
  azp?: unknown;
  client_id?: unknown;
  realm_access?: { roles?: unknown };
  [claim: string]: unknown;
}

const SERVICE_ACCOUNT_PREFIX = 'service-account-';

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** Maps verified claims to a Principal; `sub` must be present (checked by the verifier). */
export function principalFromClaims(claims: AccessTokenClaims, token: string): Principal {
  const subject = String(claims.sub);
  const username = optionalString(claims.preferred_username) ?? subject;
  const rawRoles = claims.realm_access?.roles;
  const roles = Array.isArray(rawRoles) ? rawRoles.filter((r): r is string => typeof r === 'string') : [];
  const clientId = optionalString(claims.azp) ?? optionalString(claims.client_id);
  // Keycloak adds `client_id` only to client-credentials tokens (service_account scope) and names
  // service-account users `service-account-<client>`; either marks a machine caller.
  const isServiceAccount = optionalString(claims.client_id) !== undefined || username.startsWith(SERVICE_ACCOUNT_PREFIX);
  const principal: Principal = { subject, username, roles, isServiceAccount, token };
  const nip = optionalString(claims.nip);
  if (nip) principal.nip = nip;
  const opd = optionalString(claims.opd);
  if (opd) principal.opd = opd;
  if (clientId) principal.clientId = clientId;
  return principal;
}

export function hasAnyRole(principal: Pick<Principal, 'roles'>, roles: readonly string[]): boolean {
  return roles.some((role) => principal.roles.includes(role));
}

export function toPublicPrincipal(principal: Principal): PublicPrincipal {
  const { token: _token, ...rest } = principal;
  return rest;
}
