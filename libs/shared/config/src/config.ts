/**
 * Typed configuration read from the environment once at boot. Defaults match the local
 * infrastructure started by infra/infra.sh, so `npm start` needs no .env file; in production
 * every value comes from the environment. A bad value stops the boot with a list of every problem.
 */
export type ServiceName = 'gateway' | 'personnel' | 'appraisal' | 'career' | 'notification';

export const servicePorts: Record<ServiceName, number> = {
  gateway: 3000,
  personnel: 3001,
  appraisal: 3002,
  career: 3003,
  notification: 3004,
};

export interface DatabaseConfig {
  host: string;
  port: number;
  database: string;
  username: string;
  password: string;
  poolSize: number;
}

export interface KafkaConfig {
  brokers: string[];
  /** Unique per process: a service name plus host and pid, so two replicas never clash. */
  clientId: string;
  /** One consumer group per service (docs/architecture.md §3.5). */
  groupId: string;
}

export interface AuthConfig {
  /** Keycloak base URL as the tokens' issuer sees it, e.g. http://127.0.0.1:8180 */
  keycloakUrl: string;
  realm: string;
  /** The audience every service requires in access tokens. */
  audience: string;
}

export interface ServiceConfig {
  service: ServiceName;
  env: string;
  host: string;
  port: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  database: DatabaseConfig;
  kafka: KafkaConfig;
  auth: AuthConfig;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/** Reads variables and records every problem instead of stopping at the first one. */
export class EnvReader {
  readonly problems: string[] = [];
  constructor(private readonly env: Env = process.env) {}

  string(name: string, fallback: string): string {
    const value = this.env[name];
    if (value === undefined || value === '') return fallback;
    return value;
  }

  int(name: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
    const raw = this.env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      this.problems.push(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
      return fallback;
    }
    return value;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const raw = this.env[name];
    if (raw === undefined || raw === '') return fallback;
    if (!(allowed as readonly string[]).includes(raw)) {
      this.problems.push(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
      return fallback;
    }
    return raw as T;
  }

  list(name: string, fallback: string[]): string[] {
    const raw = this.env[name];
    if (raw === undefined || raw === '') return fallback;
    return raw.split(',').map((s) => s.trim()).filter(Boolean);
  }

  url(name: string, fallback: string): string {
    const value = this.string(name, fallback);
    try {
      new URL(value);
    } catch {
      this.problems.push(`${name} must be a URL, got "${value}"`);
    }
    return value.replace(/\/+$/, '');
  }

  /** Throws ConfigError if anything read so far was invalid. */
  done(): void {
    if (this.problems.length > 0) throw new ConfigError(this.problems);
  }
}

export function loadServiceConfig(service: ServiceName, env: Env = process.env): ServiceConfig {
  const r = new EnvReader(env);
  const dbName = `capaian_${service}`;
  const config: ServiceConfig = {
    service,
    env: r.string('NODE_ENV', 'development'),
    host: r.string('HOST', '127.0.0.1'),
    port: r.int('PORT', servicePorts[service], 1, 65535),
    logLevel: r.oneOf('LOG_LEVEL', ['debug', 'info', 'warn', 'error'] as const, 'info'),
    database: {
      host: r.string('DB_HOST', '127.0.0.1'),
      port: r.int('DB_PORT', 5432, 1, 65535),
      database: r.string('DB_NAME', dbName),
      username: r.string('DB_USER', dbName),
      password: r.string('DB_PASSWORD', dbName),
      poolSize: r.int('DB_POOL_SIZE', 10, 1, 200),
    },
    kafka: {
      brokers: r.list('KAFKA_BROKERS', ['127.0.0.1:9092']),
      clientId: r.string('KAFKA_CLIENT_ID', `capaian-${service}-${process.pid}`),
      groupId: r.string('KAFKA_GROUP_ID', `capaian-${service}`),
    },
    auth: {
      keycloakUrl: r.url('KEYCLOAK_URL', 'http://127.0.0.1:8180'),
      realm: r.string('KEYCLOAK_REALM', 'capaian'),
      audience: r.string('AUTH_AUDIENCE', 'capaian-api'),
    },
  };
  r.done();
  return config;
}
