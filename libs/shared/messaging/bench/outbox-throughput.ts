/**
 * Outbox → Kafka → consumer throughput and end-to-end latency, through the same path services use:
 * OutboxService.enqueue/enqueueMany in the writer's transaction, OutboxRelay, the batching Nest
 * Kafka transport (connectKafkaConsumer) and EventInbox.consume with a handler that writes one row
 * (inbox dedupe + DB write in the batch's transaction), on the real PostgreSQL and Kafka.
 *
 *   bash libs/shared/messaging/bench/run.sh [events=5000 (0 = skip the burst)] [writers=8]
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
 * scratch database capaian_messaging_bench and topic platform.ping.v1 of a Kafka broker of its own
 * (started by infra/infra.sh on free ports, deleted at the end), with a fresh consumer group that
 * starts at the topic's end. BENCH_SHARED_KAFKA=1 uses the shared broker instead; its events then stay
 * on the platform's topic, which a running platform's notification consumes (and ignores).
 */
import 'reflect-metadata';
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Controller, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, EventPattern, KafkaContext } from '@nestjs/microservices';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { PlatformPingV1, Topics, type PlatformPingData } from '@capaian/contracts';
import { loadServiceConfig, type DatabaseConfig, type ServiceConfig } from '@capaian/shared/config';
import { PlatformHttpModule } from '@capaian/shared/http';
import { PersistenceModule, dataSourceOptions } from '@capaian/shared/persistence';
import { DataSource } from 'typeorm';
import {
  EventInbox,
  MessagingModule,
  OutboxService,
  type RelayOptions,
  connectKafkaConsumer,
  kafkaBrokersFromEnv,
  messagingEntities,
  moveConsumerGroupToEnd,
  startPrivateKafka,
} from '../src';
import { prepareScratchDatabase, scratchDatabaseConfig } from '../src/testing/scratch-database';

const total = Number(process.argv[2] ?? process.env.BENCH_EVENTS ?? 5000);
const writers = Number(process.argv[3] ?? process.env.BENCH_WRITERS ?? 8);
const batchedEvents = Number(process.env.BENCH_BATCHED_EVENTS ?? 20_000);
const eventsPerTx = Math.max(1, Number(process.env.BENCH_EVENTS_PER_TX ?? 50));
/** Last phase: a steady load, to show latency when the pipeline keeps up. */
const pacedRate = Number(process.env.BENCH_PACED_RATE ?? 1000);
const pacedEvents = Number(process.env.BENCH_PACED_EVENTS ?? pacedRate * 10);
const runTag = process.env.BENCH_RUN_TAG ?? `bench-${randomUUID().slice(0, 8)}`;
/**
 * The consumer runs in a process of its own (as in a deployment, where the producing service's
 * relay and the consuming service are different processes), unless BENCH_SAME_PROCESS=1: then
 * writers, relay and consumer share one Node thread, as the bench did before 2026-12-04 evening.
 */
const sameProcess = process.env.BENCH_SAME_PROCESS === '1';
const isConsumerChild = process.env.BENCH_ROLE === 'consumer';
/** Wall-clock milliseconds with sub-millisecond resolution, comparable between the two processes. */
const now = () => performance.timeOrigin + performance.now();

/** Messages between the bench and its consumer process. */
type ChildMessage = { type: 'ready' } | { type: 'handled'; items: Array<[string, number]> } | { type: 'cpu'; micros: number };
/**
 * The bench's own scratch database: the tests' database (capaian_messaging_test) has relays and
 * consumers of its own while they run, which would publish the bench's rows, and the bench's relay
 * theirs (a test that keeps a row unsent while its broker is down then fails).
 */
const BENCH_DATABASE = 'capaian_messaging_bench';
/** Set in main: the scratch database, whose backends' CPU the phases read from /proc. */
let benchDatabase = '';

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
    let id = null as string | null;
    await this.events.consume<PlatformPingData>(ctx, async (event, manager) => {
      id = event.id;
      // The handler's own write, in the transaction that also records the inbox row.
      await manager.query(`INSERT INTO messaging_test_effect (event_id, run_id, note) VALUES ($1, $2, 'bench')`, [event.id, runTag]);
    });
    // A duplicate (the handler did not run): nothing to measure.
    if (id !== null) onHandled(id, now());
  }
}

