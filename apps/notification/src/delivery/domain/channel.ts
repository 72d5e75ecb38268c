/**
 * A way of reaching a person outside the portal. The queue stores what to send per channel and
 * the worker hands each due row to its channel: a new channel (a WhatsApp gateway) is one more
 * implementation of this interface and a value in `delivery.channel`, not a change to producers.
 * The in-app inbox is not a queued channel: its item is written in the consumer's transaction.
 */
export type QueuedChannelName = 'email';

export interface QueuedMessage {
  id: string;
  eventId: string;
  address: string;
  subject: string;
  bodyText: string;
  bodyHtml: string;
  headers: Record<string, string>;
}

export type SendOutcome = { ok: true; externalId: string } | { ok: false; permanent: boolean; error: string };

export interface DeliveryChannel {
  readonly name: QueuedChannelName;
  send(message: QueuedMessage): Promise<SendOutcome>;
}

export const DELIVERY_CHANNELS = Symbol('DELIVERY_CHANNELS');

/**
 * SMTP reply codes 5xx on a recipient (550 mailbox unavailable, 553 bad address…) will not change
 * on a retry; everything else (connection refused, timeout, 4xx) is worth retrying.
 */
export function isPermanentSmtpFailure(error: { responseCode?: unknown; code?: unknown; command?: unknown }): boolean {
  const status = typeof error.responseCode === 'number' ? error.responseCode : NaN;
  if (status >= 500 && status < 600) return true;
  return error.code === 'EENVELOPE' && !(status >= 400 && status < 500);
}
