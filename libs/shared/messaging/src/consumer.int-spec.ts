import { randomUUID } from 'node:crypto';
import { eventually } from '@capaian/shared/testing';
import { Controller, Injectable } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext } from '@nestjs/microservices';
import { createEnvelope, deadLetterTopic, PlatformPingV1, Topics, type EventEnvelope, type PlatformPingData } from '@capaian/contracts';
import { currentCorrelationId, HealthService, MetricsService } from '@capaian/shared/http';
import { DataSource, type EntityManager } from 'typeorm';
import { EventInbox, type Delivery } from './event-inbox.service';
import { produceRawMessages, watchTopic, type ReceivedKafkaMessage, type TopicWatcher } from './testing/kafka-probe';
import { createMessagingTestApp, type MessagingTestApp } from './testing/messaging-test-app';
import { prepareScratchDatabase } from './testing/scratch-database';
import { DeadLetterHeaders } from './wire';

const runId = randomUUID();

/** What the test handler does, per message text; counts calls so retries can be checked. */
@Injectable()
class Behaviour {
  readonly calls = new Map<string, number>();
  readonly correlation = new Map<string, string | undefined>();
  slowStarted = false;

  async handle(event: EventEnvelope<PlatformPingData>, manager: EntityManager, _delivery: Delivery): Promise<void> {
    const text = event.data.message;
    if (!text.includes(runId)) return; // history of other runs on the shared topic
    this.calls.set(text, (this.calls.get(text) ?? 0) + 1);
    this.correlation.set(text, currentCorrelationId());
    await manager.query(`INSERT INTO messaging_test_effect (event_id, run_id, note) VALUES ($1, $2, $3)`, [event.id, runId, text]);
    if (text.startsWith('racun')) throw new Error(`racun: ${text}`);
    if (text.startsWith('lambat')) {
      this.slowStarted = true;
      await new Promise((r) => setTimeout(r, 1_500));
    }
  }
}

@Controller()
class PingConsumer {
  constructor(
    private readonly events: EventInbox,
    private readonly behaviour: Behaviour,
  ) {}

  @EventPattern(Topics.platformPing)
  async onPing(@Ctx() ctx: KafkaContext): Promise<void> {
    await this.events.consume<PlatformPingData>(ctx, (event, manager, delivery) => this.behaviour.handle(event, manager, delivery));
  }
}

/**
 * Consuming through the Nest Kafka transport and EventInbox against the real Kafka and PostgreSQL:
 * deduplication, retries, dead letters, and the ordered shutdown with a handler in flight.
 */
