import { EnvReader } from './config';

/**
 * Outgoing mail settings. Defaults point at the local maildev sink started by infra/infra.sh
 * (SMTP on 127.0.0.1:1025, no TLS, no auth), so development and tests need no .env file.
 */
export interface SmtpConfig {
  host: string;
  port: number;
  /** Implicit TLS (port 465 style). STARTTLS is negotiated by the client when the server offers it. */
  secure: boolean;
  /** RFC 5322 From header, e.g. `Capaian Kota Palembang <noreply@capaian.palembang.go.id>`. */
  from: string;
  auth?: { user: string; pass: string };
  /** Connection and greeting timeout; a hung SMTP server must not hold a consumer forever. */
  timeoutMs: number;
}

type Env = Record<string, string | undefined>;

export function loadSmtpConfig(env: Env = process.env): SmtpConfig {
  const r = new EnvReader(env);
  const secure = r.oneOf('SMTP_SECURE', ['true', 'false'] as const, 'false') === 'true';
  const user = r.string('SMTP_USER', '');
  const pass = r.string('SMTP_PASS', '');
  if ((user === '') !== (pass === '')) r.problems.push('SMTP_USER and SMTP_PASS must be set together');
  const config: SmtpConfig = {
    host: r.string('SMTP_HOST', '127.0.0.1'),
    port: r.int('SMTP_PORT', 1025, 1, 65535),
    secure,
    from: r.string('SMTP_FROM', 'Capaian Kota Palembang <noreply@capaian.palembang.go.id>'),
    ...(user !== '' && pass !== '' ? { auth: { user, pass } } : {}),
    timeoutMs: r.int('SMTP_TIMEOUT_MS', 10_000, 100, 600_000),
  };
  r.done();
  return config;
}
