import { Inject, Injectable, Logger } from '@nestjs/common';
import type { KafkaConfig as ServiceKafkaConfig } from '@capaian/shared/config';
import { Kafka, Partitioners, logLevel, type Admin, type LogEntry, type Message, type Producer } from 'kafkajs';
import { MESSAGING_OPTIONS, type ResolvedMessagingOptions } from './messaging.options';
import type { WireHeaders } from './wire';

/** One message to publish; the library's own shape, so callers never see kafkajs types. */
export interface OutgoingMessage {
  topic: string;
  key: string | Buffer | null;
  value: string | Buffer | null;
  headers?: WireHeaders;
}

/**
 * Upper bound of one produce request's keys and values. Below the broker's default
 * `message.max.bytes` (1 MiB) with room for headers and record overhead, even if every message of
 * the request lands on one partition.
 */
export const DEFAULT_MAX_REQUEST_BYTES = 768 * 1024;

function sizeOf(m: OutgoingMessage): number {
  const bytes = (v: string | Buffer | null | undefined) => (v == null ? 0 : typeof v === 'string' ? Buffer.byteLength(v) : v.length);
  let size = bytes(m.key) + bytes(m.value);
  for (const [name, value] of Object.entries(m.headers ?? {})) size += name.length + bytes(value as string | Buffer | undefined);
  return size;
}

