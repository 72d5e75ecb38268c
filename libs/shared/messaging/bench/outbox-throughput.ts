/**
 * Outbox → Kafka → consumer throughput and end-to-end latency, through the same path services use:
 * OutboxService.enqueue/enqueueMany in the writer's transaction, OutboxRelay, the batching Nest
 * Kafka transport (connectKafkaConsumer) and EventInbox.consume with a handler that writes one row
 * (inbox dedupe + DB write in the batch's transaction), on the real PostgreSQL and Kafka.
 *
 *   bash libs/shared/messaging/bench/run.sh [events=5000] [writers=8]
 *   env BENCH_BATCHED_EVENTS (default 20000, 0 = skip), BENCH_EVENTS_PER_TX (default 50),
 *       BENCH_PACED_RATE (default 1000/s), BENCH_PACED_EVENTS (default 10 s worth, 0 = skip)
 *
 * Three phases:
 *   1. burst: `events` events from `writers` writers, one transaction per event (the commit rate of
 *      the writers bounds it);
 *   2. batched burst: BENCH_BATCHED_EVENTS events written BENCH_EVENTS_PER_TX per transaction, so
 *      the writers are not the bottleneck: the pipeline's own throughput;
 *   3. paced: a steady rate, one transaction per event (latency when nothing queues).
 * Latency = from the commit of the event's transaction to the commit of its handler's transaction
 * (consume returned). Prints a human-readable block and, last, one JSON line for scripts. Uses the
 * scratch database capaian_messaging_test and topic platform.ping.v1 with a fresh consumer group
 * that starts at the topic's end; its events stay in the topic (consumers of platform.ping.v1
 * elsewhere ignore them unless they carry notifyEmail / notifyNip, which these do not).
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Controller, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, EventPattern, KafkaContext } from '@nestjs/microservices';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { PlatformPingV1, Topics, type PlatformPingData } from '@capaian/contracts';
import { loadServiceConfig, type ServiceConfig } from '@capaian/shared/config';
import { PlatformHttpModule } from '@capaian/shared/http';
import { PersistenceModule, dataSourceOptions } from '@capaian/shared/persistence';
import { DataSource } from 'typeorm';
import { EventInbox, MessagingModule, OutboxService, type RelayOptions, connectKafkaConsumer, kafkaBrokersFromEnv, messagingEntities, moveConsumerGroupToEnd } from '../src';
import { prepareScratchDatabase } from '../src/testing/scratch-database';

const total = Number(process.argv[2] ?? process.env.BENCH_EVENTS ?? 5000);
const writers = Number(process.argv[3] ?? process.env.BENCH_WRITERS ?? 8);
const batchedEvents = Number(process.env.BENCH_BATCHED_EVENTS ?? 20_000);
const eventsPerTx = Math.max(1, Number(process.env.BENCH_EVENTS_PER_TX ?? 50));
/** Last phase: a steady load, to show latency when the pipeline keeps up. */
const pacedRate = Number(process.env.BENCH_PACED_RATE ?? 1000);
const pacedEvents = Number(process.env.BENCH_PACED_EVENTS ?? pacedRate * 10);
const runTag = `bench-${randomUUID().slice(0, 8)}`;

/** The current phase's event ids, their commit times, and the latency measured when each handler starts. */
interface Phase {
  expected: number;
  ours: Set<string>;
  committedAt: Map<string, number>;
  latencies: number[];
  lastConsumed: number;
  done: () => void;
}
let phase: Phase | null = null;

@Controller()
class BenchConsumer {
  constructor(private readonly events: EventInbox) {}

