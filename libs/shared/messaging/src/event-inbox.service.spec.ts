import { ConsoleLogger, Logger } from '@nestjs/common';
import { createEnvelope, PlatformPingV1, Topics } from '@capaian/contracts';
import { currentCorrelationId } from '@capaian/shared/http';
import type { DataSource, EntityManager } from 'typeorm';
import { EventInbox, type ConsumedMessage } from './event-inbox.service';
import { PermanentEventError } from './failures';
import { BatchGroup } from './batch-slot';
import type { KafkaConnection, OutgoingMessage } from './kafka.connection';
import { resolveMessagingOptions } from './messaging.options';
import { loadServiceConfig } from '@capaian/shared/config';
import { DeadLetterHeaders } from './wire';

/** A DataSource whose transactions record the inbox ids they committed. */
function fakeDatabase() {
  const committed = new Set<string>();
  const dataSource = {
    async transaction<R>(work: (m: EntityManager) => Promise<R>): Promise<R> {
      const staged: string[] = [];
      const manager = {
        async query(sql: string, params: unknown[]) {
          if (/INSERT INTO inbox/.test(sql)) {
            const key = `${params[0]}/${params[1]}`;
            if (committed.has(key) || staged.includes(key)) return [];
            staged.push(key);
            return [{ event_id: params[0] }];
          }
          return [];
        },
      } as unknown as EntityManager;
      const result = await work(manager); // a throw discards `staged`, like a rollback
      staged.forEach((k) => committed.add(k));
      return result;
    },
  } as unknown as DataSource;
  return { dataSource, committed };
}

function fakeKafka(fail = false) {
  const published: OutgoingMessage[] = [];
  const kafka = {
    publish: jest.fn(async (messages: OutgoingMessage[]) => {
      if (fail) throw new Error('broker down');
      published.push(...messages);
    }),
  } as unknown as KafkaConnection;
  return { kafka, published };
}

const config = loadServiceConfig('notification', {});
const options = resolveMessagingOptions({ config, source: '/capaian/test', consumer: { retryBackoffMs: 1, maxRetryBackoffMs: 2, maxAttempts: 3 } });

function message(value: unknown, overrides: Partial<ConsumedMessage> = {}): ConsumedMessage {
  return {
    topic: Topics.platformPing,
    partition: 1,
    offset: '17',
    key: 'agg-1',
    value,
    headers: { ce_id: 'orig-id', 'x-original': 'yes' },
    heartbeat: jest.fn().mockResolvedValue(undefined),
    ...overrides,
  };
}

const ping = (data: unknown = { message: 'halo' }) =>
  createEnvelope({ source: '/capaian/test', type: PlatformPingV1, subject: 'agg-1', data: data as { message: string }, correlationId: 'corr-123456' });
const bytes = (v: unknown) => Buffer.from(JSON.stringify(v));

