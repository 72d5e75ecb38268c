import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import { Controller, Injectable } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext } from '@nestjs/microservices';
import { PlatformPingV1, Topics, type PlatformPingData } from '@capaian/contracts';
import { EventInbox, OutboxService, consumerGroupLag, moveConsumerGroupToEnd, startPrivateKafka, type PrivateKafka } from '@capaian/shared/messaging';
import { eventually } from '@capaian/shared/testing';
import { Kafka, logLevel } from 'kafkajs';
import { DataSource } from 'typeorm';
import { createMessagingTestApp, type MessagingTestApp } from '../../libs/shared/messaging/src/testing/messaging-test-app';
import { prepareScratchDatabase } from '../../libs/shared/messaging/src/testing/scratch-database';

/**
 * The event pipeline's guarantees when things break (issue 12), against real servers: a Kafka
 * broker of this suite's own (the shared one on 9092 is never stopped), scratch databases, the
 * real relay, batching consumer and inbox. Effects are rows in messaging_test_effect, which has no
 * unique key: an event applied twice shows as two rows.
 * The database side of the same issue (a service's PostgreSQL connections terminated and refused:
 * 503 with Retry-After, no exit, recovery) is apps/personnel/test/faults.int-spec.ts and
 * service-database-faults.int-spec.ts, against the built services in child processes; the real
 * consumers killed and restarted is service-consumers.int-spec.ts.
 */
const runId = randomUUID();
/** `npm run bench -- soak` runs the long variant (RELIABILITY_SCALE=5: five times the events). */
const scale = Math.max(1, Number(process.env.RELIABILITY_SCALE ?? 1));
const root = path.resolve(__dirname, '../..');

@Injectable()
class Effects {
  async apply(message: string, id: string, manager: import('typeorm').EntityManager): Promise<void> {
    if (!message.startsWith(runId)) return;
    await manager.query(`INSERT INTO messaging_test_effect (event_id, run_id, note) VALUES ($1, $2, $3)`, [id, runId, message.split(' ')[1]]);
  }
}

@Controller()
class EffectConsumer {
  constructor(
    private readonly inbox: EventInbox,
    private readonly effects: Effects,
  ) {}

  @EventPattern(Topics.platformPing)
  async on(@Ctx() ctx: KafkaContext): Promise<void> {
    await this.inbox.consume<PlatformPingData>(ctx, (event, manager) => this.effects.apply(event.data.message, event.id, manager));
  }
}

/** Writes `count` events tagged `tag` through the app's outbox, `perTx` per transaction, pausing `pauseMs` between transactions. */
async function writeEvents(app: MessagingTestApp, tag: string, count: number, perTx: number, pauseMs = 0, written?: { n: number }): Promise<string[]> {
  const outbox = app.app.get(OutboxService);
  const ids: string[] = [];
  for (let i = 0; i < count; i += perTx) {
    const events = Array.from({ length: Math.min(perTx, count - i) }, (_, k) => ({
      id: randomUUID(),
      type: PlatformPingV1,
      subject: `${tag}-${(i + k) % 32}`,
      data: { message: `${runId} ${tag} ${i + k}` },
    }));
    await app.dataSource.transaction((m) => outbox.enqueueMany(m, events));
    ids.push(...events.map((e) => e.id));
    if (written) written.n += events.length;
    if (pauseMs > 0) await new Promise((r) => setTimeout(r, pauseMs));
  }
  return ids;
}

async function effectCounts(ds: DataSource, tag: string): Promise<{ rows: number; events: number }> {
  const [r] = await ds.query(`SELECT count(*)::int AS rows, count(DISTINCT event_id)::int AS events FROM messaging_test_effect WHERE run_id = $1 AND note = $2`, [runId, tag]);
  return r;
}

