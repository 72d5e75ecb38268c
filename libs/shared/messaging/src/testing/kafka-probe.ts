import { randomUUID } from 'node:crypto';
import { Kafka, Partitioners, logLevel, type Consumer, type KafkaMessage } from 'kafkajs';
import type { WireHeaders } from '../wire';

/**
 * Test helpers that read and write Kafka directly, for integration tests of every service
 * (kafkajs stays behind this library). Not for production code.
 */

export interface KafkaProbeOptions {
  /** Default: KAFKA_BROKERS or 127.0.0.1:9092. */
  brokers?: string[];
}

/** A message as a test sees it. */
export interface ReceivedKafkaMessage {
  topic: string;
  partition: number;
  offset: string;
  timestamp: string;
  key: string | null;
  value: Buffer | null;
  headers: Record<string, string>;
  /** The value as UTF-8 text ('' when there is none). */
  text(): string;
  /** The value parsed as JSON (throws if it is not JSON). */
  json<T = unknown>(): T;
}

function brokersOf(options?: KafkaProbeOptions): string[] {
  return options?.brokers ?? (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',').map((b) => b.trim());
}

function probeKafka(options?: KafkaProbeOptions): Kafka {
  return new Kafka({
    clientId: `capaian-test-probe-${process.pid}`,
    brokers: brokersOf(options),
    connectionTimeout: 2_000,
    logLevel: logLevel.NOTHING,
    retry: { retries: 3, initialRetryTime: 200, maxRetryTime: 2_000 },
  });
}

/**
 * Retries an operation that failed with a retriable Kafka error: right after the broker starts
 * (infra.sh restarts it with fresh topics) partition leaders can lag behind for a moment.
 */
async function retrying<T>(operation: () => Promise<T>, attempts = 40, delayMs = 300): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (e) {
      // "not initialized": on a broker formatted a moment ago the group could not form yet
      // (__consumer_offsets is still being created).
      const retriable = (e as { retriable?: boolean }).retriable === true || /leader|coordinator|ECONNREFUSED|not initialized/i.test(String((e as Error).message));
      if (!retriable || attempt >= attempts) throw e;
      await new Promise((r) => setTimeout(r, delayMs));
    }
  }
}

function toReceived(topic: string, partition: number, m: KafkaMessage): ReceivedKafkaMessage {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(m.headers ?? {})) {
    if (value === undefined) continue;
    const last = Array.isArray(value) ? value[value.length - 1] : value;
    headers[name] = Buffer.isBuffer(last) ? last.toString('utf8') : String(last);
  }
  const value = m.value ?? null;
  return {
    topic,
    partition,
    offset: m.offset,
    timestamp: m.timestamp,
    key: m.key === null || m.key === undefined ? null : m.key.toString('utf8'),
    value,
    headers,
    text: () => (value ? value.toString('utf8') : ''),
    json: <T>() => JSON.parse(value ? value.toString('utf8') : '') as T,
  };
}

export interface WaitOptions {
  /** How many matching messages to wait for (default 1). */
  count?: number;
  /** Default 15 s. */
  timeoutMs?: number;
}

/**
 * Collects a topic's messages in the background from a private consumer group. Start it before the
 * action under test; by default it sees only messages produced after watchTopic resolved.
 */
export class TopicWatcher {
  readonly messages: ReceivedKafkaMessage[] = [];
  private listeners: Array<() => void> = [];
  private stopped = false;

  constructor(
    readonly topic: string,
    private readonly consumer: Consumer,
    private readonly cleanup: () => Promise<void>,
  ) {}

  /** @internal */
  push(message: ReceivedKafkaMessage): void {
    this.messages.push(message);
    this.listeners.slice().forEach((l) => l());
  }

  /** Messages matching the predicate so far. */
  matching(predicate: (m: ReceivedKafkaMessage) => boolean): ReceivedKafkaMessage[] {
    return this.messages.filter(predicate);
  }

