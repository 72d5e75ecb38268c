/**
 * The identity provider's user directory as personnel needs it (Keycloak admin API in production,
 * an in-memory directory in unit tests). Usernames are NIPs.
 */
export interface DirectoryAccount {
  id: string;
  username: string;
  enabled: boolean;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  attributes: Record<string, string[]>;
}

export interface AccountProfile {
  username: string;
  email: string | null;
  firstName: string;
  lastName: string;
  /** `nip` and `opd` (the OPD code) become token claims. */
  attributes: { nip: string; opd: string | null };
}

export interface AccountDirectory {
  findByUsername(username: string): Promise<DirectoryAccount | null>;
  /** Creates an enabled account; returns its id. */
  create(profile: AccountProfile): Promise<string>;
  /** Updates profile fields and/or the enabled flag. */
  update(id: string, changes: Partial<AccountProfile> & { enabled?: boolean }): Promise<void>;
  realmRoles(id: string): Promise<string[]>;
  addRealmRoles(id: string, roles: readonly string[]): Promise<void>;
  removeRealmRoles(id: string, roles: readonly string[]): Promise<void>;
  delete(id: string): Promise<void>;
}

export const ACCOUNT_DIRECTORY = Symbol('ACCOUNT_DIRECTORY');

/** The directory could not be reached or refused the call. */
export class AccountDirectoryError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'AccountDirectoryError';
  }
}
