import { randomUUID } from 'node:crypto';
import { eventually } from '@capaian/shared/testing';
import { Controller, Injectable } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext } from '@nestjs/microservices';
import { createEnvelope, deadLetterTopic, PlatformPingV1, Topics, type EventEnvelope, type PlatformPingData } from '@capaian/contracts';
import type { EntityManager } from 'typeorm';
import { EventInbox } from './event-inbox.service';
import { connectKafkaConsumer } from './kafka.consumer';
import { moveConsumerGroupToEnd, produceRawMessages, watchTopic, type RawMessage, type TopicWatcher } from './testing/kafka-probe';
import { createMessagingTestApp, type MessagingTestApp } from './testing/messaging-test-app';
import { prepareScratchDatabase } from './testing/scratch-database';
import { DeadLetterHeaders } from './wire';

const runId = randomUUID();

/** Every applied event leaves a row with the transaction it ran in; no unique key, so a double effect shows. */
const EFFECTS = `CREATE TABLE IF NOT EXISTS messaging_batch_effect (
  id bigserial PRIMARY KEY, run_id text NOT NULL, handler text NOT NULL, event_id text NOT NULL,
  subject text NOT NULL, seq int NOT NULL, tx bigint NOT NULL)`;

@Injectable()
class Recorder {
  async apply(handler: string, event: EventEnvelope<PlatformPingData>, manager: EntityManager): Promise<void> {
    const [tag, run, seq] = event.data.message.split(' ');
    if (run !== runId) return; // history of other runs on the shared topic
    // Poison for the first handler only: the second must still apply it, and both the rest.
    if (tag === 'racun' && handler === 'batch-first') throw new Error(`racun ${event.id}`);
    await manager.query(
      `INSERT INTO messaging_batch_effect (run_id, handler, event_id, subject, seq, tx) VALUES ($1, $2, $3, $4, $5, txid_current())`,
      [runId, handler, event.id, event.subject, Number(seq)],
    );
  }
}

@Controller()
class FirstHandler {
  constructor(
    private readonly inbox: EventInbox,
    private readonly recorder: Recorder,
  ) {}

  @EventPattern(Topics.platformPing)
  async on(@Ctx() ctx: KafkaContext): Promise<void> {
    await this.inbox.consume<PlatformPingData>(ctx, (event, manager) => this.recorder.apply('batch-first', event, manager), { handler: 'batch-first' });
  }
}

/** A second handler of the same topic (Nest chains them): each applies every event once. */
@Controller()
class SecondHandler {
  constructor(
    private readonly inbox: EventInbox,
    private readonly recorder: Recorder,
  ) {}

  @EventPattern(Topics.platformPing)
  async on(@Ctx() ctx: KafkaContext): Promise<void> {
    await this.inbox.consume<PlatformPingData>(ctx, (event, manager) => this.recorder.apply('batch-second', event, manager), { handler: 'batch-second' });
  }
}

/**
 * The batching consumer (kafkajs eachBatch, one transaction per batch) against the real Kafka and
 * PostgreSQL: events of a batch share a transaction, each applies once per handler, a key's events
 * in order, a duplicate within the batch has no second effect, and a poison event goes to the DLQ
 * without losing or reordering the rest of its batch.
 */
