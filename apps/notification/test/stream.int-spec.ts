import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createEnvelope, PlatformPingV1, Topics, validateEnvelope, type PlatformPingData } from '@capaian/contracts';
import { eventHeaders, produceRawMessages } from '@capaian/shared/messaging';
import { DEMO_NIP, eventually, getToken } from '@capaian/shared/testing';
// The stream is tested through the real gateway composition, as the portal reaches it.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { createGatewayApp } from '../../gateway/src/gateway.app';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { loadGatewayConfig } from '../../gateway/src/gateway.config';
import { startNotificationTestApp, type NotificationTestApp } from './notification-test-app';
import { runSubject } from './personnel-fixtures';
import { InboxStreamHub } from '../src/inbox/infrastructure/inbox-stream.hub';

jest.setTimeout(120_000);

interface SseEvent {
  event: string | null;
  data: string | null;
  comment: boolean;
}

/** Reads a text/event-stream body as it arrives and keeps every event and comment line. */
class SseReader {
  readonly events: SseEvent[] = [];
  private buffer = '';
  private listeners: Array<() => void> = [];

  constructor(private readonly response: Response) {
    void this.pump();
  }

  private async pump(): Promise<void> {
    const decoder = new TextDecoder();
    const reader = this.response.body!.getReader();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        this.buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = this.buffer.indexOf('\n\n')) >= 0) {
          const block = this.buffer.slice(0, end);
          this.buffer = this.buffer.slice(end + 2);
          const lines = block.split('\n');
          this.events.push({
            event: lines.find((l) => l.startsWith('event: '))?.slice(7) ?? null,
            data: lines.find((l) => l.startsWith('data: '))?.slice(6) ?? null,
            comment: lines.every((l) => l.startsWith(':')),
          });
          this.listeners.forEach((l) => l());
        }
      }
    } catch {
      /* the stream was closed by the test */
    }
  }

  async until(predicate: (events: SseEvent[]) => boolean): Promise<void> {
    await eventually(async () => predicate(this.events), 60_000);
  }
}

/**
 * The live stream through the real gateway: ticket with the bearer token, stream with the ticket
 * only, heartbeats that outlast the gateway's upstream timeout, a new inbox item pushed with the
 * unread count, and a reused, unknown or expired ticket refused with problem+json.
 */
describe('notification: SSE live stream through the gateway (real PostgreSQL, Kafka, Keycloak)', () => {
  let t: NotificationTestApp;
  let gateway: NestFastifyApplication;
  let gatewayUrl: string;
  let dimas: string;
  const runId = randomUUID().slice(0, 8);
  const controllers: AbortController[] = [];

  const ticket = async (): Promise<string> => {
    const response = await fetch(`${gatewayUrl}/api/v1/notification/stream/tiket`, { method: 'POST', headers: { authorization: `Bearer ${dimas}` } });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { tiket: string; url: string };
    expect(body.url).toContain(`/stream?tiket=${body.tiket}`);
    return body.tiket;
  };
  const open = (tiket: string) => {
    const controller = new AbortController();
    controllers.push(controller);
    return fetch(`${gatewayUrl}/api/v1/notification/stream?tiket=${encodeURIComponent(tiket)}`, { signal: controller.signal, headers: { accept: 'text/event-stream' } });
  };

  beforeAll(async () => {
    t = await startNotificationTestApp({ database: 'capaian_notification_test_stream', listen: true, settings: { STREAM_HEARTBEAT_MS: '200' } });
    await t.dataSource.query('TRUNCATE notification, stream_ticket, inbox CASCADE');
    const notificationUrl = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
    gateway = await createGatewayApp(loadGatewayConfig({ ...process.env, LOG_LEVEL: 'error', NOTIFICATION_URL: notificationUrl, UPSTREAM_TIMEOUT_MS: '1000' }));
    await gateway.listen(0, '127.0.0.1');
    gatewayUrl = (await gateway.getUrl()).replace('[::1]', '127.0.0.1');
    dimas = await getToken(DEMO_NIP.dimas);
  }, 60_000);

  afterAll(async () => {
    controllers.forEach((c) => c.abort());
    await gateway?.close();
    await t?.close();
  });

  it('delivers a new inbox item and the unread count, past the upstream timeout thanks to heartbeats', async () => {
    const response = await open(await ticket());
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const sse = new SseReader(response);
    await sse.until((e) => e.some((x) => x.event === 'belum-dibaca'));
    const before = JSON.parse(sse.events.find((x) => x.event === 'belum-dibaca')!.data!).belumDibaca as number;

    // Ten heartbeats at 200 ms: the stream has outlived the gateway's 1 s upstream timeout.
    await sse.until((e) => e.filter((x) => x.comment).length >= 10);

    const message = `Uji siaran langsung ${runId}`;
    const ping = validateEnvelope<PlatformPingData>(createEnvelope({ source: '/capaian/test', type: PlatformPingV1, subject: runSubject('stream'), data: { message, notifyNip: DEMO_NIP.dimas } }));
    await produceRawMessages(Topics.platformPing, [{ key: ping.subject, value: JSON.stringify(ping), headers: eventHeaders(ping) }]);

    await sse.until((e) => e.some((x) => x.event === 'notifikasi' && x.data!.includes(runId)));
    const item = JSON.parse(sse.events.find((x) => x.event === 'notifikasi' && x.data!.includes(runId))!.data!);
    expect(item).toMatchObject({ kategori: 'platform.ping', judul: 'Pesan uji sistem', isi: message, dibacaPada: null });
    await sse.until((e) => e.filter((x) => x.event === 'belum-dibaca').some((x) => JSON.parse(x.data!).belumDibaca === before + 1));
  });

  it('refuses a reused, unknown, missing or expired ticket with problem+json', async () => {
    const once = await ticket();
    const first = await open(once);
    expect(first.status).toBe(200);
    const again = await open(once);
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toContain('application/problem+json');
    expect(((await again.json()) as { code: string }).code).toBe('TIKET_SUDAH_DIPAKAI');

    const unknown = await open('x'.repeat(43));
    expect(unknown.status).toBe(403);
    expect(((await unknown.json()) as { code: string }).code).toBe('TIKET_TIDAK_VALID');
    const missing = await fetch(`${gatewayUrl}/api/v1/notification/stream`);
    expect(missing.status).toBe(400);
    const twice = await fetch(`${gatewayUrl}/api/v1/notification/stream?tiket=${'y'.repeat(43)}&tiket=${'y'.repeat(43)}`);
    expect(twice.status).toBe(400);

    const late = await ticket();
    t.clock.advance(2 * 60_000);
    const expired = await open(late);
    expect(expired.status).toBe(403);
    expect(((await expired.json()) as { code: string }).code).toBe('TIKET_KEDALUWARSA');

    // A ticket cannot be had without a bearer token.
    const anonymous = await fetch(`${gatewayUrl}/api/v1/notification/stream/tiket`, { method: 'POST' });
    expect(anonymous.status).toBe(401);
  });

  it('closes its streams when the client goes away', async () => {
    const hub = t.app.get(InboxStreamHub);
    controllers.forEach((c) => c.abort());
    await eventually(async () => hub.openStreams === 0);
  });
});