describe('EventInbox.consume', () => {
  // The helper logs every failure it handles; the assertions below check them, the logs are noise here.
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(new ConsoleLogger()));

  it('applies an event once, inside the correlation id, and reports a redelivery as duplicate', async () => {
    const { dataSource, committed } = fakeDatabase();
    const { kafka, published } = fakeKafka();
    const inbox = new EventInbox(dataSource, kafka, options);
    const seen: Array<string | undefined> = [];
    const handler = jest.fn(async () => {
      seen.push(currentCorrelationId());
    });
    const event = ping();
    await expect(inbox.consume(message(bytes(event)), handler)).resolves.toBe('processed');
    await expect(inbox.consume(message(bytes(event)), handler)).resolves.toBe('duplicate');
    expect(handler).toHaveBeenCalledTimes(1);
    expect(seen).toEqual(['corr-123456']);
    expect(committed.has(`${event.id}/default`)).toBe(true);
    // Another handler name applies the same event independently.
    await expect(inbox.consume(message(bytes(event)), handler, { handler: 'other' })).resolves.toBe('processed');
    expect(published).toHaveLength(0);
  });

  it('retries a failing handler, then dead-letters the original bytes, key and headers with the error', async () => {
    const { dataSource, committed } = fakeDatabase();
    const { kafka, published } = fakeKafka();
    const inbox = new EventInbox(dataSource, kafka, options);
    const handler = jest.fn(async () => {
      throw new Error('gagal terus');
    });
    const raw = bytes(ping());
    const m = message(raw);
    await expect(inbox.consume(m, handler)).resolves.toBe('dead-lettered');
    expect(handler).toHaveBeenCalledTimes(3);
    expect(committed.size).toBe(0);
    expect(m.heartbeat).toHaveBeenCalled();
    expect(published).toHaveLength(1);
    const dlq = published[0];
    expect(dlq.topic).toBe(`${Topics.platformPing}.dlq`);
    expect(dlq.key).toBe('agg-1');
    expect(dlq.value).toEqual(raw);
    expect(dlq.headers).toMatchObject({
      ce_id: 'orig-id',
      'x-original': 'yes',
      [DeadLetterHeaders.reason]: 'handler-failed',
      [DeadLetterHeaders.errorMessage]: 'gagal terus',
      [DeadLetterHeaders.attempts]: '3',
      [DeadLetterHeaders.originalTopic]: Topics.platformPing,
      [DeadLetterHeaders.originalOffset]: '17',
      [DeadLetterHeaders.consumerGroup]: 'capaian-notification',
    });
  });

  it('succeeds on a later attempt without a dead letter', async () => {
    const { dataSource } = fakeDatabase();
    const { kafka, published } = fakeKafka();
    const inbox = new EventInbox(dataSource, kafka, options);
    let calls = 0;
    const outcome = await inbox.consume(message(bytes(ping())), async (_e, _m, delivery) => {
      calls++;
      if (delivery.attempt < 2) throw new Error('sementara');
    });
    expect(outcome).toBe('processed');
    expect(calls).toBe(2);
    expect(published).toHaveLength(0);
  });

  it('dead-letters a PermanentEventError after one attempt', async () => {
    const { dataSource } = fakeDatabase();
    const { kafka, published } = fakeKafka();
    const handler = jest.fn(async () => {
      throw new PermanentEventError('pegawai tidak dikenal');
    });
    await expect(new EventInbox(dataSource, kafka, options).consume(message(bytes(ping())), handler)).resolves.toBe('dead-lettered');
    expect(handler).toHaveBeenCalledTimes(1);
    expect(published[0].headers).toMatchObject({ [DeadLetterHeaders.reason]: 'permanent-failure', [DeadLetterHeaders.attempts]: '1' });
  });

  it.each([
    ['not JSON', Buffer.from('bukan json'), 'invalid-json'],
    ['empty', null, 'invalid-json'],
    ['a contract violation', bytes(ping({ message: '' })), 'contract-violation'],
    ['an unknown type', bytes({ ...ping(), type: 'capaian.unknown.v1' }), 'contract-violation'],
  ])('dead-letters a message that is %s at once, without calling the handler', async (_label, value, reason) => {
    const { dataSource } = fakeDatabase();
    const { kafka, published } = fakeKafka();
    const handler = jest.fn();
    await expect(new EventInbox(dataSource, kafka, options).consume(message(value), handler)).resolves.toBe('dead-lettered');
    expect(handler).not.toHaveBeenCalled();
    expect(published).toHaveLength(1);
    expect(published[0].headers).toMatchObject({ [DeadLetterHeaders.reason]: reason, [DeadLetterHeaders.attempts]: '0' });
    expect(published[0].value).toEqual(value);
  });

  it('dead-letters an event that arrives on a topic its contract does not name', async () => {
    const { dataSource } = fakeDatabase();
    const { kafka, published } = fakeKafka();
    const outcome = await new EventInbox(dataSource, kafka, options).consume(message(bytes(ping()), { topic: Topics.personnelEmployee }), jest.fn());
    expect(outcome).toBe('dead-lettered');
    expect(published[0].topic).toBe(`${Topics.personnelEmployee}.dlq`);
  });

  it('skips event types the handler does not want, without an inbox row', async () => {
    const { dataSource, committed } = fakeDatabase();
    const { kafka } = fakeKafka();
    const handler = jest.fn();
    const outcome = await new EventInbox(dataSource, kafka, options).consume(message(bytes(ping())), handler, { types: ['capaian.other.v1'] });
    expect(outcome).toBe('skipped');
    expect(handler).not.toHaveBeenCalled();
    expect(committed.size).toBe(0);
  });

  it('throws instead of dead-lettering when the database is down, so the message is redelivered', async () => {
    const { dataSource } = fakeDatabase();
    const { kafka, published } = fakeKafka();
    const down = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    await expect(
      new EventInbox(dataSource, kafka, options).consume(message(bytes(ping())), async () => {
        throw down;
      }),
    ).rejects.toBe(down);
    expect(published).toHaveLength(0);
  });

  it('throws when the dead letter cannot be published, so the offset is not committed', async () => {
    const { dataSource } = fakeDatabase();
    const { kafka } = fakeKafka(true);
    await expect(new EventInbox(dataSource, kafka, options).consume(message(Buffer.from('x')), jest.fn())).rejects.toThrow('broker down');
  });

  it('heartbeats while a long handler runs, so the consumer keeps its partitions', async () => {
    const { dataSource } = fakeDatabase();
    const { kafka } = fakeKafka();
    const fast = resolveMessagingOptions({ config, source: '/capaian/test', consumer: { heartbeatIntervalMs: 20 } });
    // The handler ends after the fourth heartbeat, however slow the machine: no race against a wall-clock sleep.
    let fourthHeartbeat: () => void = () => undefined;
    const heard = new Promise<void>((r) => (fourthHeartbeat = r));
    const heartbeat = jest.fn(async () => {
      if (heartbeat.mock.calls.length >= 4) fourthHeartbeat();
    });
    const m = message(bytes(ping()), { heartbeat });
    await new EventInbox(dataSource, kafka, fast).consume(m, () => heard);
    expect((m.heartbeat as jest.Mock).mock.calls.length).toBeGreaterThanOrEqual(4);
    // And no heartbeat after the handler returned (the timer is cleared).
    const calls = (m.heartbeat as jest.Mock).mock.calls.length;
    await new Promise((r) => setTimeout(r, 60));
    expect((m.heartbeat as jest.Mock).mock.calls.length).toBe(calls);
  });

  it('a heartbeat failing during a batch (Kafka down, a rebalance) is no unhandled rejection', async () => {
    // The batch's inbox insert (one statement over arrays) accepts every event.
    const dataSource = {
      transaction: <R>(work: (m: EntityManager) => Promise<R>) =>
        work({ query: async (_sql: string, p: unknown[][]) => (p[0] as string[]).map((id, i) => ({ event_id: id, handler: p[1][i] })) } as unknown as EntityManager),
    } as unknown as DataSource;
    const { kafka } = fakeKafka();
    const fast = resolveMessagingOptions({ config, source: '/capaian/test', consumer: { heartbeatIntervalMs: 20 } });
    const unhandled = jest.fn();
    process.on('unhandledRejection', unhandled);
    try {
      const group = new BatchGroup();
      const heartbeat = jest.fn().mockRejectedValue(new Error('Connection error: connect ECONNREFUSED'));
      const inbox = new EventInbox(dataSource, kafka, fast);
      const consumed = inbox.consume(message(bytes(ping()), { heartbeat, batch: group.slot(1) }), () => new Promise((r) => setTimeout(r, 150)));
      await group.whenReady();
      await inbox.runBatch(group.slots);
      await expect(consumed).resolves.toBe('processed');
      await new Promise((r) => setTimeout(r, 20));
      expect(heartbeat.mock.calls.length).toBeGreaterThanOrEqual(2);
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });

  it('drains: resolves once in-flight handlers finished', async () => {
    const { dataSource } = fakeDatabase();
    const { kafka } = fakeKafka();
    const inbox = new EventInbox(dataSource, kafka, options);
    let release!: () => void;
    const running = inbox.consume(message(bytes(ping())), () => new Promise<void>((r) => (release = r)));
    await new Promise((r) => setImmediate(r));
    expect(inbox.inFlightCount).toBe(1);
    await expect(inbox.drain(20)).resolves.toBe(false);
    const drained = inbox.drain(1_000);
    release();
    await expect(drained).resolves.toBe(true);
    await expect(running).resolves.toBe('processed');
  });
});