describe('batching consumer (PostgreSQL + Kafka)', () => {
  let t: MessagingTestApp;
  let dlq: TopicWatcher;

  beforeAll(async () => {
    const db = await prepareScratchDatabase();
    t = await createMessagingTestApp({
      db,
      relay: false,
      consumer: { maxAttempts: 2, retryBackoffMs: 20, maxRetryBackoffMs: 50 },
      controllers: [FirstHandler, SecondHandler],
      providers: [Recorder],
    });
    await t.dataSource.query(EFFECTS);
    dlq = await watchTopic(deadLetterTopic(Topics.platformPing));
  }, 60_000);

  // Closing waits for the consumer group to leave, which takes Kafka more than Jest's 5 s default.
  afterAll(async () => {
    await dlq?.stop();
    await t?.app.close();
  }, 60_000);

  const subjects = [0, 1, 2].map(() => `pegawai-${randomUUID()}`);
  const ping = (subject: string, tag: string, seq: number) =>
    createEnvelope<PlatformPingData>({ source: '/capaian/test-producer', type: PlatformPingV1, subject, data: { message: `${tag} ${runId} ${seq}` } });
  const raw = (e: EventEnvelope<PlatformPingData>): RawMessage => ({ key: e.subject, value: JSON.stringify(e), headers: { ce_id: e.id } });
  const rows = async (handler: string): Promise<Array<{ event_id: string; subject: string; seq: number; tx: string }>> =>
    t.dataSource.query(`SELECT event_id, subject, seq, tx FROM messaging_batch_effect WHERE run_id = $1 AND handler = $2 ORDER BY id`, [runId, handler]);

  it('applies a backlog in few transactions, once per event and handler, in order per key', async () => {
    const events = Array.from({ length: 90 }, (_, i) => ping(subjects[i % 3], 'baik', i));
    const messages = events.map(raw);
    // A copy of an event inside the same batch (a relay that republished after a crash).
    messages.splice(40, 0, raw(events[20]));
    // Produced while the consumer is not running yet: it finds them as one backlog.
    await moveConsumerGroupToEnd(t.groupId, [Topics.platformPing]);
    await produceRawMessages(Topics.platformPing, messages);
    await connectKafkaConsumer(t.app, t.config, { groupId: t.groupId, sessionTimeoutMs: 10_000 });

    for (const handler of ['batch-first', 'batch-second']) {
      await eventually(async () => (await rows(handler)).length >= events.length, 30_000, 100);
      const applied = await rows(handler);
      expect(applied.map((r) => r.event_id).sort()).toEqual(events.map((e) => e.id).sort());
      for (const subject of subjects) {
        const seqs = applied.filter((r) => r.subject === subject).map((r) => r.seq);
        expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      }
      // One transaction per batch, not per event (three partitions at most, a few fetches).
      expect(new Set(applied.map((r) => r.tx)).size).toBeLessThan(events.length / 3);
    }
    const inbox = await t.dataSource.query(`SELECT count(*)::int AS n FROM inbox WHERE event_id = ANY($1) AND handler LIKE 'batch-%'`, [events.map((e) => e.id)]);
    expect(inbox[0].n).toBe(events.length * 2);
  }, 60_000);

  it('sends a poison event to the DLQ and still applies the rest of its batch once, in order', async () => {
    const subject = subjects[0];
    const before = (await rows('batch-first')).length;
    const events = Array.from({ length: 30 }, (_, i) => ping(subject, i === 10 ? 'racun' : 'baik', 1000 + i));
    const poison = events[10];
    await produceRawMessages(Topics.platformPing, events.map(raw));

    await eventually(async () => (await rows('batch-second')).filter((r) => r.seq >= 1000).length >= 30, 30_000, 100);
    await eventually(async () => (await rows('batch-first')).length >= before + 29, 30_000, 100);
    const first = (await rows('batch-first')).filter((r) => r.seq >= 1000);
    expect(first.map((r) => r.seq)).toEqual(events.filter((e) => e !== poison).map((_, i) => (i < 10 ? 1000 + i : 1001 + i)));
    const second = (await rows('batch-second')).filter((r) => r.seq >= 1000);
    expect(second.map((r) => r.seq)).toEqual(events.map((_, i) => 1000 + i));

    const [letter] = await dlq.waitFor((m) => m.headers.ce_id === poison.id, { count: 1, timeoutMs: 15_000 });
    expect(letter.headers).toMatchObject({
      [DeadLetterHeaders.reason]: 'handler-failed',
      [DeadLetterHeaders.errorMessage]: `racun ${poison.id}`,
      [DeadLetterHeaders.attempts]: '2',
      [DeadLetterHeaders.consumerGroup]: t.groupId,
    });
    // The failed handler left no inbox row (a replay from the DLQ applies it); the other handler's stays.
    const inbox = await t.dataSource.query(`SELECT handler FROM inbox WHERE event_id = $1 ORDER BY handler`, [poison.id]);
    expect(inbox).toEqual([{ handler: 'batch-second' }]);
  }, 60_000);
});
