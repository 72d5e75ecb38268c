import { EnvReader } from '@capaian/shared/config';
import type { BackoffPolicy, QuietHours } from './delivery/domain/schedule';

/** The notification service's own settings (besides the common service and SMTP settings). */
export interface NotificationSettings {
  /** Staff portal, for links in mails (`PORTAL_BASE_URL`). */
  portalBaseUrl: string;
  /** Public base of this service's API through the gateway, for unsubscribe links (`NOTIFICATION_PUBLIC_URL`). */
  publicApiUrl: string;
  /** HMAC secret of unsubscribe links (`UNSUBSCRIBE_SECRET`, required in production). */
  unsubscribeSecret: string;
  unsubscribeTtlDays: number;
  backoff: BackoffPolicy;
  /** Parallel sends of the worker (`DELIVERY_CONCURRENCY`). */
  concurrency: number;
  /** Idle poll of the worker when nothing was nudged (`DELIVERY_POLL_MS`). */
  pollMs: number;
  quietHours: QuietHours;
  /** Optional mails per person and day before the rest waits for the digest (`DIGEST_THRESHOLD`). */
  digestThreshold: number;
  /** Hour (WIB) of the daily digest (`DIGEST_HOUR`). */
  digestHour: number;
  /** Time between escalation steps of an ignored action notice (`ESCALATE_AFTER_HOURS`). */
  escalateAfterMs: number;
  /** Slot length of the reminder job on the shared scheduler (`REMINDER_EVERY_MINUTES`). */
  reminderEveryMinutes: number;
  /** Comment line sent on idle live streams (`STREAM_HEARTBEAT_MS`), well under the gateway's upstream timeout. */
  streamHeartbeatMs: number;
  streamTicketTtlMs: number;
}

type Env = Record<string, string | undefined>;

const DEV_SECRET = 'capaian-dev-unsubscribe-secret-change-me';

export function loadNotificationSettings(env: Env = process.env): NotificationSettings {
  const r = new EnvReader(env);
  const production = r.string('NODE_ENV', 'development') === 'production';
  const unsubscribeSecret = r.string('UNSUBSCRIBE_SECRET', production ? '' : DEV_SECRET);
  if (unsubscribeSecret.length < 32) r.problems.push('UNSUBSCRIBE_SECRET must be set, at least 32 characters');
  const settings: NotificationSettings = {
    portalBaseUrl: r.url('PORTAL_BASE_URL', 'http://127.0.0.1:4200'),
    publicApiUrl: r.url('NOTIFICATION_PUBLIC_URL', 'http://127.0.0.1:3000/api/v1/notification'),
    unsubscribeSecret,
    unsubscribeTtlDays: r.int('UNSUBSCRIBE_TTL_DAYS', 60, 1, 3650),
    backoff: { baseMs: r.int('DELIVERY_RETRY_BASE_MS', 5_000, 10, 3_600_000), maxMs: r.int('DELIVERY_RETRY_MAX_MS', 15 * 60_000, 10, 86_400_000) },
    concurrency: r.int('DELIVERY_CONCURRENCY', 4, 1, 64),
    pollMs: r.int('DELIVERY_POLL_MS', 1_000, 10, 600_000),
    quietHours: { startHour: r.int('QUIET_HOURS_START', 21, 0, 23), endHour: r.int('QUIET_HOURS_END', 6, 0, 23) },
    digestThreshold: r.int('DIGEST_THRESHOLD', 5, 1, 1_000_000),
    digestHour: r.int('DIGEST_HOUR', 7, 0, 23),
    escalateAfterMs: r.int('ESCALATE_AFTER_HOURS', 48, 1, 24 * 90) * 3_600_000,
    reminderEveryMinutes: r.int('REMINDER_EVERY_MINUTES', 5, 1, 1440),
    streamHeartbeatMs: r.int('STREAM_HEARTBEAT_MS', 15_000, 100, 600_000),
    streamTicketTtlMs: r.int('STREAM_TICKET_TTL_SECONDS', 60, 5, 3600) * 1000,
  };
  r.done();
  return settings;
}

export const NOTIFICATION_SETTINGS = Symbol('NOTIFICATION_SETTINGS');