/** Where a handled event goes: the phase's bookkeeping here, or the parent bench process. */
let onHandled: (id: string, at: number) => void = recordHandled;

function recordHandled(id: string, at: number): void {
  const p = phase;
  // Not this phase's: nothing to measure.
  if (!p || !p.ours.delete(id)) return;
  // Handled before the writer noted its commit time: the latency is ~0.
  p.latencies.push(Math.max(0, at - (p.committedAt.get(id) ?? at)));
  p.committedAt.delete(id);
  p.lastConsumed = Math.max(p.lastConsumed, at);
  if (p.latencies.length === p.expected) p.done();
}

/** The consumer process, when it is one: started by main, asked for its CPU time around each phase. */
let consumerChild: ChildProcess | null = null;

function consumerCpuMicros(): Promise<number | null> {
  const child = consumerChild;
  if (!child) return Promise.resolve(null);
  return new Promise((resolve) => {
    const onMessage = (m: ChildMessage) => {
      if (m.type !== 'cpu') return;
      child.off('message', onMessage);
      resolve(m.micros);
    };
    child.on('message', onMessage);
    child.send({ type: 'cpu' });
  });
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
   * CPU time of this process (writers and relay, and the consumer with BENCH_SAME_PROCESS=1) per
   * event, user + system. Far less sensitive than the rates to other load on the machine: compare
   * settings with it.
   */
  cpuMicrosPerEvent: number;
  /** CPU per event of the consumer process (null when the consumer shares this process). */
  consumerCpuMicrosPerEvent: number | null;
  /**
   * CPU per event of the PostgreSQL backends of the bench's database (writers, relay and consumer
   * connections together) and of the Kafka broker's JVM, from /proc (null where not readable). The
   * broker is shared with whatever else uses it at the time: an upper bound.
   */
  postgresCpuMicrosPerEvent: number | null;
  kafkaCpuMicrosPerEvent: number | null;
}

/** user + system time of a process in microseconds (from /proc/<pid>/stat), or null when it is gone. */
function procCpuMicros(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may contain spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1_000_000) / 100;
  } catch {
    return null;
  }
}

function cmdlineOf(pid: string): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

/** PostgreSQL backends connected to `database` (their process title names it) and the Kafka JVM. */
function pipelineProcesses(database: string): { postgres: number[]; kafka: number[] } {
  const postgres: number[] = [];
  const kafka: number[] = [];
  let pids: string[] = [];
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return { postgres, kafka };
  }
  for (const pid of pids) {
    const cmd = cmdlineOf(pid);
    if (cmd.startsWith('postgres: ') && cmd.includes(` ${database} `)) postgres.push(Number(pid));
    // The bench's own broker when it started one (its log folder is on the JVM's command line).
    else if (/\bkafka\.Kafka\b/.test(cmd) && (!process.env.BENCH_KAFKA_DIR || cmd.includes(process.env.BENCH_KAFKA_DIR))) kafka.push(Number(pid));
  }
  return { postgres, kafka };
}

/** CPU time of the pipeline's other processes; backends that start during the phase count from 0. */
class ProcessCpu {
  private readonly start = new Map<number, number>();
  constructor(private readonly database: string) {
    const { postgres, kafka } = pipelineProcesses(database);
    for (const pid of [...postgres, ...kafka]) this.start.set(pid, procCpuMicros(pid) ?? 0);
  }

  /** Microseconds spent since construction by the postgres backends and the Kafka JVM. */
  spent(): { postgres: number | null; kafka: number | null } {
    const { postgres, kafka } = pipelineProcesses(this.database);
    const sum = (pids: number[]) => (pids.length === 0 ? null : pids.reduce((t, pid) => t + Math.max(0, (procCpuMicros(pid) ?? 0) - (this.start.get(pid) ?? 0)), 0));
    return { postgres: sum(postgres), kafka: sum(kafka) };
  }
}