/** Consecutive runs of `messages` of at most `maxBytes` each (a single larger message is a run of its own). */
export function chunksOf(messages: OutgoingMessage[], maxBytes: number): OutgoingMessage[][] {
  const chunks: OutgoingMessage[][] = [];
  let current: OutgoingMessage[] = [];
  let size = 0;
  for (const m of messages) {
    const s = sizeOf(m);
    if (current.length > 0 && size + s > maxBytes) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(m);
    size += s;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/**
 * kafkajs log lines go to Nest's logger. The producer's and admin's errors are logged at debug
 * only: every failure that matters is thrown and logged once, with context, by the relay or the
 * consumer helper, instead of a line per broker connection attempt while Kafka is down.
 */
export function kafkaLogCreator(logger: Logger, quiet: boolean) {
  return (level: logLevel) =>
    ({ namespace, log }: LogEntry): void => {
      // kafkajs repeats its own timestamp and logger name and adds stacks of connection errors: noise here.
      const { message, timestamp: _t, logger: _l, stack: _s, ...extra } = log as LogEntry['log'] & { stack?: unknown; logger?: unknown };
      const line = `[${namespace}] ${message} ${JSON.stringify(extra)}`;
      if (quiet) {
        logger.debug(line);
        return;
      }
      if (level === logLevel.ERROR || level === logLevel.NOTHING) logger.error(line);
      else if (level === logLevel.WARN) logger.warn(line);
      else logger.debug(line);
    };
}

/**
 * The process's Kafka producer and admin client (kafkajs stays behind this library, docs/architecture.md
 * §9). Both connect lazily and are dropped on failure, so the next call reconnects from scratch,
 * which also survives a broker that restarted with wiped data (a new cluster id).
 */
@Injectable()
export class KafkaConnection {
  private readonly logger = new Logger('Kafka');
  private readonly kafka: Kafka;
  private producer: Producer | null = null;
  private producerReady: Promise<Producer> | null = null;
  private admin: Admin | null = null;
  private adminReady: Promise<Admin> | null = null;
  private closed = false;

  constructor(@Inject(MESSAGING_OPTIONS) options: Pick<ResolvedMessagingOptions, 'config'>) {
    this.kafka = createKafka(options.config.kafka, 'producer', this.logger, true);
  }

  /**
   * Publishes the messages and resolves once the broker acknowledged all of them (acks=all).
   * Rejects if any was not acknowledged; the caller retries (the relay, or kafkajs redelivery).
   * Messages go out in order, in requests of at most `maxRequestBytes` (keys and values), one after
   * the other: a large relay batch never builds a record batch above the broker's
   * `message.max.bytes` (1 MiB by default), whatever partition its keys hash to.
   */
  async publish(messages: OutgoingMessage[], maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES): Promise<void> {
    if (messages.length === 0) return;
    const producer = await this.connectedProducer();
    try {
      for (const chunk of chunksOf(messages, maxRequestBytes)) {
        const byTopic = new Map<string, Message[]>();
        for (const m of chunk) {
          const list = byTopic.get(m.topic) ?? [];
          list.push({ key: m.key, value: m.value, headers: m.headers });
          byTopic.set(m.topic, list);
        }
        await producer.sendBatch({
          acks: -1,
          timeout: 10_000,
          topicMessages: [...byTopic].map(([topic, list]) => ({ topic, messages: list })),
        });
      }
    } catch (e) {
      await this.resetProducer();
      throw e;
    }
  }

  /** Connects the producer now (the relay does this before opening a database transaction). */
  async connectedProducer(): Promise<Producer> {
    if (this.closed) throw new Error('Kafka connection is closed');
    if (this.producer) return this.producer;
    this.producerReady ??= (async () => {
      const producer = this.kafka.producer({
        // Topics exist only when listed in the contracts' registry (auto-create is off on the broker).
        allowAutoTopicCreation: false,
        // Idempotent: the broker deduplicates a request that kafkajs retries (producer id + sequence
        // numbers), so a lost acknowledgement never writes a message twice. kafkajs requires
        // acks=all (publish sends -1) and keeps one request in flight, which also keeps a key's order.
        idempotent: true,
        maxInFlightRequests: 1,
        createPartitioner: Partitioners.DefaultPartitioner,
        // Bounded, unlike kafkajs' idempotent default (forever): the relay holds its rows locked while
        // it sends. After the last retry publish() drops this producer; the next one gets a new
        // producer id, so no half-known sequence state is reused (kafkajs logs a warning about the
        // bound at debug level). A batch resent by that new producer may duplicate one that did land
        // without its acknowledgement: the consumers' inboxes absorb it (docs/architecture.md §3.4).
        retry: { retries: 5, initialRetryTime: 100, maxRetryTime: 1_000 },
      });
      try {
        await producer.connect();
      } catch (e) {
        await producer.disconnect().catch(() => undefined);
        throw e;
      }
      this.producer = producer;
      return producer;
    })().finally(() => {
      this.producerReady = null;
    });
    return this.producerReady;
  }

  /** The readiness check: one cheap metadata round trip to the cluster. */
  async checkCluster(): Promise<void> {
    const admin = await this.connectedAdmin();
    try {
      const cluster = await admin.describeCluster();
      if (cluster.brokers.length === 0) throw new Error('Kafka cluster has no brokers');
    } catch (e) {
      await this.resetAdmin();
      throw e;
    }
  }

  private async connectedAdmin(): Promise<Admin> {
    if (this.closed) throw new Error('Kafka connection is closed');
    if (this.admin) return this.admin;
    this.adminReady ??= (async () => {
      const admin = this.kafka.admin({ retry: { retries: 0 } });
      try {
        await admin.connect();
      } catch (e) {
        await admin.disconnect().catch(() => undefined);
        throw e;
      }
      this.admin = admin;
      return admin;
    })().finally(() => {
      this.adminReady = null;
    });
    return this.adminReady;
  }

  private async resetProducer(): Promise<void> {
    const producer = this.producer;
    this.producer = null;
    await producer?.disconnect().catch(() => undefined);
  }

  private async resetAdmin(): Promise<void> {
    const admin = this.admin;
    this.admin = null;
    await admin?.disconnect().catch(() => undefined);
  }

  /** Disconnects the producer and the admin client; called last in the ordered shutdown. */
  async close(): Promise<void> {
    this.closed = true;
    await this.producerReady?.catch(() => undefined);
    await this.adminReady?.catch(() => undefined);
    await Promise.all([this.resetProducer(), this.resetAdmin()]);
  }
}

/** A kafkajs client with short connection timeouts: failures surface fast and our own loops retry. */
export function createKafka(config: ServiceKafkaConfig, role: string, logger: Logger, quiet: boolean): Kafka {
  return new Kafka({
    clientId: `${config.clientId}-${role}`,
    brokers: config.brokers,
    connectionTimeout: 1_000,
    requestTimeout: 10_000,
    retry: { retries: 2, initialRetryTime: 100, maxRetryTime: 1_000 },
    logLevel: logLevel.WARN,
    logCreator: kafkaLogCreator(logger, quiet),
  });
}