  @EventPattern(Topics.platformPing)
  async onPing(@Ctx() ctx: KafkaContext): Promise<void> {
    let id: string | null = null;
    await this.events.consume<PlatformPingData>(ctx, async (event, manager) => {
      id = event.id;
      // The handler's own write, in the transaction that also records the inbox row.
      await manager.query(`INSERT INTO messaging_test_effect (event_id, run_id, note) VALUES ($1, $2, 'bench')`, [event.id, runTag]);
    });
    const p = phase;
    // Not this phase's, or a duplicate (the handler did not run): nothing to measure.
    if (id === null || !p || !p.ours.delete(id)) return;
    const now = performance.now();
    // Handled before the writer noted its commit time: the latency is ~0.
    p.latencies.push(now - (p.committedAt.get(id) ?? now));
    p.committedAt.delete(id);
    p.lastConsumed = now;
    if (p.latencies.length === p.expected) p.done();
  }
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

interface PhaseResult {
  events: number;
  eventsPerTransaction: number;
  enqueuePerSecond: number;
  endToEndPerSecond: number;
  seconds: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  /** Where the time goes: enqueue transaction start → relay marked it sent (outbox.created_at → sent_at). */
  relayLagMs: { p50: number; p99: number };
  /**
   * CPU time of this process (writers, relay and consumer share it) per event, user + system. Far
   * less sensitive than the rates to other load on the machine: compare settings with it.
   */
  cpuMicrosPerEvent: number;
}

/** Enqueues `count` events (`perTx` per transaction) from `concurrency` writers, optionally paced, and waits for all handlers. */
async function runPhase(dataSource: DataSource, outbox: OutboxService, count: number, concurrency: number, perTx: number, ratePerSecond?: number): Promise<PhaseResult> {
  let done!: () => void;
  const consumed = new Promise<void>((resolve) => (done = resolve));
  const p: Phase = { expected: count, ours: new Set(), committedAt: new Map(), latencies: [], lastConsumed: 0, done };
  phase = p;
  let next = 0;
  const ids: string[] = [];
  const cpuAtStart = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const first = next;
        const n = Math.min(perTx, count - first);
        next += n;
        if (ratePerSecond) {
          const due = started + (first * 1000) / ratePerSecond;
          const wait = due - performance.now();
          if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        }
        const events = Array.from({ length: n }, (_, k) => {
          const i = first + k;
          return { id: randomUUID(), type: PlatformPingV1, subject: `${runTag}-${i % 64}`, data: { message: `${runTag} ${i}` } };
        });
        events.forEach((e) => {
          p.ours.add(e.id);
          ids.push(e.id);
        });
        await dataSource.transaction((m) => outbox.enqueueMany(m, events));
        const now = performance.now();
        for (const e of events) if (p.ours.has(e.id)) p.committedAt.set(e.id, now);
      }
    }),
  );
  const enqueued = performance.now();
  const timeout = setTimeout(() => {
    console.error(`bench: only ${p.latencies.length}/${count} events handled after 120 s`);
    process.exit(1);
  }, 120_000);
  await consumed;
  clearTimeout(timeout);
  const cpu = process.cpuUsage(cpuAtStart);
  const sorted = p.latencies.slice().sort((a, b) => a - b);
  const [lag] = await dataSource.query(
    `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS p50, percentile_cont(0.99) WITHIN GROUP (ORDER BY ms) AS p99
       FROM (SELECT extract(epoch FROM sent_at - created_at) * 1000 AS ms FROM outbox WHERE id = ANY($1::uuid[])) x`,
    [ids],
  );
  const seconds = (p.lastConsumed - started) / 1000;
  const round = (n: number) => +n.toFixed(1);
  return {
    events: count,
    eventsPerTransaction: perTx,
    enqueuePerSecond: Math.round(count / ((enqueued - started) / 1000)),
    endToEndPerSecond: Math.round(count / seconds),
    seconds: round(seconds),
    latencyMs: { p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), p99: round(percentile(sorted, 99)), max: round(sorted[sorted.length - 1]) },
    relayLagMs: { p50: round(Number(lag.p50)), p99: round(Number(lag.p99)) },
    cpuMicrosPerEvent: Math.round((cpu.user + cpu.system) / count),
  };
}

function relayOverrides(): Partial<RelayOptions> {
  const overrides: Partial<RelayOptions> = {};
  if (process.env.BENCH_RELAY_LINGER_MS) overrides.lingerMs = Number(process.env.BENCH_RELAY_LINGER_MS);
  if (process.env.BENCH_RELAY_BATCH) overrides.batchSize = Number(process.env.BENCH_RELAY_BATCH);
  return overrides;
}