/** Enqueues `count` events (`perTx` per transaction) from `concurrency` writers, optionally paced, and waits for all handlers. */
async function runPhase(dataSource: DataSource, outbox: OutboxService, count: number, concurrency: number, perTx: number, ratePerSecond?: number): Promise<PhaseResult> {
  let done!: () => void;
  const consumed = new Promise<void>((resolve) => (done = resolve));
  const p: Phase = { expected: count, ours: new Set(), committedAt: new Map(), latencies: [], lastConsumed: 0, done };
  phase = p;
  let next = 0;
  const ids: string[] = [];
  const consumerCpuAtStart = await consumerCpuMicros();
  const cpuAtStart = process.cpuUsage();
  const others = new ProcessCpu(benchDatabase);
  const started = now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const first = next;
        const n = Math.min(perTx, count - first);
        next += n;
        if (ratePerSecond) {
          const due = started + (first * 1000) / ratePerSecond;
          const wait = due - now();
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
        const committed = now();
        for (const e of events) if (p.ours.has(e.id)) p.committedAt.set(e.id, committed);
      }
    }),
  );
  const enqueued = now();
  const timeout = setTimeout(() => {
    console.error(`bench: only ${p.latencies.length}/${count} events handled after 120 s`);
    process.exit(1);
  }, 120_000);
  await consumed;
  clearTimeout(timeout);
  const cpu = process.cpuUsage(cpuAtStart);
  const othersSpent = others.spent();
  const consumerCpuAtEnd = await consumerCpuMicros();
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
    consumerCpuMicrosPerEvent: consumerCpuAtStart === null || consumerCpuAtEnd === null ? null : Math.round((consumerCpuAtEnd - consumerCpuAtStart) / count),
    postgresCpuMicrosPerEvent: othersSpent.postgres === null ? null : Math.round(othersSpent.postgres / count),
    kafkaCpuMicrosPerEvent: othersSpent.kafka === null ? null : Math.round(othersSpent.kafka / count),
  };
}

function relayOverrides(): Partial<RelayOptions> {
  const overrides: Partial<RelayOptions> = {};
  if (process.env.BENCH_RELAY_LINGER_MS) overrides.lingerMs = Number(process.env.BENCH_RELAY_LINGER_MS);
  if (process.env.BENCH_RELAY_BATCH) overrides.batchSize = Number(process.env.BENCH_RELAY_BATCH);
  return overrides;
}

/** The bench's service configuration; both processes use the same scratch database and group. */
function benchConfig(db: DatabaseConfig, groupId: string, poolSize: number): ServiceConfig {
  return {
    ...loadServiceConfig('notification', { ...kafkaBrokersFromEnv(), KAFKA_GROUP_ID: groupId, KAFKA_CLIENT_ID: `capaian-messaging-bench-${process.pid}` }),
    database: { ...db, poolSize },
  };
}

/** A Nest application with the messaging module: the relay runs in it if `relay`, the consumer's controller if `consumer`. */
async function createApp(config: ServiceConfig, relay: boolean, consumer: boolean): Promise<NestFastifyApplication> {
  @Module({
    imports: [
      PlatformHttpModule,
      PersistenceModule.forRoot(dataSourceOptions(config.database, messagingEntities, [])),
      // BENCH_RELAY_LINGER_MS / BENCH_RELAY_BATCH compare relay settings against the defaults.
      MessagingModule.forRoot({ config, source: '/capaian/messaging-bench', relay, relayOptions: relayOverrides() }),
    ],
    controllers: consumer ? [BenchConsumer] : [],
  })
  class BenchModule {}
  const app = await NestFactory.create<NestFastifyApplication>(BenchModule, new FastifyAdapter(), { logger: ['error', 'warn'] });
  if (consumer) {
    // BENCH_CONSUMER_BATCH=1 measures the consumer as it was: one transaction per event.
    // BENCH_MIN_BYTES, BENCH_MAX_WAIT_MS, BENCH_MAX_BYTES_PER_PARTITION, BENCH_PARTITIONS_CONCURRENTLY
    // compare the consumer's fetch settings against the defaults.
    const env = (name: string) => (process.env[name] ? Number(process.env[name]) : undefined);
    await connectKafkaConsumer(app, config, {
      groupId: config.kafka.groupId,
      maxBatchSize: env('BENCH_CONSUMER_BATCH'),
      minBytes: env('BENCH_MIN_BYTES'),
      maxWaitTimeInMs: env('BENCH_MAX_WAIT_MS'),
      maxBytesPerPartition: env('BENCH_MAX_BYTES_PER_PARTITION'),
      partitionsConsumedConcurrently: env('BENCH_PARTITIONS_CONCURRENTLY'),
    });
  }
  await app.init();
  return app;
}

