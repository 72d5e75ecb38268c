import { Logger } from '@nestjs/common';
import { AccountDirectoryError, type AccountDirectory, type AccountProfile, type DirectoryAccount } from '../domain/account-directory.port';

export interface KeycloakAdminOptions {
  /** Base URL, e.g. http://127.0.0.1:8180 */
  url: string;
  realm: string;
  /** Confidential client whose service account has realm-management manage-users, view-users, query-users. */
  clientId: string;
  clientSecret: string;
  timeoutMs?: number;
}

interface KeycloakUser {
  id: string;
  username: string;
  enabled: boolean;
  email?: string;
  firstName?: string;
  lastName?: string;
  attributes?: Record<string, string[]>;
}

/**
 * Keycloak admin REST API with a client-credentials token (cached until shortly before it expires).
 * Only what personnel needs: users by username, create/update/enable, realm role mappings.
 */
export class KeycloakAccountDirectory implements AccountDirectory {
  private readonly logger = new Logger('KeycloakAccountDirectory');
  private token: { value: string; expiresAt: number } | null = null;

  constructor(private readonly options: KeycloakAdminOptions) {}

  private get adminBase(): string {
    return `${this.options.url}/admin/realms/${encodeURIComponent(this.options.realm)}`;
  }

  private async accessToken(): Promise<string> {
    if (this.token && this.token.expiresAt > Date.now() + 10_000) return this.token.value;
    const body = new URLSearchParams({ grant_type: 'client_credentials', client_id: this.options.clientId, client_secret: this.options.clientSecret });
    const res = await this.fetch(`${this.options.url}/realms/${encodeURIComponent(this.options.realm)}/protocol/openid-connect/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    if (!res.ok) throw new AccountDirectoryError(`token request failed: ${res.status} ${await res.text()}`, res.status);
    const json = (await res.json()) as { access_token: string; expires_in: number };
    this.token = { value: json.access_token, expiresAt: Date.now() + json.expires_in * 1000 };
    return json.access_token;
  }

  private async fetch(url: string, init: RequestInit): Promise<Response> {
    try {
      return await fetch(url, { ...init, signal: AbortSignal.timeout(this.options.timeoutMs ?? 5_000) });
    } catch (e) {
      throw new AccountDirectoryError(`Keycloak unreachable: ${(e as Error).message}`);
    }
  }

  private async call(method: string, path: string, body?: unknown, allow404 = false): Promise<Response | null> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const res = await this.fetch(`${this.adminBase}${path}`, {
        method,
        headers: { authorization: `Bearer ${await this.accessToken()}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (res.status === 401 && attempt === 0) {
        // The cached token was revoked or Keycloak restarted: fetch a new one once.
        this.token = null;
        continue;
      }
      if (res.status === 404 && allow404) return null;
      if (!res.ok) throw new AccountDirectoryError(`${method} ${path} failed: ${res.status} ${await res.text()}`, res.status);
      return res;
    }
    throw new AccountDirectoryError(`${method} ${path} unauthorised`, 401);
  }

  async findByUsername(username: string): Promise<DirectoryAccount | null> {
    const res = await this.call('GET', `/users?username=${encodeURIComponent(username)}&exact=true&briefRepresentation=false`);
    const users = (await res!.json()) as KeycloakUser[];
    const user = users.find((u) => u.username === username.toLowerCase() || u.username === username);
    return user ? toAccount(user) : null;
  }

  async create(profile: AccountProfile): Promise<string> {
    const res = await this.call('POST', '/users', {
      username: profile.username,
      email: profile.email ?? undefined,
      emailVerified: !!profile.email,
      firstName: profile.firstName,
      lastName: profile.lastName,
      enabled: true,
      attributes: attributesOf(profile.attributes),
    });
    const location = res!.headers.get('location') ?? '';
    const id = location.slice(location.lastIndexOf('/') + 1);
    if (!id) throw new AccountDirectoryError('Keycloak created a user without returning its location');
    this.logger.log(`created account ${profile.username} (${id})`);
    return id;
  }

  async update(id: string, changes: Partial<AccountProfile> & { enabled?: boolean }): Promise<void> {
    const res = await this.call('GET', `/users/${encodeURIComponent(id)}`);
    const current = (await res!.json()) as KeycloakUser;
    const next: KeycloakUser = { ...current };
    if (changes.email !== undefined) {
      next.email = changes.email ?? undefined;
    }
    if (changes.firstName !== undefined) next.firstName = changes.firstName;
    if (changes.lastName !== undefined) next.lastName = changes.lastName;
    if (changes.enabled !== undefined) next.enabled = changes.enabled;
    if (changes.attributes) next.attributes = { ...(current.attributes ?? {}), ...attributesOf(changes.attributes) };
    if (changes.attributes && !changes.attributes.opd) delete next.attributes!.opd;
    await this.call('PUT', `/users/${encodeURIComponent(id)}`, next);
  }

  async realmRoles(id: string): Promise<string[]> {
    const res = await this.call('GET', `/users/${encodeURIComponent(id)}/role-mappings/realm`);
    return ((await res!.json()) as { name: string }[]).map((r) => r.name);
  }

  /**
   * Role representations come from the user's own role-mapping lists: reading /roles needs
   * view-realm, which the personnel service account deliberately does not have.
   */
  private async userRoles(id: string, which: 'available' | 'assigned'): Promise<{ id: string; name: string }[]> {
    const res = await this.call('GET', `/users/${encodeURIComponent(id)}/role-mappings/realm${which === 'available' ? '/available' : ''}`);
    return ((await res!.json()) as { id: string; name: string }[]).map((r) => ({ id: r.id, name: r.name }));
  }

  async addRealmRoles(id: string, roles: readonly string[]): Promise<void> {
    const available = (await this.userRoles(id, 'available')).filter((r) => roles.includes(r.name));
    const assigned = new Set((await this.userRoles(id, 'assigned')).map((r) => r.name));
    const unknown = roles.filter((r) => !assigned.has(r) && !available.some((a) => a.name === r));
    if (unknown.length > 0) throw new AccountDirectoryError(`realm roles not found: ${unknown.join(', ')}`, 404);
    if (available.length === 0) return;
    await this.call('POST', `/users/${encodeURIComponent(id)}/role-mappings/realm`, available);
  }

  async removeRealmRoles(id: string, roles: readonly string[]): Promise<void> {
    const assigned = (await this.userRoles(id, 'assigned')).filter((r) => roles.includes(r.name));
    if (assigned.length === 0) return;
    await this.call('DELETE', `/users/${encodeURIComponent(id)}/role-mappings/realm`, assigned);
  }

  async delete(id: string): Promise<void> {
    await this.call('DELETE', `/users/${encodeURIComponent(id)}`, undefined, true);
  }
}

function toAccount(u: KeycloakUser): DirectoryAccount {
  return {
    id: u.id,
    username: u.username,
    enabled: u.enabled,
    email: u.email ?? null,
    firstName: u.firstName ?? null,
    lastName: u.lastName ?? null,
    attributes: u.attributes ?? {},
  };
}

function attributesOf(attributes: AccountProfile['attributes']): Record<string, string[]> {
  const out: Record<string, string[]> = { nip: [attributes.nip] };
  if (attributes.opd) out.opd = [attributes.opd];
  return out;
}
