import type { EventContract } from '../registry';
import { Topics } from '../topics';

/** A harmless event for checking the pipeline end to end (outbox → Kafka → consumers → e-mail). */
export const PlatformPingV1 = 'capaian.platform.ping.v1';
export interface PlatformPingData {
  message: string;
  /** When set, the notification service e-mails this address. */
  notifyEmail?: string;
  /** When set, the notification service also puts the message in this employee's in-app inbox (NIP, 18 digits). */
  notifyNip?: string;
}

export const platformContracts: EventContract[] = [
  {
    type: PlatformPingV1,
    topic: Topics.platformPing,
    schema: {
      type: 'object',
      required: ['message'],
      properties: {
        message: { type: 'string', minLength: 1, maxLength: 2000 },
        notifyEmail: { type: 'string', format: 'email' },
        notifyNip: { type: 'string', pattern: '^[0-9]{18}$' },
      },
      additionalProperties: false,
    },
  },
];