describe('event pipeline reliability (private Kafka broker, real PostgreSQL)', () => {
  let kafka: PrivateKafka;
  const writers: MessagingTestApp[] = [];
  let consumer: MessagingTestApp;

  beforeAll(async () => {
    kafka = await startPrivateKafka('reliability');
    const relayOptions = { pollIntervalMs: 100, initialBackoffMs: 200, maxBackoffMs: 1_000 };
    // Three services' outboxes: three databases, three relays.
    for (const name of ['capaian_reliability_a', 'capaian_reliability_b', 'capaian_reliability_c']) {
      writers.push(await createMessagingTestApp({ db: await prepareScratchDatabase(name), brokers: kafka.brokers, relayOptions }));
    }
    consumer = await createMessagingTestApp({
      db: await prepareScratchDatabase('capaian_reliability_consumer'),
      brokers: kafka.brokers,
      relay: false,
      controllers: [EffectConsumer],
      providers: [Effects],
      consumeTopics: [Topics.platformPing],
      consumerOptions: { sessionTimeoutMs: 10_000 },
    });
  }, 900_000);

  afterAll(async () => {
    for (const app of [consumer, ...writers]) await app?.app.close().catch(() => undefined);
    await kafka?.destroy();
  }, 120_000);

  it('Kafka stopped during 10,000 writes to three outboxes: every event arrives, none is applied twice', async () => {
    const written = { n: 0 };
    const total = 10_000 * scale;
    // Most writes run while the broker is being stopped; the last ones start only once it is down,
    // so the outage happens during the writes however fast the machine writes.
    const whileDown = 1_500 * scale;
    const split = (n: number) => writers.map((_, i) => Math.floor(n / 3) + (i === 0 ? n % 3 : 0));
    const ids: string[] = [];
    let down = false;
    try {
      const writing = Promise.all(split(total - whileDown).map((n, i) => writeEvents(writers[i], 'outage', n, 10, 2, written)));
      await eventually(async () => written.n >= total / 5, 120_000, 50);
      await kafka.down();
      down = true;
      ids.push(...(await writing).flat());
      ids.push(...(await Promise.all(split(whileDown).map((n, i) => writeEvents(writers[i], 'outage', n, 10, 0, written)))).flat());
      expect(ids).toHaveLength(total);
    } finally {
      if (down) await kafka.up();
    }

    await eventually(async () => (await effectCounts(consumer.dataSource, 'outage')).events >= total, 240_000 * scale, 500);
    expect(await effectCounts(consumer.dataSource, 'outage')).toEqual({ rows: total, events: total });
    for (const w of writers) {
      expect(await w.dataSource.query(`SELECT 1 FROM outbox WHERE sent_at IS NULL LIMIT 1`)).toHaveLength(0);
    }
  }, 600_000 * scale);

  it('a consumer process killed with SIGKILL and restarted while events flow: nothing lost, nothing applied twice, lag back to zero', async () => {
    const groupId = `capaian-reliability-kill-${runId}`;
    const dbName = 'capaian_reliability_kill';
    const db = await prepareScratchDatabase(dbName);
    const effectsDb = new DataSource({ type: 'postgres', host: db.host, port: db.port, database: db.database, username: db.username, password: db.password });
    await effectsDb.initialize();
    await moveConsumerGroupToEnd(groupId, [Topics.platformPing], { brokers: kafka.brokers });
    const start = () => startConsumerProcess({ RELIABILITY_DB: dbName, KAFKA_BROKERS: kafka.brokers.join(','), KAFKA_GROUP_ID: groupId, RUN_ID: runId });
    let child = await start();
    try {
      const writing = writeEvents(writers[0], 'kill', 3_000 * scale, 10, 20);
      await eventually(async () => (await effectCounts(effectsDb, 'kill')).events >= 500, 120_000, 50);
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      const atKill = await effectCounts(effectsDb, 'kill');
      child = await start();
      const ids = await writing;
      expect(atKill.events).toBeLessThan(ids.length); // killed while events were still flowing

      await eventually(async () => (await effectCounts(effectsDb, 'kill')).events >= ids.length, 180_000, 500);
      expect(await effectCounts(effectsDb, 'kill')).toEqual({ rows: ids.length, events: ids.length });
      await eventually(async () => (await consumerGroupLag(groupId, [Topics.platformPing], { brokers: kafka.brokers })) === 0, 60_000, 500);
    } finally {
      child.kill('SIGTERM');
      await effectsDb.destroy();
    }
  }, 600_000 * scale);

  it('Kafka killed and restarted: every event acknowledged before is still on its topic', async () => {
    const ids = await writeEvents(writers[1], 'restart', 2_000 * scale, 50);
    // Acknowledged = the relay got acks=all from the broker and marked the row sent.
    await eventually(async () => {
      const [{ n }] = await writers[1].dataSource.query(`SELECT count(*)::int AS n FROM outbox WHERE id = ANY($1::uuid[]) AND sent_at IS NOT NULL`, [ids]);
      return n === ids.length;
    }, 120_000, 200);
    await kafka.kill();
    await kafka.up();
    const found = await readEventIds(kafka.brokers, Topics.platformPing, new Set(ids), 120_000);
    expect(found.size).toBe(ids.length);
    // The consuming service lived through the broker's death: it applies each of them once, and
    // events written after the restart. This also lets its kafkajs consumer settle before afterAll
    // closes it: one closed in the middle of a crash-and-restart cycle leaves a restart timer behind
    // that kafkajs never clears, and Jest never exits.
    const after = await writeEvents(writers[2], 'after-restart', 30, 10);
    await eventually(async () => (await effectCounts(consumer.dataSource, 'after-restart')).events >= after.length, 120_000, 200);
    expect(await effectCounts(consumer.dataSource, 'restart')).toEqual({ rows: ids.length, events: ids.length });
    expect(await effectCounts(consumer.dataSource, 'after-restart')).toEqual({ rows: after.length, events: after.length });
  }, 600_000 * scale);
});

