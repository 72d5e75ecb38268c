import type { ServiceConfig } from '@capaian/shared/config';

/** How the outbox relay polls, batches, backs off and prunes. */
export interface RelayOptions {
  /** Idle poll interval; a commit that enqueued events also nudges the relay at once. */
  pollIntervalMs: number;
  /**
   * Most rows claimed and published per relay pass (one database transaction). Each pass costs a
   * fixed handful of round trips, so a large batch is what lets the relay keep up with a burst.
   */
  batchSize: number;
  /**
   * Shortest time between the starts of two passes when the relay is woken by a commit (not when a
   * pass was full). At a steady rate, one pass per commit costs a transaction, a produce request and
   * a consumer fetch per event or two; a few milliseconds of linger gathers them, at that cost in
   * latency. 0 = a pass at every nudge.
   */
  lingerMs: number;
  /** Upper bound of one produce request within a pass (keys and values); see KafkaConnection.publish. */
  maxRequestBytes: number;
  /** First wait after a failure (Kafka unreachable); doubles up to maxBackoffMs, retried forever. */
  initialBackoffMs: number;
  maxBackoffMs: number;
  /** Sent rows older than this are deleted; unsent rows are never deleted. */
  retentionMs: number;
  /** How often pruning of sent outbox rows (and old inbox rows) runs. */
  pruneIntervalMs: number;
  /** Upper bound of the final flush on shutdown. */
  shutdownFlushMs: number;
}

/** How consumed events are retried and dead-lettered. */
export interface ConsumerOptions {
  /** Attempts of one delivery before it goes to `<topic>.dlq` (1 = no retry). */
  maxAttempts: number;
  /** Wait before the second attempt; doubles per attempt up to maxRetryBackoffMs. */
  retryBackoffMs: number;
  maxRetryBackoffMs: number;
  /** Heartbeat interval while a handler runs, so a long handler does not lose its partitions. */
  heartbeatIntervalMs: number;
  /** Inbox rows older than this are deleted; redeliveries older than this window are no longer deduplicated. */
  inboxRetentionMs: number;
  /** Upper bound for in-flight handlers to finish on shutdown. */
  shutdownDrainMs: number;
}

export interface MessagingModuleOptions {
  config: ServiceConfig;
  /** CloudEvents `source` of every event this service produces, e.g. `/capaian/personnel`. */
  source: string;
  /** Run the outbox relay in this process (default true). */
  relay?: boolean;
  relayOptions?: Partial<RelayOptions>;
  consumer?: Partial<ConsumerOptions>;
}

export interface ResolvedMessagingOptions {
  config: ServiceConfig;
  source: string;
  relayEnabled: boolean;
  relay: RelayOptions;
  consumer: ConsumerOptions;
}

const HOUR = 3_600_000;

export const defaultRelayOptions: RelayOptions = {
  pollIntervalMs: 250,
  batchSize: 2_000,
  lingerMs: 5,
  maxRequestBytes: 768 * 1024,
  initialBackoffMs: 250,
  maxBackoffMs: 5_000,
  retentionMs: 7 * 24 * HOUR,
  pruneIntervalMs: 60_000,
  shutdownFlushMs: 5_000,
};

export const defaultConsumerOptions: ConsumerOptions = {
  maxAttempts: 3,
  retryBackoffMs: 200,
  maxRetryBackoffMs: 2_000,
  heartbeatIntervalMs: 1_000,
  inboxRetentionMs: 30 * 24 * HOUR,
  shutdownDrainMs: 10_000,
};

export function resolveMessagingOptions(options: MessagingModuleOptions): ResolvedMessagingOptions {
  if (!/^\/\S+$/.test(options.source)) {
    throw new Error(`messaging: source must be a URI reference such as /capaian/personnel, got "${options.source}"`);
  }
  const relay = { ...defaultRelayOptions, ...options.relayOptions };
  const consumer = { ...defaultConsumerOptions, ...options.consumer };
  if (consumer.maxAttempts < 1) throw new Error('messaging: consumer.maxAttempts must be at least 1');
  if (relay.batchSize < 1) throw new Error('messaging: relayOptions.batchSize must be at least 1');
  if (relay.lingerMs < 0) throw new Error('messaging: relayOptions.lingerMs must be at least 0');
  if (relay.maxRequestBytes < 1024) throw new Error('messaging: relayOptions.maxRequestBytes must be at least 1024');
  return { config: options.config, source: options.source, relayEnabled: options.relay ?? true, relay, consumer };
}

/** Nest injection token of the resolved options. */
export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
