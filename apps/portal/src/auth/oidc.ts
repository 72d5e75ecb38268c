import { UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';

/** Keycloak of the realm `capaian`; the portal's own origin serves the callback pages (infra/keycloak/README.md). */
export const KEYCLOAK_AUTHORITY: string =
  (import.meta.env.VITE_KEYCLOAK_AUTHORITY as string | undefined) ?? 'http://127.0.0.1:8180/realms/capaian';

export function createUserManager(origin = window.location.origin): UserManager {
  return new UserManager({
    authority: KEYCLOAK_AUTHORITY,
    client_id: 'capaian-portal',
    redirect_uri: `${origin}/auth/callback`,
    silent_redirect_uri: `${origin}/auth/silent.html`,
    post_logout_redirect_uri: `${origin}/`,
    response_type: 'code',
    scope: 'openid profile email',
    // Tokens live as long as the tab: a closed tab needs a new sign-in, another tab of the same session does not.
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    automaticSilentRenew: true,
    monitorSession: false,
  });
}

export const ROLES = ['pegawai', 'admin-opd', 'admin-bkpsdm', 'pimpinan'] as const;
export type Role = (typeof ROLES)[number];

export interface Principal {
  nip: string;
  name: string;
  opd?: string;
  roles: Role[];
}

/** The roles and NIP from the access token's claims (the API checks them again on every call). */
export function principalOf(user: User): Principal {
  const claims = decodeJwt(user.access_token);
  const roles = ((claims.realm_access as { roles?: string[] } | undefined)?.roles ?? []).filter((r): r is Role =>
    (ROLES as readonly string[]).includes(r),
  );
  return {
    nip: String(claims.nip ?? user.profile.preferred_username ?? ''),
    name: String(user.profile.name ?? claims.name ?? ''),
    opd: claims.opd === undefined ? undefined : String(claims.opd),
    roles,
  };
}

export function decodeJwt(token: string): Record<string, unknown> {
  const part = token.split('.')[1] ?? '';
  const json = atob(part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '='));
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0)))) as Record<string, unknown>;
}
