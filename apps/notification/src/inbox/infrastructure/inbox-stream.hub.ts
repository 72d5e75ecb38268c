import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NOTIFICATION_SETTINGS, type NotificationSettings } from '../../notification.config';
import { toView } from '../dto/notification-view.dto';
import { InboxRepository, INBOX_NOTIFY_CHANNEL } from './inbox.repository';

/** The write side of one open SSE response. */
export interface StreamSink {
  write(chunk: string): void;
  end(): void;
}

interface Subscriber {
  nip: string;
  sink: StreamSink;
  /** Created time of the newest item already sent. */
  since: Date;
  busy: Promise<void>;
  heartbeat: NodeJS.Timeout;
}

type PgClient = {
  query(sql: string): Promise<unknown>;
  on(event: 'notification', listener: (message: { channel: string; payload?: string }) => void): void;
  on(event: 'error', listener: (error: Error) => void): void;
  release(error?: boolean): void;
};

/**
 * Live streams of inbox items. Items are added by whichever replica consumed the event, and the
 * stream may be open on another one: every insert sends `NOTIFY notification_inbox, '<nip>'` in its
 * transaction (delivered only on commit), and each replica LISTENs on one dedicated connection and
 * pushes the new items and the unread count to the streams of that NIP. A comment line is written
 * every few seconds so that proxies (the gateway's upstream timeout) never see an idle response.
 */
@Injectable()
export class InboxStreamHub implements BeforeApplicationShutdown, OnModuleDestroy {
  private readonly logger = new Logger('InboxStream');
  private readonly subscribers = new Map<string, Set<Subscriber>>();
  private listener: Promise<PgClient> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly inbox: InboxRepository,
    @Inject(NOTIFICATION_SETTINGS) private readonly settings: NotificationSettings,
  ) {}

  get openStreams(): number {
    let n = 0;
    this.subscribers.forEach((s) => (n += s.size));
    return n;
  }

  /** Starts a stream for `nip`: the unread count now, then each new item and the new count. Returns the function that closes it. */
  async open(nip: string, sink: StreamSink, now: Date): Promise<() => void> {
    await this.listen();
    const subscriber: Subscriber = {
      nip,
      sink,
      since: now,
      busy: Promise.resolve(),
      heartbeat: setInterval(() => sink.write(`: tetap-tersambung\n\n`), this.settings.streamHeartbeatMs),
    };
    sink.write(`retry: 5000\n\n`);
    const unread = await this.inbox.unreadCount(this.dataSource.manager, nip);
    sink.write(`event: belum-dibaca\ndata: ${JSON.stringify({ belumDibaca: unread })}\n\n`);
    let set = this.subscribers.get(nip);
    if (!set) this.subscribers.set(nip, (set = new Set()));
    set.add(subscriber);
    return () => this.close(subscriber);
  }

  beforeApplicationShutdown(): void {
    this.subscribers.forEach((set) => set.forEach((s) => this.close(s, true)));
  }

  async onModuleDestroy(): Promise<void> {
    const client = await this.listener?.catch(() => null);
    this.listener = null;
    client?.release(true);
  }

  private close(s: Subscriber, end = false): void {
    clearInterval(s.heartbeat);
    const set = this.subscribers.get(s.nip);
    set?.delete(s);
    if (set && set.size === 0) this.subscribers.delete(s.nip);
    if (end) s.sink.end();
  }

  private listen(): Promise<PgClient> {
    if (!this.listener) {
      const pool = (this.dataSource.driver as unknown as { master: { connect(): Promise<PgClient> } }).master;
      this.listener = pool.connect().then(async (client) => {
        client.on('notification', (message) => {
          if (message.channel === INBOX_NOTIFY_CHANNEL && message.payload) this.changed(message.payload);
        });
        client.on('error', (error) => {
          // Reconnect on the next open; streams already open stop receiving and the portal reconnects.
          this.logger.error({ msg: 'inbox listener connection failed', error: error.message });
          this.listener = null;
        });
        await client.query(`LISTEN ${INBOX_NOTIFY_CHANNEL}`);
        return client;
      });
      this.listener.catch(() => (this.listener = null));
    }
    return this.listener;
  }

  private changed(nip: string): void {
    for (const s of this.subscribers.get(nip) ?? []) {
      // One push at a time per stream, so items go out in order and none twice.
      s.busy = s.busy.then(() => this.push(s)).catch((error) => this.logger.warn({ msg: 'stream push failed', error: String(error) }));
    }
  }

  private async push(s: Subscriber): Promise<void> {
    const m = this.dataSource.manager;
    const items = await this.inbox.createdAfter(m, s.nip, s.since);
    for (const item of items) {
      s.sink.write(`id: ${item.id}\nevent: notifikasi\ndata: ${JSON.stringify(toView(item))}\n\n`);
      s.since = new Date(item.created_at);
    }
    const unread = await this.inbox.unreadCount(m, s.nip);
    s.sink.write(`event: belum-dibaca\ndata: ${JSON.stringify({ belumDibaca: unread })}\n\n`);
  }
}