/** Starts tests/reliability/support/consumer-process.ts and resolves once it prints `ready`. */
function startConsumerProcess(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-r', './tests/reliability/support/register-ts.cjs', 'tests/reliability/support/consumer-process.ts'], {
    cwd: root,
    env: { ...process.env, ...env, KAFKAJS_NO_PARTITIONER_WARNING: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('consumer process not ready after 120 s')), 120_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`consumer process exited with ${code} before it was ready`));
    });
  });
}

/**
 * Reads the topic from its beginning, in a group of its own, until every wanted event id (header
 * ce_id) was seen or the time is up; returns the wanted ids it saw. Linear in the topic's size: the
 * topic holds every event of the suite's earlier cases too (a watcher that re-filters all it has
 * seen on each message took minutes for 15,000 of them on a loaded machine).
 */
async function readEventIds(brokers: string[], topic: string, wanted: Set<string>, timeoutMs: number): Promise<Set<string>> {
  const kafka = new Kafka({ clientId: 'capaian-reliability-reader', brokers, logLevel: logLevel.NOTHING });
  const groupId = `capaian-reliability-reader-${randomUUID()}`;
  const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false, maxWaitTimeInMs: 100 });
  const found = new Set<string>();
  let done: () => void = () => undefined;
  const complete = new Promise<void>((resolve) => (done = resolve));
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch }) => {
        for (const m of batch.messages) {
          const id = m.headers?.ce_id?.toString();
          if (id && wanted.has(id)) found.add(id);
        }
        if (found.size >= wanted.size) done();
      },
    });
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([complete, new Promise((r) => (timer = setTimeout(r, timeoutMs)))]);
    clearTimeout(timer);
    return found;
  } finally {
    done();
    await consumer.disconnect().catch(() => undefined);
    const admin = kafka.admin();
    await admin
      .connect()
      .then(() => admin.deleteGroups([groupId]))
      .catch(() => undefined)
      .finally(() => admin.disconnect());
  }
}

