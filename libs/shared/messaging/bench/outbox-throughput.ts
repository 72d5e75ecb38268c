/**
 * Outbox → Kafka → consumer throughput and end-to-end latency, through the same path services use:
 * OutboxService.enqueue in one transaction per event, OutboxRelay, the Nest Kafka transport, and
 * EventInbox.consume (inbox row + handler in one transaction) on the real PostgreSQL and Kafka.
 *
 *   bash libs/shared/messaging/bench/run.sh [events] [writers]      (default 5000 events, 8 writers)
 *   env BENCH_PACED_RATE (default 100/s), BENCH_PACED_EVENTS (default min(1000, events/5), 0 = skip)
 *
 * Two phases: a burst of `events` (throughput; latency then includes queueing behind the backlog),
 * then a paced phase at a light steady rate (latency when nothing queues). Latency = from the
 * commit of the event's transaction to the start of its handler. Prints a human-readable block and,
 * last, one JSON line for scripts. Uses the scratch database
 * capaian_messaging_test and topic platform.ping.v1 with a fresh consumer group that starts at the
 * topic's end; its events stay in the topic (consumers of platform.ping.v1 elsewhere ignore them
 * unless they carry notifyEmail / notifyNip, which these do not).
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
import { EventInbox, MessagingModule, OutboxService, connectKafkaConsumer, messagingEntities, moveConsumerGroupToEnd } from '../src';
import { prepareScratchDatabase } from '../src/testing/scratch-database';

const total = Number(process.argv[2] ?? process.env.BENCH_EVENTS ?? 5000);
const writers = Number(process.argv[3] ?? process.env.BENCH_WRITERS ?? 8);
/** Second phase: a steady, light load, to show latency when the consumer is not the bottleneck. */
const pacedRate = Number(process.env.BENCH_PACED_RATE ?? 100);
const pacedEvents = Number(process.env.BENCH_PACED_EVENTS ?? Math.min(1000, Math.ceil(total / 5)));
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
    await this.events.consume<PlatformPingData>(ctx, async (event) => {
      const p = phase;
      if (!p || !p.ours.delete(event.id)) return; // not this phase's (or a redelivery)
      const now = performance.now();
      // Consumed before the writer noted its commit time: the latency is ~0.
      p.latencies.push(now - (p.committedAt.get(event.id) ?? now));
      p.committedAt.delete(event.id);
      p.lastConsumed = now;
      if (p.latencies.length === p.expected) p.done();
    });
  }
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

interface PhaseResult {
  events: number;
  enqueuePerSecond: number;
  endToEndPerSecond: number;
  seconds: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
}

/** Enqueues `count` events (one transaction each) from `concurrency` writers, optionally paced, and waits for all handlers. */
async function runPhase(dataSource: DataSource, outbox: OutboxService, count: number, concurrency: number, ratePerSecond?: number): Promise<PhaseResult> {
  let done!: () => void;
  const consumed = new Promise<void>((resolve) => (done = resolve));
  const p: Phase = { expected: count, ours: new Set(), committedAt: new Map(), latencies: [], lastConsumed: 0, done };
  phase = p;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        if (ratePerSecond) {
          const due = started + (i * 1000) / ratePerSecond;
          const wait = due - performance.now();
          if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        }
        const id = randomUUID();
        p.ours.add(id);
        await dataSource.transaction((m) => outbox.enqueue(m, { id, type: PlatformPingV1, subject: `${runTag}-${i % 64}`, data: { message: `${runTag} ${i}` } }));
        if (p.ours.has(id)) p.committedAt.set(id, performance.now());
      }
    }),
  );
  const enqueued = performance.now();
  const timeout = setTimeout(() => {
    console.error(`bench: only ${p.latencies.length}/${count} events consumed after 120 s`);
    process.exit(1);
  }, 120_000);
  await consumed;
  clearTimeout(timeout);
  const sorted = p.latencies.slice().sort((a, b) => a - b);
  const seconds = (p.lastConsumed - started) / 1000;
  const round = (n: number) => +n.toFixed(1);
  return {
    events: count,
    enqueuePerSecond: Math.round(count / ((enqueued - started) / 1000)),
    endToEndPerSecond: Math.round(count / seconds),
    seconds: round(seconds),
    latencyMs: { p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), p99: round(percentile(sorted, 99)), max: round(sorted[sorted.length - 1]) },
  };
}

async function main(): Promise<void> {
  const db = await prepareScratchDatabase();
  const groupId = `capaian-messaging-bench-${randomUUID()}`;
  const config: ServiceConfig = {
    ...loadServiceConfig('notification', { KAFKA_GROUP_ID: groupId, KAFKA_CLIENT_ID: `capaian-messaging-bench-${process.pid}` }),
    database: { ...db, poolSize: 20 },
  };

  @Module({
    imports: [
      PlatformHttpModule,
      PersistenceModule.forRoot(dataSourceOptions(config.database, messagingEntities, [])),
      MessagingModule.forRoot({ config, source: '/capaian/messaging-bench' }),
    ],
    controllers: [BenchConsumer],
  })
  class BenchModule {}

  const app = await NestFactory.create<NestFastifyApplication>(BenchModule, new FastifyAdapter(), { logger: ['error', 'warn'] });
  await moveConsumerGroupToEnd(groupId, [Topics.platformPing]);
  await connectKafkaConsumer(app, config, { groupId });
  await app.init();
  const dataSource = app.get(DataSource);
  const outbox = app.get(OutboxService);

  const burst = await runPhase(dataSource, outbox, total, writers);
  const paced = pacedEvents > 0 ? await runPhase(dataSource, outbox, pacedEvents, 4, pacedRate) : null;
  const lat = (r: PhaseResult) => `p50 ${r.latencyMs.p50} ms, p95 ${r.latencyMs.p95} ms, p99 ${r.latencyMs.p99} ms, max ${r.latencyMs.max} ms`;
  const lines = [
    `outbox → Kafka → consumer (one transaction per event on each side, inbox dedupe on)`,
    `  burst: ${burst.events} events from ${writers} concurrent writers`,
    `    enqueue (commit) rate     ${burst.enqueuePerSecond} events/s`,
    `    end-to-end throughput     ${burst.endToEndPerSecond} events/s (${burst.seconds} s from first enqueue to last handler)`,
    `    latency commit → handler  ${lat(burst)} (includes queueing behind the backlog)`,
  ];
  if (paced) {
    lines.push(`  paced: ${paced.events} events at ${pacedRate} events/s`, `    latency commit → handler  ${lat(paced)}`);
  }
  console.log(lines.join('\n'));
  console.log(JSON.stringify({ bench: 'outbox-throughput', writers, burst, paced: paced && { ...paced, ratePerSecond: pacedRate } }));

  await app.close();
  // Keep the scratch database small: the bench's rows are of no further use.
  const cleanup = new DataSource({ type: 'postgres', host: db.host, port: db.port, database: db.database, username: db.username, password: db.password });
  await cleanup.initialize();
  await cleanup.query(`DELETE FROM inbox WHERE event_id IN (SELECT id::text FROM outbox WHERE key LIKE $1)`, [`${runTag}-%`]);
  await cleanup.query(`DELETE FROM outbox WHERE key LIKE $1`, [`${runTag}-%`]);
  await cleanup.destroy();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