/**
 * The consumer process: consumes with the group the bench prepared and reports the handled events
 * (id, time) to the bench in batches, and its CPU time when asked.
 */
async function consumerMain(): Promise<void> {
  const send = (m: ChildMessage) => process.send?.(m);
  let pending: Array<[string, number]> = [];
  const flush = () => {
    if (pending.length === 0) return;
    send({ type: 'handled', items: pending });
    pending = [];
  };
  onHandled = (id, at) => pending.push([id, at]);
  const timer = setInterval(flush, 20);
  // One transaction per consumed partition (3) and room for a dead letter's.
  const config = benchConfig(scratchDatabaseConfig(BENCH_DATABASE), process.env.BENCH_GROUP_ID ?? '', 8);
  const app = await createApp(config, false, true);
  // The bench ended without stopping us (it failed): do not stay behind as an orphan consumer.
  process.on('disconnect', () => process.exit(1));
  process.on('message', (m: { type: string }) => {
    if (m.type === 'cpu') {
      const cpu = process.cpuUsage();
      send({ type: 'cpu', micros: cpu.user + cpu.system });
    } else if (m.type === 'stop') {
      clearInterval(timer);
      void app.close().then(() => process.exit(0));
    }
  });
  send({ type: 'ready' });
}

/** Starts the consumer process and resolves once it consumes; its handled events go to recordHandled. */
async function startConsumerChild(groupId: string): Promise<ChildProcess> {
  const child = fork(__filename, process.argv.slice(2), { env: { ...process.env, BENCH_ROLE: 'consumer', BENCH_GROUP_ID: groupId, BENCH_RUN_TAG: runTag } });
  let stopping = false;
  child.on('exit', (code) => {
    if (stopping) return;
    console.error(`bench: the consumer process ended (exit code ${code})`);
    process.exit(1);
  });
  await new Promise<void>((resolve) => {
    child.on('message', (m: ChildMessage) => {
      if (m.type === 'ready') resolve();
      else if (m.type === 'handled') for (const [id, at] of m.items) recordHandled(id, at);
    });
  });
  (child as ChildProcess & { stopBench?: () => Promise<void> }).stopBench = () => {
    stopping = true;
    return new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.send({ type: 'stop' });
    });
  };
  return child;
}

async function main(): Promise<void> {
  // A broker of the bench's own (free ports, a temporary folder), unless BENCH_SHARED_KAFKA=1: the
  // bench's tens of thousands of pings on the shared broker's platform.ping.v1 stayed there, and a
  // platform started later (a new consumer group reads from the beginning) spent minutes consuming them.
  const kafka = process.env.BENCH_SHARED_KAFKA === '1' ? null : await startPrivateKafka('messaging-bench');
  try {
    if (kafka) {
      process.env.KAFKA_BROKERS = kafka.brokers.join(',');
      process.env.BENCH_KAFKA_DIR = kafka.runDir;
    }
    await runBench();
  } finally {
    await kafka?.destroy();
  }
}

