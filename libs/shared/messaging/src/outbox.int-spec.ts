import { randomUUID } from 'node:crypto';
import { eventually } from '@capaian/shared/testing';
import { ContractViolationError, PlatformPingV1, Topics, validateEnvelope, type EventEnvelope } from '@capaian/contracts';
import { runWithCorrelationId } from '@capaian/shared/http';
import { KafkaConnection } from './kafka.connection';
import { resolveMessagingOptions } from './messaging.options';
import { OutboxRelay } from './outbox.relay';
import { OUTBOX_INSERT_CHUNK, OutboxService } from './outbox.service';
import { watchTopic, type ReceivedKafkaMessage, type TopicWatcher } from './testing/kafka-probe';
import { createMessagingTestApp, type MessagingTestApp } from './testing/messaging-test-app';
import { prepareScratchDatabase } from './testing/scratch-database';
import { CLOUDEVENTS_JSON } from './wire';

/**
 * Producing through the outbox against the real PostgreSQL (scratch database) and the real Kafka.
 * The relay's poll interval is 10 s on purpose: events that arrive within a second or two prove that
 * the commit nudged the relay.
 */
describe('transactional outbox (PostgreSQL + Kafka)', () => {
  let t: MessagingTestApp;
  let outbox: OutboxService;
  let watcher: TopicWatcher;
  let closed = false;
  const runId = randomUUID();
  const byId = (id: string) => (m: ReceivedKafkaMessage) => m.headers.ce_id === id;

  beforeAll(async () => {
    const db = await prepareScratchDatabase();
    // The relay's poll is far longer than any wait below: an event that arrives in time was sent
    // because the commit nudged the relay. (No elapsed-time assertions: CI machines are busy.)
    t = await createMessagingTestApp({ db, relayOptions: { pollIntervalMs: 600_000 } });
    outbox = t.app.get(OutboxService);
    watcher = await watchTopic(Topics.platformPing);
  }, 60_000);

  afterAll(async () => {
    await watcher?.stop();
    if (!closed) await t?.app.close();
  });

  const ping = (subject: string, message: string) => ({ type: PlatformPingV1, subject, data: { message } });

  it('publishes a committed write exactly once, as a CloudEvents envelope keyed by its subject', async () => {
    const subject = `pegawai-${randomUUID()}`;
    const event = await runWithCorrelationId('corr-outbox-test-1', () =>
      t.dataSource.transaction(async (m) => {
        await m.query(`INSERT INTO messaging_test_effect (event_id, run_id, note) VALUES ('-', $1, 'state change')`, [runId]);
        return outbox.enqueue(m, ping(subject, 'halo'));
      }),
    );
    // A second event of the same aggregate: same partition, published after the first. Once it is
    // there, a duplicate of the first would already be there too.
    const sentinel = await t.dataSource.transaction((m) => outbox.enqueue(m, ping(subject, 'sentinel')));
    const [sentinelMessage] = await watcher.waitFor(byId(sentinel.id), { timeoutMs: 15_000 });

    const copies = watcher.matching(byId(event.id));
    expect(copies).toHaveLength(1);
    const [message] = copies;
    expect(message.key).toBe(subject);
    expect(validateEnvelope(message.json())).toEqual(event);
    expect(event).toMatchObject({ source: '/capaian/messaging-test', subject, correlationid: 'corr-outbox-test-1', specversion: '1.0' });
    expect(message.headers).toMatchObject({
      ce_id: event.id,
      ce_type: PlatformPingV1,
      ce_source: '/capaian/messaging-test',
      ce_subject: subject,
      ce_correlationid: 'corr-outbox-test-1',
      'content-type': CLOUDEVENTS_JSON,
    });
    expect(message.partition).toBe(sentinelMessage.partition);
    expect(BigInt(message.offset)).toBeLessThan(BigInt(sentinelMessage.offset));
    // The relay marks the row sent after Kafka's acknowledgement, so a consumer can see the message
    // a moment before that commit.
    const row = await eventually(async () => {
      const [r] = await t.dataSource.query(`SELECT sent_at, attempts, last_error FROM outbox WHERE id = $1`, [event.id]);
      return r.sent_at === null ? undefined : r;
    }, 15_000, 50);
    expect(row.sent_at).not.toBeNull();
    expect(row.attempts).toBe(1);
    expect(row.last_error).toBeNull();
  });

  it('publishes nothing for a rolled-back transaction', async () => {
    const subject = `pegawai-${randomUUID()}`;
    let rolledBack: EventEnvelope<unknown> | undefined;
    await expect(
      t.dataSource.transaction(async (m) => {
        rolledBack = await outbox.enqueue(m, ping(subject, 'tidak jadi'));
        throw new Error('the use case failed after enqueueing');
      }),
    ).rejects.toThrow('the use case failed');
    const sentinel = await t.dataSource.transaction((m) => outbox.enqueue(m, ping(subject, 'sentinel')));
    await watcher.waitFor(byId(sentinel.id), { timeoutMs: 5_000 });
    expect(rolledBack).toBeDefined();
    expect(watcher.matching(byId(rolledBack!.id))).toHaveLength(0);
    expect(await t.dataSource.query(`SELECT 1 FROM outbox WHERE id = $1`, [rolledBack!.id])).toHaveLength(0);
  });

  it('rejects a contract violation before anything is written', async () => {
    const subject = `pegawai-${randomUUID()}`;
    await expect(
      t.dataSource.transaction(async (m) => {
        await m.query(`INSERT INTO messaging_test_effect (event_id, run_id, note) VALUES ('-', $1, $2)`, [runId, subject]);
        await outbox.enqueue(m, { type: PlatformPingV1, subject, data: { message: 'a', notifyEmail: 'bukan-email' } });
      }),
    ).rejects.toBeInstanceOf(ContractViolationError);
    // Outside a transaction too: the violation throws before the insert.
    await expect(outbox.enqueue(t.dataSource.manager, { type: PlatformPingV1, subject, data: {} as { message: string } })).rejects.toBeInstanceOf(
      ContractViolationError,
    );
    expect(await t.dataSource.query(`SELECT 1 FROM outbox WHERE key = $1`, [subject])).toHaveLength(0);
    expect(await t.dataSource.query(`SELECT 1 FROM messaging_test_effect WHERE note = $1`, [subject])).toHaveLength(0);
  });

  it('publishes an event enqueued without a transaction (auto-commit) promptly', async () => {
    const event = await outbox.enqueue(t.dataSource.manager, ping(`pegawai-${randomUUID()}`, 'tanpa transaksi'));
    await watcher.waitFor(byId(event.id), { timeoutMs: 15_000 });
  });

  it('keeps each key in order and sends every row once with two relays on one database', async () => {
    // A second relay, as another replica of the service would run, polling hard to contend.
    const options = resolveMessagingOptions({ config: t.config, source: '/capaian/messaging-test', relayOptions: { pollIntervalMs: 10, batchSize: 7 } });
    const kafka = new KafkaConnection(options);
    const second = new OutboxRelay(t.dataSource, kafka, options);
    second.start();
    try {
      const keys = Array.from({ length: 4 }, () => `pegawai-${randomUUID()}`);
      const perKey = 40;
      const expected = new Map<string, string[]>();
      // Each key's events are enqueued one transaction after another; the keys run concurrently.
      await Promise.all(
        keys.map(async (key) => {
          const ids: string[] = [];
          for (let i = 0; i < perKey; i++) {
            const e = await t.dataSource.transaction((m) => outbox.enqueue(m, ping(key, `urutan ${i}`)));
            ids.push(e.id);
          }
          expected.set(key, ids);
        }),
      );
      const all = new Set([...expected.values()].flat());
      await watcher.waitFor((m) => all.has(m.headers.ce_id), { count: all.size, timeoutMs: 20_000 });
      for (const key of keys) {
        const received = watcher.matching((m) => m.key === key).map((m) => m.headers.ce_id);
        expect(received).toEqual(expected.get(key));
      }
    } finally {
      await second.stop();
      await kafka.close();
    }
  });

  it('enqueueMany: a batch in one transaction is published exactly once, each key in array order; one invalid event writes nothing', async () => {
    // More than two INSERT statements' worth, keys interleaved so that each statement holds every key.
    const keys = Array.from({ length: 5 }, () => `pegawai-${randomUUID()}`);
    const n = OUTBOX_INSERT_CHUNK * 2 + 100;
    const events = Array.from({ length: n }, (_, i) => ping(keys[i % keys.length], `batch ${i}`));
    const envelopes = await t.dataSource.transaction(async (m) => {
      await m.query(`INSERT INTO messaging_test_effect (event_id, run_id, note) VALUES ('-', $1, 'batch state change')`, [runId]);
      return outbox.enqueueMany(m, events);
    });
    expect(envelopes.map((e) => (e.data as { message: string }).message)).toEqual(events.map((e) => e.data.message));
    // The relay's order (seq) is the array's order, across statements.
    const seqOrder = await t.dataSource.query(`SELECT id FROM outbox WHERE key = ANY($1) ORDER BY seq`, [keys]);
    expect(seqOrder.map((r: { id: string }) => r.id)).toEqual(envelopes.map((e) => e.id));

    const ids = new Set(envelopes.map((e) => e.id));
    // Nudged by the commit: the poll would come only after ten minutes.
    await watcher.waitFor((m) => ids.has(m.headers.ce_id), { count: n, timeoutMs: 30_000 });
    for (const key of keys) {
      const received = watcher.matching((m) => m.key === key).map((m) => m.headers.ce_id);
      expect(received).toEqual(envelopes.filter((e) => e.subject === key).map((e) => e.id));
    }
    // The relay marks rows sent after Kafka acknowledged them, so a consumer can see the last
    // messages a moment before their rows are marked.
    const unsent = async () =>
      (await t.dataSource.query(`SELECT count(*)::int AS unsent FROM outbox WHERE key = ANY($1) AND sent_at IS NULL`, [keys]))[0].unsent as number;
    await eventually(async () => (await unsent()) === 0, 10_000, 100);
    expect(await unsent()).toBe(0);

    // The invalid event comes last, after more than one statement's worth of valid ones.
    const badKey = `pegawai-${randomUUID()}`;
    const bad = [...Array.from({ length: OUTBOX_INSERT_CHUNK + 1 }, (_, i) => ping(badKey, `valid ${i}`)), { type: PlatformPingV1, subject: badKey, data: { message: '' } }];
    // Outside a transaction the caller gets the error and nothing has been inserted.
    await expect(outbox.enqueueMany(t.dataSource.manager, bad)).rejects.toBeInstanceOf(ContractViolationError);
    // Inside one, a caller that swallows the error and commits commits no event either.
    await t.dataSource.transaction(async (m) => {
      await expect(outbox.enqueueMany(m, bad)).rejects.toBeInstanceOf(ContractViolationError);
    });
    expect(await t.dataSource.query(`SELECT 1 FROM outbox WHERE key = $1`, [badKey])).toHaveLength(0);
    const sentinel = await outbox.enqueue(t.dataSource.manager, ping(badKey, 'sentinel'));
    await watcher.waitFor(byId(sentinel.id), { timeoutMs: 5_000 });
    expect(watcher.matching((m) => m.key === badKey)).toHaveLength(1);
  });

  it('prunes sent rows past their retention, never unsent ones, and old inbox rows', async () => {
    const relay = t.app.get(OutboxRelay);
    await relay.stop();
    try {
      const ids = { oldSent: randomUUID(), recentSent: randomUUID(), oldUnsent: randomUUID() };
      const insert = (id: string, sentAgo: string | null, createdAgo: string) =>
        t.dataSource.query(
          `INSERT INTO outbox (id, topic, key, type, envelope, headers, created_at, sent_at)
           VALUES ($1, 'platform.ping.v1', 'k', $2, '{}'::jsonb, '{}'::jsonb, now() - $3::interval, now() - $4::interval)`,
          [id, PlatformPingV1, createdAgo, sentAgo],
        );
      await insert(ids.oldSent, '8 days', '8 days');
      await insert(ids.recentSent, '1 day', '1 day');
      await insert(ids.oldUnsent, null, '30 days');
      const oldInbox = `evt-${randomUUID()}`;
      const newInbox = `evt-${randomUUID()}`;
      await t.dataSource.query(
        `INSERT INTO inbox (event_id, handler, type, topic, partition, "offset", processed_at)
         VALUES ($1, 'default', 't', 'platform.ping.v1', 0, 0, now() - interval '31 days'), ($2, 'default', 't', 'platform.ping.v1', 0, 1, now())`,
        [oldInbox, newInbox],
      );

      const pruned = await relay.prune();
      expect(pruned.outbox).toBeGreaterThanOrEqual(1);
      expect(pruned.inbox).toBeGreaterThanOrEqual(1);
      const left = (await t.dataSource.query(`SELECT id FROM outbox WHERE id = ANY($1::uuid[])`, [Object.values(ids)])).map((r: { id: string }) => r.id);
      expect(left.sort()).toEqual([ids.recentSent, ids.oldUnsent].sort());
      const inboxLeft = (await t.dataSource.query(`SELECT event_id FROM inbox WHERE event_id = ANY($1)`, [[oldInbox, newInbox]])).map(
        (r: { event_id: string }) => r.event_id,
      );
      expect(inboxLeft).toEqual([newInbox]);
      // The unsent row is not a real event: remove it before the relay runs again.
      await t.dataSource.query(`DELETE FROM outbox WHERE id = $1`, [ids.oldUnsent]);
    } finally {
      relay.start();
    }
  });

  it('flushes pending events on shutdown before the database closes', async () => {
    const relay = t.app.get(OutboxRelay);
    await relay.stop(); // nothing publishes them until the shutdown's final flush
    const subject = `pegawai-${randomUUID()}`;
    const events: EventEnvelope<unknown>[] = [];
    for (let i = 0; i < 20; i++) events.push(await t.dataSource.transaction((m) => outbox.enqueue(m, ping(subject, `akhir ${i}`))));
    const pending = await t.dataSource.query(`SELECT count(*)::int AS n FROM outbox WHERE key = $1 AND sent_at IS NULL`, [subject]);
    expect(pending[0].n).toBe(20);

    await t.app.close();
    closed = true;
    expect(t.dataSource.isInitialized).toBe(false);
    const received = await watcher.waitFor((m) => m.key === subject, { count: 20, timeoutMs: 5_000 });
    expect(received.map((m) => m.headers.ce_id)).toEqual(events.map((e) => e.id));

    // The rows were marked sent in the same flush (checked through a fresh connection).
    const check = await createMessagingTestApp({ db: t.config.database, relay: false });
    try {
      const [row] = await check.dataSource.query(`SELECT count(*)::int AS n FROM outbox WHERE key = $1 AND sent_at IS NOT NULL`, [subject]);
      expect(row.n).toBe(20);
    } finally {
      await check.app.close();
    }
  });

});
