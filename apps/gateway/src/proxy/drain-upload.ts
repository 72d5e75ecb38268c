import type { IncomingMessage } from 'node:http';
import { DRAIN_LIMIT_BYTES } from '@capaian/shared/http';

/**
 * A service may answer (413, 415, 401...) before it has read the whole upload. undici then stops
 * reading the client's body and destroys its stream; Node detaches the request from its socket
 * once the answer is sent, and the unread rest of the body fills the request's buffer and stops
 * the socket: the client's next request on that keep-alive connection hangs.
 *
 * So when the answer starts while the upload is incomplete, the gateway takes the body over (before
 * Node detaches it) and reads it to its end, discarding it; undici's destroy is ignored meanwhile.
 * Beyond DRAIN_LIMIT_BYTES the connection is closed instead.
 */
const draining = new WeakSet<IncomingMessage>();

/** Installed when the request arrives: a destroy while the gateway drains the body is ignored. */
export function guardUploadStream(raw: IncomingMessage): void {
  const destroy = raw.destroy.bind(raw);
  raw.destroy = ((error?: Error) => (draining.has(raw) && !raw.complete ? raw : destroy(error))) as typeof raw.destroy;
}

/** Called as the answer starts: if the upload is not complete, read and discard the rest of it. */
export function drainUnreadUpload(raw: IncomingMessage): void {
  if (raw.complete || raw.destroyed || draining.has(raw)) return;
  draining.add(raw);
  let received = 0;
  raw.unpipe();
  raw.removeAllListeners('data');
  raw.on('data', (chunk: Buffer) => {
    received += chunk.length;
    if (received > DRAIN_LIMIT_BYTES) {
      draining.delete(raw);
      raw.socket?.destroy();
    }
  });
  raw.resume();
}