async function runBench(): Promise<void> {
  const db = await prepareScratchDatabase(BENCH_DATABASE);
  benchDatabase = db.database;
  const groupId = `capaian-messaging-bench-${randomUUID()}`;
  // The paced phase's 16 writers, the relay, one transaction per consumed partition (3) and the
  // pruning pass each hold a connection: fewer, and consumer batches would queue for the pool
  // behind the writers, which measures the pool rather than the pipeline.
  const config = benchConfig(db, groupId, Number(process.env.BENCH_POOL_SIZE ?? 24));
  await moveConsumerGroupToEnd(groupId, [Topics.platformPing]);
  const app = await createApp(config, true, sameProcess);
  if (!sameProcess) consumerChild = await startConsumerChild(groupId);
  const dataSource = app.get(DataSource);
  const outbox = app.get(OutboxService);

  const burst = total > 0 ? await runPhase(dataSource, outbox, total, writers, 1) : null;
  const batched = batchedEvents > 0 ? await runPhase(dataSource, outbox, batchedEvents, writers, eventsPerTx) : null;
  const paced = pacedEvents > 0 ? await runPhase(dataSource, outbox, pacedEvents, 16, 1, pacedRate) : null;
  const lat = (r: PhaseResult) => `p50 ${r.latencyMs.p50} ms, p95 ${r.latencyMs.p95} ms, p99 ${r.latencyMs.p99} ms, max ${r.latencyMs.max} ms`;
  const lines = [
    `outbox → Kafka → consumer (batched consumer: one transaction per batch with inbox dedupe and a row written per event; ${sameProcess ? 'writers, relay and consumer in one process' : 'writers and relay in one process, the consumer in another'})`,
  ];
  const cpuLine = (r: PhaseResult) =>
    r.consumerCpuMicrosPerEvent === null
      ? `this process ${r.cpuMicrosPerEvent} µs (writers + relay + consumer)`
      : `writers + relay ${r.cpuMicrosPerEvent} µs, consumer ${r.consumerCpuMicrosPerEvent} µs`;
  for (const [name, r] of [['burst', burst], ['batched burst', batched]] as const) {
    if (!r) continue;
    lines.push(
      `  ${name}: ${r.events} events from ${writers} concurrent writers, ${r.eventsPerTransaction} per transaction`,
      `    enqueue (commit) rate     ${r.enqueuePerSecond} events/s`,
      `    end-to-end throughput     ${r.endToEndPerSecond} events/s (${r.seconds} s from first enqueue to last handler commit)`,
      `    latency commit → handled  ${lat(r)} (includes queueing behind the backlog)`,
      `    of which enqueue → sent   p50 ${r.relayLagMs.p50} ms, p99 ${r.relayLagMs.p99} ms (outbox relay)`,
      `    CPU per event             ${cpuLine(r)}, postgres ${r.postgresCpuMicrosPerEvent ?? '?'} µs (the bench database's backends), Kafka ${r.kafkaCpuMicrosPerEvent ?? '?'} µs (the broker's JVM)`,
    );
  }
  if (paced) {
    lines.push(
      `  paced: ${paced.events} events at ${pacedRate} events/s asked (${paced.enqueuePerSecond} events/s committed), one per transaction`,
      `    latency commit → handled  ${lat(paced)}`,
      `    of which enqueue → sent   p50 ${paced.relayLagMs.p50} ms, p99 ${paced.relayLagMs.p99} ms (outbox relay)`,
      `    CPU per event             ${cpuLine(paced)}, postgres ${paced.postgresCpuMicrosPerEvent ?? '?'} µs, Kafka ${paced.kafkaCpuMicrosPerEvent ?? '?'} µs`,
    );
  }
  console.log(lines.join('\n'));
  console.log(JSON.stringify({ bench: 'outbox-throughput', consumerProcess: sameProcess ? 'same' : 'separate', writers, burst, batched, paced: paced && { ...paced, ratePerSecond: pacedRate } }));

  await (consumerChild as (ChildProcess & { stopBench?: () => Promise<void> }) | null)?.stopBench?.();
  await app.close();
  // Keep the scratch database small: the bench's rows are of no further use.
  const cleanup = new DataSource({ type: 'postgres', host: db.host, port: db.port, database: db.database, username: db.username, password: db.password });
  await cleanup.initialize();
  await cleanup.query(`DELETE FROM inbox WHERE event_id IN (SELECT id::text FROM outbox WHERE key LIKE $1)`, [`${runTag}-%`]);
  await cleanup.query(`DELETE FROM messaging_test_effect WHERE run_id = $1`, [runTag]);
  await cleanup.query(`DELETE FROM outbox WHERE key LIKE $1`, [`${runTag}-%`]);
  await cleanup.destroy();
}

(isConsumerChild ? consumerMain() : main()).catch((e) => {
  console.error(e);
  process.exit(1);
});