  /** Resolves with the matching messages once there are at least `count`; rejects on timeout. */
  waitFor(predicate: (m: ReceivedKafkaMessage) => boolean, options: WaitOptions = {}): Promise<ReceivedKafkaMessage[]> {
    const count = options.count ?? 1;
    const timeoutMs = options.timeoutMs ?? 15_000;
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.matching(predicate);
        if (found.length >= count) {
          finish();
          resolve(found);
        }
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`timeout after ${timeoutMs} ms waiting for ${count} message(s) on ${this.topic}; saw ${this.messages.length}`));
      }, timeoutMs);
      const finish = () => {
        clearTimeout(timer);
        this.listeners = this.listeners.filter((l) => l !== check);
      };
      this.listeners.push(check);
      check();
    });
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await this.consumer.disconnect().catch(() => undefined);
    await this.cleanup().catch(() => undefined);
  }
}

/**
 * Starts a TopicWatcher. `fromBeginning: false` (default) first commits the topic's current end
 * offsets for the watcher's new group, so nothing produced afterwards can be missed, however long
 * the group takes to join.
 */
export function watchTopic(topic: string, options: KafkaProbeOptions & { fromBeginning?: boolean } = {}): Promise<TopicWatcher> {
  return retrying(() => startWatcher(topic, options));
}

async function startWatcher(topic: string, options: KafkaProbeOptions & { fromBeginning?: boolean }): Promise<TopicWatcher> {
  const kafka = probeKafka(options);
  const groupId = `capaian-test-probe-${randomUUID()}`;
  if (!options.fromBeginning) await commitEndOffsets(kafka, groupId, [topic]);
  const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false, maxWaitTimeInMs: 100, sessionTimeout: 10_000, heartbeatInterval: 1_000 });
  const watcher = new TopicWatcher(topic, consumer, () => deleteGroups(kafka, [groupId]));
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({ eachMessage: async ({ topic: t, partition, message }) => watcher.push(toReceived(t, partition, message)) });
  } catch (e) {
    await watcher.stop();
    throw e;
  }
  return watcher;
}

/**
 * Commits the topics' current end offsets for a group that has no running member. kafkajs'
 * admin.setOffsets does the same but waits for a 5 s fetch; a short-lived member commits in ~0.1 s.
 */