async function main(): Promise<void> {
  const db = await prepareScratchDatabase();
  const groupId = `capaian-messaging-bench-${randomUUID()}`;
  const config: ServiceConfig = {
    ...loadServiceConfig('notification', { ...kafkaBrokersFromEnv(), KAFKA_GROUP_ID: groupId, KAFKA_CLIENT_ID: `capaian-messaging-bench-${process.pid}` }),
    // The paced phase's 16 writers, the relay, one transaction per consumed partition (3) and the
    // pruning pass each hold a connection: fewer, and consumer batches would queue for the pool
    // behind the writers, which measures the pool rather than the pipeline.
    database: { ...db, poolSize: Number(process.env.BENCH_POOL_SIZE ?? 24) },
  };

  @Module({
    imports: [
      PlatformHttpModule,
      PersistenceModule.forRoot(dataSourceOptions(config.database, messagingEntities, [])),
      // BENCH_RELAY_LINGER_MS / BENCH_RELAY_BATCH compare relay settings against the defaults.
      MessagingModule.forRoot({ config, source: '/capaian/messaging-bench', relayOptions: relayOverrides() }),
    ],
    controllers: [BenchConsumer],
  })
  class BenchModule {}

  const app = await NestFactory.create<NestFastifyApplication>(BenchModule, new FastifyAdapter(), { logger: ['error', 'warn'] });
  await moveConsumerGroupToEnd(groupId, [Topics.platformPing]);
  // BENCH_CONSUMER_BATCH=1 measures the consumer as it was: one transaction per event.
  await connectKafkaConsumer(app, config, { groupId, maxBatchSize: process.env.BENCH_CONSUMER_BATCH ? Number(process.env.BENCH_CONSUMER_BATCH) : undefined });
  await app.init();
  const dataSource = app.get(DataSource);
  const outbox = app.get(OutboxService);

  const burst = await runPhase(dataSource, outbox, total, writers, 1);
  const batched = batchedEvents > 0 ? await runPhase(dataSource, outbox, batchedEvents, writers, eventsPerTx) : null;
  const paced = pacedEvents > 0 ? await runPhase(dataSource, outbox, pacedEvents, 16, 1, pacedRate) : null;
  const lat = (r: PhaseResult) => `p50 ${r.latencyMs.p50} ms, p95 ${r.latencyMs.p95} ms, p99 ${r.latencyMs.p99} ms, max ${r.latencyMs.max} ms`;
  const lines = [`outbox → Kafka → consumer (batched consumer: one transaction per batch with inbox dedupe and a row written per event)`];
  for (const [name, r] of [['burst', burst], ['batched burst', batched]] as const) {
    if (!r) continue;
    lines.push(
      `  ${name}: ${r.events} events from ${writers} concurrent writers, ${r.eventsPerTransaction} per transaction`,
      `    enqueue (commit) rate     ${r.enqueuePerSecond} events/s`,
      `    end-to-end throughput     ${r.endToEndPerSecond} events/s (${r.seconds} s from first enqueue to last handler commit)`,
      `    latency commit → handled  ${lat(r)} (includes queueing behind the backlog)`,
      `    of which enqueue → sent   p50 ${r.relayLagMs.p50} ms, p99 ${r.relayLagMs.p99} ms (outbox relay)`,
      `    CPU of this process       ${r.cpuMicrosPerEvent} µs per event (writers + relay + consumer)`,
    );
  }
  if (paced) {
    lines.push(
      `  paced: ${paced.events} events at ${pacedRate} events/s asked (${paced.enqueuePerSecond} events/s committed), one per transaction`,
      `    latency commit → handled  ${lat(paced)}`,
      `    of which enqueue → sent   p50 ${paced.relayLagMs.p50} ms, p99 ${paced.relayLagMs.p99} ms (outbox relay)`,
    );
  }
  console.log(lines.join('\n'));
  console.log(JSON.stringify({ bench: 'outbox-throughput', writers, burst, batched, paced: paced && { ...paced, ratePerSecond: pacedRate } }));

  await app.close();
  // Keep the scratch database small: the bench's rows are of no further use.
  const cleanup = new DataSource({ type: 'postgres', host: db.host, port: db.port, database: db.database, username: db.username, password: db.password });
  await cleanup.initialize();
  await cleanup.query(`DELETE FROM inbox WHERE event_id IN (SELECT id::text FROM outbox WHERE key LIKE $1)`, [`${runTag}-%`]);
  await cleanup.query(`DELETE FROM messaging_test_effect WHERE run_id = $1`, [runTag]);
  await cleanup.query(`DELETE FROM outbox WHERE key LIKE $1`, [`${runTag}-%`]);
  await cleanup.destroy();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