describe('consuming with inbox, retries and dead letters (PostgreSQL + Kafka)', () => {
  let t: MessagingTestApp;
  let behaviour: Behaviour;
  let dlq: TopicWatcher;
  let closed = false;

  beforeAll(async () => {
    const db = await prepareScratchDatabase();
    t = await createMessagingTestApp({
      db,
      relay: false,
      consumer: { maxAttempts: 3, retryBackoffMs: 50, maxRetryBackoffMs: 100 },
      controllers: [PingConsumer],
      providers: [Behaviour],
      consumeTopics: [Topics.platformPing],
    });
    behaviour = t.app.get(Behaviour);
    dlq = await watchTopic(deadLetterTopic(Topics.platformPing));
  }, 60_000);

  afterAll(async () => {
    await dlq?.stop();
    if (!closed) await t?.app.close();
  });

  const ping = (subject: string, message: string) =>
    createEnvelope<PlatformPingData>({ source: '/capaian/test-producer', type: PlatformPingV1, subject, data: { message }, correlationId: `corr-${randomUUID()}` });
  const effects = async (eventId: string): Promise<number> =>
    (await t.dataSource.query(`SELECT count(*)::int AS n FROM messaging_test_effect WHERE event_id = $1`, [eventId]))[0].n;
  const processed = (eventId: string) => eventually(async () => (await effects(eventId)) > 0);

  it('is ready: database and kafka checks are up', async () => {
    const readiness = await t.app.get(HealthService).readiness();
    expect(readiness.checks).toEqual({ database: { status: 'up' }, kafka: { status: 'up' } });
  });

  it('applies an event delivered twice only once, inside its correlation id', async () => {
    const subject = `pegawai-${randomUUID()}`;
    const event = ping(subject, `dua-kali ${runId}`);
    const sentinel = ping(subject, `penjaga ${runId}`);
    const value = JSON.stringify(event);
    await produceRawMessages(Topics.platformPing, [
      { key: subject, value, headers: { ce_id: event.id } },
      { key: subject, value, headers: { ce_id: event.id } },
      { key: subject, value: JSON.stringify(sentinel), headers: { ce_id: sentinel.id } },
    ]);
    // Same key, same partition, handled in order: once the sentinel is applied, both copies were seen.
    await processed(sentinel.id);
    expect(await effects(event.id)).toBe(1);
    expect(behaviour.calls.get(`dua-kali ${runId}`)).toBe(1);
    expect(behaviour.correlation.get(`dua-kali ${runId}`)).toBe(event.correlationid);
    const inbox = await t.dataSource.query(`SELECT handler, type, topic FROM inbox WHERE event_id = $1`, [event.id]);
    expect(inbox).toEqual([{ handler: 'default', type: PlatformPingV1, topic: Topics.platformPing }]);
    const consumed = await t.app.get(MetricsService).registry.getSingleMetric('messaging_events_consumed_total')!.get();
    const duplicates = consumed.values.find((v) => v.labels.outcome === 'duplicate' && v.labels.topic === Topics.platformPing);
    expect(duplicates?.value).toBeGreaterThanOrEqual(1);
  });

  it('dead-letters poison messages with the error and original headers, and goes on with the next ones', async () => {
    const subject = `pegawai-${randomUUID()}`;
    const poison = ping(subject, `racun ${runId}`);
    const invalid = { ...ping(subject, `tidak-sah ${runId}`), data: { message: `tidak-sah ${runId}`, notifyEmail: 'bukan-email' } };
    const notJson = Buffer.from(`bukan json ${runId}`);
    const good = ping(subject, `baik ${runId}`);
    const original = { 'x-test-run': runId };
    await produceRawMessages(Topics.platformPing, [
      { key: subject, value: JSON.stringify(poison), headers: { ...original, ce_id: poison.id } },
      { key: subject, value: notJson, headers: { ...original, ce_id: 'not-json' } },
      { key: subject, value: JSON.stringify(invalid), headers: { ...original, ce_id: invalid.id } },
      { key: subject, value: JSON.stringify(good), headers: { ...original, ce_id: good.id } },
    ]);

    // The message after the poison ones is applied: the partition did not stall.
    await processed(good.id);
    const letters = await dlq.waitFor((m) => m.headers['x-test-run'] === runId, { count: 3, timeoutMs: 10_000 });
    const byCeId = (id: string) => letters.find((m) => m.headers.ce_id === id) as ReceivedKafkaMessage;

    const failed = byCeId(poison.id);
    expect(failed.key).toBe(subject);
    expect(failed.text()).toBe(JSON.stringify(poison));
    expect(failed.headers).toMatchObject({
      'x-test-run': runId,
      [DeadLetterHeaders.reason]: 'handler-failed',
      [DeadLetterHeaders.errorMessage]: `racun: racun ${runId}`,
      [DeadLetterHeaders.attempts]: '3',
      [DeadLetterHeaders.originalTopic]: Topics.platformPing,
      [DeadLetterHeaders.consumerGroup]: t.groupId,
    });
    expect(failed.headers[DeadLetterHeaders.errorStack]).toContain('Behaviour.handle');
    expect(behaviour.calls.get(`racun ${runId}`)).toBe(3);
    // Every attempt rolled back: no effect, no inbox row.
    expect(await effects(poison.id)).toBe(0);
    expect(await t.dataSource.query(`SELECT 1 FROM inbox WHERE event_id = $1`, [poison.id])).toHaveLength(0);

    const garbage = byCeId('not-json');
    expect(garbage.value).toEqual(notJson);
    expect(garbage.key).toBe(subject);
    expect(garbage.headers).toMatchObject({ [DeadLetterHeaders.reason]: 'invalid-json', [DeadLetterHeaders.attempts]: '0' });

    const violation = byCeId(invalid.id);
    expect(violation.headers).toMatchObject({ [DeadLetterHeaders.reason]: 'contract-violation', [DeadLetterHeaders.attempts]: '0' });
    expect(violation.headers[DeadLetterHeaders.errorMessage]).toMatch(/notifyEmail/);
    expect(behaviour.calls.get(`tidak-sah ${runId}`)).toBeUndefined();

    // Dead letters are recorded in the order the originals were consumed.
    expect(letters.map((m) => m.headers.ce_id)).toEqual([poison.id, 'not-json', invalid.id]);
  });

  it('lets a handler in flight finish and commit before the database closes on shutdown', async () => {
    const subject = `pegawai-${randomUUID()}`;
    const slow = ping(subject, `lambat ${runId}`);
    await produceRawMessages(Topics.platformPing, [{ key: subject, value: JSON.stringify(slow) }]);
    await eventually(async () => behaviour.slowStarted, 15_000, 10);
    await t.app.close(); // while the handler sleeps
    closed = true;

    const fresh = new DataSource({ type: 'postgres', ...connection(t.config.database) });
    await fresh.initialize();
    try {
      const [effect] = await fresh.query(`SELECT count(*)::int AS n FROM messaging_test_effect WHERE event_id = $1`, [slow.id]);
      expect(effect.n).toBe(1);
      expect(await fresh.query(`SELECT 1 FROM inbox WHERE event_id = $1`, [slow.id])).toHaveLength(1);
    } finally {
      await fresh.destroy();
    }
  });
});

function connection(db: MessagingTestApp['config']['database']) {
  return { host: db.host, port: db.port, database: db.database, username: db.username, password: db.password };
}
