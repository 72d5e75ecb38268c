import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** The part of node-postgres' Client used here (pg ships no type declarations). */
interface PgClient {
  connect(): Promise<void>;
  query<R>(text: string, values?: unknown[]): Promise<{ rows: R[] }>;
  end(): Promise<void>;
  on(event: 'error', listener: (error: Error) => void): void;
  on(event: 'end', listener: () => void): void;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Client } = require('pg') as { Client: new (config: Record<string, unknown>) => PgClient };

/** Namespaces (the first key of a two-key advisory lock) of the work that is held through the lease. */
export const LeaseNamespace = {
  idempotencyKey: 0x4341_0001,
  importJob: 0x4341_0002,
} as const;

const RECONNECT_PAUSE_MS = 1000;

/**
 * Marks work as "in progress in a living process" with PostgreSQL session advisory locks held on
 * one dedicated connection of this process. A lock dies with its connection: when the process is
 * killed (SIGKILL, OOM, a crash) the kernel closes the socket, PostgreSQL ends the session and every
 * lock of it is free at once. So another process — or this one after a restart — knows that work
 * whose lock it can take was abandoned, without waiting for a timeout.
 *
 * Keys are hashed (`hashtext`) into the lock's second key; two keys that collide only make one look
 * busy while the other runs. If the connection is lost while the process lives (the server
 * terminated it), it is opened again and the locks still held are taken again; in between, the work
 * in flight here looks abandoned to others.
 */
@Injectable()
export class ProcessLease implements OnApplicationShutdown {
  private readonly logger = new Logger('ProcessLease');
  private client: PgClient | null = null;
  private connecting: Promise<PgClient> | null = null;
  private readonly held = new Set<string>();
  private closed = false;
  private reconnectTimer: NodeJS.Timeout | null = null;

  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /**
   * Takes the lock of `key` in `namespace` for this process. False when another process holds it,
   * or this process already does (work of the same key running twice here is as busy as elsewhere).
   */
  async tryHold(namespace: number, key: string): Promise<boolean> {
    const id = `${namespace}:${key}`;
    if (this.held.has(id)) return false;
    this.held.add(id);
    try {
      const client = await this.connection();
      const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1::int, hashtext($2)) AS ok', [namespace, key]);
      if (!rows[0].ok) this.held.delete(id);
      return rows[0].ok;
    } catch (e) {
      this.held.delete(id);
      throw e;
    }
  }

  /** Gives the lock of `key` up. Never throws: a lost connection has given it up already. */
  async release(namespace: number, key: string): Promise<void> {
    const id = `${namespace}:${key}`;
    if (!this.held.delete(id)) return;
    const client = this.client;
    if (!client) return;
    try {
      await client.query('SELECT pg_advisory_unlock($1::int, hashtext($2))', [namespace, key]);
    } catch (e) {
      this.logger.warn(`releasing a lease lock failed (the connection's end releases it): ${(e as Error).message}`);
    }
  }

  /** True while this process holds the lock of `key`. */
  holds(namespace: number, key: string): boolean {
    return this.held.has(`${namespace}:${key}`);
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private connection(): Promise<PgClient> {
    if (this.client) return Promise.resolve(this.client);
    if (!this.connecting) {
      this.connecting = this.open().finally(() => (this.connecting = null));
    }
    return this.connecting;
  }

  private async open(): Promise<PgClient> {
    if (this.closed) throw new Error('the process lease is closed');
    // The same server, credentials and application name as the service's pool (data-source.ts).
    const o = this.dataSource.options as unknown as { host?: string; port?: number; username?: string; password?: unknown; database?: string; extra?: Record<string, unknown> };
    const extra = (o.extra ?? {}) as { application_name?: string; connectionTimeoutMillis?: number };
    const client = new Client({
      host: o.host,
      port: o.port,
      user: o.username,
      password: typeof o.password === 'string' ? o.password : undefined,
      database: o.database,
      application_name: extra.application_name,
      connectionTimeoutMillis: extra.connectionTimeoutMillis ?? 10_000,
      keepAlive: true,
    });
    // Without a listener the `error` of a terminated session would kill the process.
    client.on('error', (e) => this.lost(client, e));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      // Locks of work still running here are taken again (lost with the previous connection).
      for (const id of this.held) {
        const [namespace, ...rest] = id.split(':');
        const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1::int, hashtext($2)) AS ok', [Number(namespace), rest.join(':')]);
        if (!rows[0].ok) this.logger.warn(`a lease lock could not be taken again after a reconnect; another process took the work over`);
      }
    } catch (e) {
      await client.end().catch(() => undefined);
      throw e;
    }
    this.client = client;
    return client;
  }

  private lost(client: PgClient, error?: Error): void {
    if (this.client !== client) return;
    this.client = null;
    client.end().catch(() => undefined);
    if (this.closed) return;
    this.logger.warn(`lease connection lost${error ? `: ${error.message}` : ''}; opening it again`);
    if (this.held.size > 0) this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.reconnectTimer || this.closed) return;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.connection().catch((e) => {
        this.logger.warn(`reopening the lease connection failed: ${(e as Error).message}`);
        if (this.held.size > 0) this.scheduleReconnect();
      });
    }, RECONNECT_PAUSE_MS);
    this.reconnectTimer.unref();
  }
}
