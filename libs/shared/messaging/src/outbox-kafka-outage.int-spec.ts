import { eventually } from '@capaian/shared/testing';
import { randomUUID } from 'node:crypto';
import { PlatformPingV1, Topics, validateEnvelope } from '@capaian/contracts';
import { HealthService } from '@capaian/shared/http';
import { OutboxService } from './outbox.service';
import { topicMessageCount, watchTopic, type TopicWatcher } from './testing/kafka-probe';
import { createMessagingTestApp, type MessagingTestApp } from './testing/messaging-test-app';
import { startPrivateKafka, type PrivateKafka } from './testing/private-kafka';
import { prepareScratchDatabase } from './testing/scratch-database';

/**
 * "A service that writes but cannot reach Kafka loses nothing" (docs/architecture.md §3.4), against a
 * real broker of this test's own (testing/private-kafka.ts: infra/infra.sh on free ports and a temp
 * folder), which it stops and starts again; the shared broker is not touched.
 */
describe('outbox while Kafka is down (stops and restarts a private broker)', () => {
  let kafka: PrivateKafka;
  let t: MessagingTestApp;
  let watcher: TopicWatcher;

  beforeAll(async () => {
    kafka = await startPrivateKafka('outage');
    const db = await prepareScratchDatabase();
    t = await createMessagingTestApp({ db, brokers: kafka.brokers, relayOptions: { pollIntervalMs: 200, initialBackoffMs: 200, maxBackoffMs: 1_000 } });
  }, 180_000);

  afterAll(async () => {
    await watcher?.stop();
    await t?.app.close();
    await kafka?.destroy();
  }, 180_000);

  it('keeps a write made while Kafka is down and publishes it exactly once when Kafka is back', async () => {
    const health = t.app.get(HealthService);
    expect((await health.readiness()).checks.kafka).toEqual({ status: 'up' });

    await kafka.down();
    expect((await health.readiness()).checks.kafka.status).toBe('down');

    const subject = `pegawai-${randomUUID()}`;
    const event = await t.dataSource.transaction(async (m) => {
      await m.query(`INSERT INTO messaging_test_effect (event_id, run_id, note) VALUES ('-', $1, 'written while kafka is down')`, [subject]);
      return t.app.get(OutboxService).enqueue(m, { type: PlatformPingV1, subject, data: { message: 'ditulis saat Kafka mati' } });
    });
    // The write does not wait for Kafka: it committed while the broker is still down.
    expect(await t.dataSource.query(`SELECT 1 FROM messaging_test_effect WHERE run_id = $1`, [subject])).toHaveLength(1);

    // The relay keeps failing and retrying; the row stays queued.
    await new Promise((r) => setTimeout(r, 2_000));
    const [queued] = await t.dataSource.query(`SELECT sent_at FROM outbox WHERE id = $1`, [event.id]);
    expect(queued.sent_at).toBeNull();

    await kafka.up();
    // The private broker holds only what this test published: read the topic from its beginning.
    watcher = await watchTopic(Topics.platformPing, { brokers: kafka.brokers, fromBeginning: true });
    // Published once the broker and its topics are back (the relay backs off at most 1 s here).
    await eventually(async () => (await t.dataSource.query(`SELECT 1 FROM outbox WHERE id = $1 AND sent_at IS NOT NULL`, [event.id])).length > 0, 60_000, 200);
    // The private broker holds only this test's messages: exactly one on the topic.
    expect(await topicMessageCount(Topics.platformPing, { brokers: kafka.brokers })).toBe(1);
    const copies = await watcher.waitFor((m) => m.headers.ce_id === event.id, { count: 1, timeoutMs: 60_000 });
    expect(copies[0].key).toBe(subject);
    expect(validateEnvelope(copies[0].json())).toEqual(event);
    await eventually(async () => (await health.readiness()).checks.kafka.status === 'up', 10_000, 200);
  }, 180_000);
});
