import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EnvReader, loadServiceConfig, type ServiceConfig } from '@capaian/shared/config';

/** Settings of the personnel service on top of the common ones. */
export interface PersonnelConfig {
  service: ServiceConfig;
  /** Keycloak admin API client (service account with manage-users, view-users, query-users). */
  keycloakAdmin: { url: string; realm: string; clientId: string; clientSecret: string };
  imports: {
    /** Where uploaded files wait for their job; one file per job, deleted when the job ends. */
    dir: string;
    /** Largest accepted upload. */
    maxBytes: number;
    /** Row errors kept on a rejected job (the count is always exact). */
    maxStoredErrors: number;
  };
}

export function loadPersonnelConfig(env: Record<string, string | undefined> = process.env): PersonnelConfig {
  const service = loadServiceConfig('personnel', env);
  const r = new EnvReader(env);
  const config: PersonnelConfig = {
    service,
    keycloakAdmin: {
      url: r.url('KEYCLOAK_ADMIN_URL', service.auth.keycloakUrl),
      realm: r.string('KEYCLOAK_REALM', service.auth.realm),
      clientId: r.string('PERSONNEL_KEYCLOAK_CLIENT_ID', 'capaian-personnel'),
      clientSecret: r.string('PERSONNEL_KEYCLOAK_CLIENT_SECRET', 'capaian-personnel-secret'),
    },
    imports: {
      dir: r.string('PERSONNEL_IMPORT_DIR', join(tmpdir(), 'capaian-personnel-imports')),
      maxBytes: r.int('PERSONNEL_IMPORT_MAX_BYTES', 200 * 1024 * 1024, 1024),
      maxStoredErrors: r.int('PERSONNEL_IMPORT_MAX_STORED_ERRORS', 1000, 1, 100_000),
    },
  };
  r.done();
  return config;
}