async function commitEndOffsets(kafka: Kafka, groupId: string, topics: readonly string[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  let ends: Array<{ topic: string; partition: number; offset: string }>;
  try {
    ends = (await Promise.all(topics.map(async (topic) => (await admin.fetchTopicOffsets(topic)).map((o) => ({ topic, partition: o.partition, offset: o.high }))))).flat();
  } finally {
    await admin.disconnect();
  }
  const member = kafka.consumer({ groupId, allowAutoTopicCreation: false, maxWaitTimeInMs: 50 });
  await member.connect();
  try {
    await member.subscribe({ topics: [...topics], fromBeginning: false });
    // Joins the group without consuming anything: nothing is resolved, nothing else is committed.
    await member.run({ autoCommit: false, eachBatchAutoResolve: false, eachBatch: async () => undefined });
    member.pause(topics.map((topic) => ({ topic })));
    await member.commitOffsets(ends);
  } finally {
    await member.disconnect();
  }
}

async function deleteGroups(kafka: Kafka, groupIds: string[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.deleteGroups(groupIds).catch(() => undefined);
  } finally {
    await admin.disconnect();
  }
}

/** Reads every message currently in the topic, from the beginning, and returns them. */
export async function readTopic(topic: string, options: KafkaProbeOptions & { timeoutMs?: number } = {}): Promise<ReceivedKafkaMessage[]> {
  const ends = await retrying(async () => {
    const admin = probeKafka(options).admin();
    await admin.connect();
    try {
      const offsets = await admin.fetchTopicOffsets(topic);
      return new Map(offsets.filter((o) => BigInt(o.high) > BigInt(o.low)).map((o) => [o.partition, BigInt(o.high)]));
    } finally {
      await admin.disconnect();
    }
  });
  if (ends.size === 0) return [];
  const watcher = await watchTopic(topic, { ...options, fromBeginning: true });
  try {
    const done = (m: ReceivedKafkaMessage) => BigInt(m.offset) + 1n >= (ends.get(m.partition) ?? 0n);
    const timeoutMs = options.timeoutMs ?? 15_000;
    const deadline = Date.now() + timeoutMs;
    // Done when every non-empty partition delivered its last message as of the call.
    for (;;) {
      const reached = new Set(watcher.messages.filter(done).map((m) => m.partition));
      if ([...ends.keys()].every((p) => reached.has(p))) break;
      if (Date.now() > deadline) throw new Error(`timeout after ${timeoutMs} ms reading ${topic}; got ${watcher.messages.length} message(s)`);
      await new Promise((r) => setTimeout(r, 20));
    }
    return watcher.messages.slice();
  } finally {
    await watcher.stop();
  }
}

export interface RawMessage {
  key?: string | Buffer | null;
  value: string | Buffer | null;
  headers?: WireHeaders;
  partition?: number;
}

/** Produces messages as they are (no envelope, no validation): for poison-message and replay tests. */
export function produceRawMessages(topic: string, messages: RawMessage[], options: KafkaProbeOptions = {}): Promise<void> {
  return retrying(() => produceOnce(topic, messages, options));
}

async function produceOnce(topic: string, messages: RawMessage[], options: KafkaProbeOptions): Promise<void> {
  const producer = probeKafka(options).producer({ allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  try {
    await producer.send({ topic, acks: -1, messages: messages.map((m) => ({ key: m.key ?? null, value: m.value, headers: m.headers, partition: m.partition })) });
  } finally {
    await producer.disconnect();
  }
}

/**
 * Commits the topics' current end offsets for a consumer group that is not running yet, so a
 * service consumer started in a test with a fresh group skips the history of earlier runs.
 */
export async function moveConsumerGroupToEnd(groupId: string, topics: readonly string[], options: KafkaProbeOptions = {}): Promise<void> {
  await retrying(() => commitEndOffsets(probeKafka(options), groupId, topics));
}

/** Deletes consumer groups left by tests (ignores groups that do not exist or are still active). */
export async function deleteConsumerGroups(groupIds: readonly string[], options: KafkaProbeOptions = {}): Promise<void> {
  if (groupIds.length > 0) await deleteGroups(probeKafka(options), [...groupIds]);
}

/**
 * Messages of `topics` a consumer group has not committed yet (end offset minus committed offset,
 * per partition; a partition without a commit counts from its first message).
 */
export async function consumerGroupLag(groupId: string, topics: readonly string[], options: KafkaProbeOptions = {}): Promise<number> {
  const admin = probeKafka(options).admin();
  await admin.connect();
  try {
    let lag = 0;
    for (const topic of topics) {
      const [ends, [committed]] = await Promise.all([admin.fetchTopicOffsets(topic), admin.fetchOffsets({ groupId, topics: [topic] })]);
      for (const end of ends) {
        const done = committed.partitions.find((p) => p.partition === end.partition)?.offset ?? '-1';
        lag += Number(BigInt(end.high) - (BigInt(done) < 0n ? BigInt(end.low) : BigInt(done)));
      }
    }
    return lag;
  } finally {
    await admin.disconnect();
  }
}

/** `{ KAFKA_BROKERS }` when the environment names other brokers (a private test broker), else nothing. */
export function kafkaBrokersFromEnv(): { KAFKA_BROKERS?: string } {
  return process.env.KAFKA_BROKERS ? { KAFKA_BROKERS: process.env.KAFKA_BROKERS } : {};
}

/** How many messages the topic holds now (sum over partitions of high − low watermark). */
export async function topicMessageCount(topic: string, options: KafkaProbeOptions = {}): Promise<number> {
  return retrying(async () => {
    const admin = probeKafka(options).admin();
    await admin.connect();
    try {
      const offsets = await admin.fetchTopicOffsets(topic);
      return offsets.reduce((sum, o) => sum + Number(BigInt(o.high) - BigInt(o.low)), 0);
    } finally {
      await admin.disconnect();
    }
  });
}
