import { execFileSync } from 'node:child_process';
import { eventually } from '@capaian/shared/testing';
import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import { PlatformPingV1, Topics, validateEnvelope } from '@capaian/contracts';
import { HealthService } from '@capaian/shared/http';
import { OutboxService } from './outbox.service';
import { readTopic } from './testing/kafka-probe';
import { createMessagingTestApp, type MessagingTestApp } from './testing/messaging-test-app';
import { prepareScratchDatabase } from './testing/scratch-database';

/**
 * "A service that writes but cannot reach Kafka loses nothing" (docs/architecture.md §3.4), against the
 * real broker: this file STOPS Kafka (infra/infra.sh down kafka) and starts it again, so it must not
 * run while other test files use Kafka (npm test runs Jest in band). Kafka's start wipes its data and
 * recreates the topics, so afterwards the topic holds exactly what was published since.
 * Kafka is left running at the end, also when the test fails; npm test stops it if npm test started it.
 */
const root = path.resolve(__dirname, '../../../..');
function infra(...args: string[]): void {
  // INFRA_KEEP_CLAIMS: whoever started Kafka before this test (npm test) still owns the restarted
  // broker and stops it at the end; a Kafka that was already running stays running.
  const env = { ...process.env, INFRA_KEEP_CLAIMS: '1' };
  execFileSync('bash', [path.join(root, 'infra/infra.sh'), ...args], { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'], timeout: 150_000 });
}

describe('outbox while Kafka is down (stops and restarts the real broker)', () => {
  let t: MessagingTestApp;

  beforeAll(async () => {
    infra('up', 'kafka');
    const db = await prepareScratchDatabase();
    t = await createMessagingTestApp({ db, relayOptions: { pollIntervalMs: 200, initialBackoffMs: 200, maxBackoffMs: 1_000 } });
  }, 120_000);

  afterAll(async () => {
    await t?.app.close();
    infra('up', 'kafka');
  }, 180_000);

  it('keeps a write made while Kafka is down and publishes it exactly once when Kafka is back', async () => {
    const health = t.app.get(HealthService);
    expect((await health.readiness()).checks.kafka).toEqual({ status: 'up' });

    infra('down', 'kafka');
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

    infra('up', 'kafka');
    // Published once the broker and its topics are back (the relay backs off at most 1 s here).
    await eventually(async () => (await t.dataSource.query(`SELECT 1 FROM outbox WHERE id = $1 AND sent_at IS NOT NULL`, [event.id])).length > 0, 60_000, 200);
    const copies = (await readTopic(Topics.platformPing)).filter((m) => m.headers.ce_id === event.id);
    expect(copies).toHaveLength(1);
    expect(copies[0].key).toBe(subject);
    expect(validateEnvelope(copies[0].json())).toEqual(event);
    await eventually(async () => (await health.readiness()).checks.kafka.status === 'up', 10_000, 200);
  }, 180_000);
});
