import { createHash, randomBytes } from 'node:crypto';

/**
 * An EventSource cannot send an Authorization header, and a bearer token in a URL ends up in logs
 * and histories. So the portal trades its bearer token for a random ticket that opens one stream,
 * once, within a minute; only the ticket's SHA-256 is stored.
 */
export function newStreamTicket(): string {
  return randomBytes(32).toString('base64url');
}

export function streamTicketHash(ticket: string): string {
  return createHash('sha256').update(ticket).digest('hex');
}

/** The shape of a ticket this service issues (43 base64url characters), checked before any lookup. */
export function looksLikeStreamTicket(value: string): boolean {
  return /^[A-Za-z0-9_-]{20,100}$/.test(value);
}
