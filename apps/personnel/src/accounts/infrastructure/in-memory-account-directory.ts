import { randomUUID } from 'node:crypto';
import type { AccountDirectory, AccountProfile, DirectoryAccount } from '../domain/account-directory.port';

/** A directory in memory, for unit tests and for running without Keycloak. */
export class InMemoryAccountDirectory implements AccountDirectory {
  readonly accounts = new Map<string, DirectoryAccount>();
  readonly roles = new Map<string, Set<string>>();

  async findByUsername(username: string): Promise<DirectoryAccount | null> {
    return [...this.accounts.values()].find((a) => a.username === username) ?? null;
  }

  async create(profile: AccountProfile): Promise<string> {
    if (await this.findByUsername(profile.username)) throw new Error(`username ${profile.username} exists`);
    const id = randomUUID();
    this.accounts.set(id, {
      id,
      username: profile.username,
      enabled: true,
      email: profile.email,
      firstName: profile.firstName,
      lastName: profile.lastName,
      attributes: toAttributes(profile.attributes),
    });
    this.roles.set(id, new Set());
    return id;
  }

  async update(id: string, changes: Partial<AccountProfile> & { enabled?: boolean }): Promise<void> {
    const a = this.require(id);
    if (changes.email !== undefined) a.email = changes.email;
    if (changes.firstName !== undefined) a.firstName = changes.firstName;
    if (changes.lastName !== undefined) a.lastName = changes.lastName;
    if (changes.enabled !== undefined) a.enabled = changes.enabled;
    if (changes.attributes) a.attributes = toAttributes(changes.attributes);
  }

  async realmRoles(id: string): Promise<string[]> {
    this.require(id);
    return [...(this.roles.get(id) ?? [])];
  }

  async addRealmRoles(id: string, roles: readonly string[]): Promise<void> {
    this.require(id);
    roles.forEach((r) => this.roles.get(id)!.add(r));
  }

  async removeRealmRoles(id: string, roles: readonly string[]): Promise<void> {
    this.require(id);
    roles.forEach((r) => this.roles.get(id)!.delete(r));
  }

  async delete(id: string): Promise<void> {
    this.accounts.delete(id);
    this.roles.delete(id);
  }

  private require(id: string): DirectoryAccount {
    const a = this.accounts.get(id);
    if (!a) throw new Error(`account ${id} not found`);
    return a;
  }
}

function toAttributes(attributes: AccountProfile['attributes']): Record<string, string[]> {
  const out: Record<string, string[]> = { nip: [attributes.nip] };
  if (attributes.opd) out.opd = [attributes.opd];
  return out;
}
