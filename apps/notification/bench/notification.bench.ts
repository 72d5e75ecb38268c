/**
 * Notification throughput and latency on the real servers, through the real service:
 * personnel-like `employee.hired.v1` events are written with OutboxService (one transaction each,
 * the way a producing service writes), relayed to Kafka, consumed by the notification AppModule
 * (EventInbox → rules → inbox items + queued mails in one transaction) and sent by the delivery
 * worker to a private maildev started here on free ports.
 *
 *   bash apps/notification/bench/run.sh [events=2000] [writers=8]
 *   env BENCH_PACED_RATE (default 20/s), BENCH_PACED_EVENTS (default 300, 0 = skip)
 *
 * Figures: sustained events/s into inbox items and queued mails (burst: first commit → last item),
 * mails/s to the sink (first → last accepted by maildev), and p50/p99 latency from the producer's
 * commit to the inbox item (burst, then a paced phase where nothing queues). Scratch database
 * capaian_notification_bench; consumer group fresh and at the topic's end; only this run's events
 * (by source) are acted on. Prints a human-readable block and, last, one JSON line.
 */
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { randomInt, randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { EmployeeHiredV1, RoleGrantedV1, Topics, type EmployeeSnapshot, type RoleGrantedData } from '@capaian/contracts';
import { loadServiceConfig, loadSmtpConfig } from '@capaian/shared/config';
import { connectKafkaConsumer, moveConsumerGroupToEnd, OutboxService } from '@capaian/shared/messaging';
import { runMigrations } from '@capaian/shared/persistence';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { notificationDataSourceOptions } from '../src/data-source';
import { loadNotificationSettings } from '../src/notification.config';

const total = Number(process.argv[2] ?? process.env.BENCH_EVENTS ?? 2000);
const writers = Number(process.argv[3] ?? process.env.BENCH_WRITERS ?? 8);
const pacedRate = Number(process.env.BENCH_PACED_RATE ?? 20);
const pacedEvents = Number(process.env.BENCH_PACED_EVENTS ?? 300);
const DATABASE = 'capaian_notification_bench';
const source = `/capaian/bench/personnel-${randomUUID().slice(0, 8)}`;
const opd = { unitId: randomUUID(), code: 'DISKOMINFO', name: 'Dinas Komunikasi dan Informatika' };
const unitId = randomUUID();
const ids = new Map<string, string>();
function idOf(nip: string): string {
  const id = ids.get(nip) ?? randomUUID();
  ids.set(nip, id);
  return id;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const round = (n: number) => Math.round(n * 10) / 10;
function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
function freshNip(): string {
  return `1990${String(randomInt(1, 13)).padStart(2, '0')}15${String(randomInt(2010, 2025))}${randomInt(1, 3)}${String(randomInt(0, 1_000_000)).padStart(6, '0')}`.slice(0, 18);
}
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
async function until(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timeout waiting for ${what}`);
    await sleep(50);
  }
}

function snapshot(nip: string, name: string, supervisor: { nip: string; name: string } | null): EmployeeSnapshot {
  return {
    employeeId: idOf(nip),
    nip,
    name,
    jenisAsn: 'PNS',
    sex: 'P',
    birthDate: '1990-01-15',
    golongan: 'III/a',
    pangkat: 'Penata Muda',
    status: 'AKTIF',
    email: `${nip}@bench.palembang.go.id`,
    position: { positionId: randomUUID(), code: 'PRAN', name: 'Pranata Komputer Ahli Pertama', jenisJabatan: 'FUNGSIONAL', jenjang: 'AHLI_PERTAMA', kelasJabatan: 8 },
    unit: { unitId, code: 'APTIKA', name: 'Bidang Aplikasi Informatika' },
    opd,
    supervisor: supervisor ? { employeeId: idOf(supervisor.nip), nip: supervisor.nip, name: supervisor.name } : null,
    tmtJabatan: '2026-01-02',
    effectiveDate: '2026-12-01',
  };
}

async function ensureDatabase(): Promise<void> {
  const admin = new DataSource({ type: 'postgres', host: process.env.DB_HOST ?? '127.0.0.1', username: 'postgres', password: 'postgres', database: 'postgres', extra: { max: 1 } });
  await admin.initialize();
  const exists: unknown[] = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
  if (exists.length === 0) await admin.query(`CREATE DATABASE ${DATABASE}`);
  await admin.destroy();
}

interface PhaseResult {
  events: number;
  seconds: number;
  eventsPerSecond: number;
  inboxItemsPerSecond: number;
  queuedMailsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
}

async function main(): Promise<void> {
  const [smtpPort, webPort] = [await freePort(), await freePort()];
  const maildev = spawn(process.execPath, [join(process.cwd(), 'node_modules/maildev/dist/bin/maildev.js'), '--smtp', String(smtpPort), '--ip', '127.0.0.1', '--web', String(webPort), '--web-ip', '127.0.0.1', '--silent'], { stdio: 'ignore' });
  const sinkUrl = `http://127.0.0.1:${webPort}`;
  process.on('exit', () => maildev.kill('SIGTERM'));
  await until(async () => (await fetch(`${sinkUrl}/api/email`).catch(() => null))?.ok === true, 30_000, 'maildev');

  await ensureDatabase();
  const groupId = `capaian-notification-bench-${randomUUID()}`;
  const env = { ...process.env, DB_NAME: DATABASE, DB_USER: 'postgres', DB_PASSWORD: 'postgres', KAFKA_GROUP_ID: groupId, LOG_LEVEL: 'warn', DIGEST_THRESHOLD: '1000000', DELIVERY_POLL_MS: '50', QUIET_HOURS_START: '0', QUIET_HOURS_END: '0' };
  const config = loadServiceConfig('notification', env);
  await runMigrations(notificationDataSourceOptions(config));
  // Emptied before the service starts: a TRUNCATE next to its running jobs would only deadlock them.
  const cleaner = await new DataSource(notificationDataSourceOptions(config)).initialize();
  await cleaner.query(
    'TRUNCATE notification, delivery, delivery_attempt, dispatch_issue, personnel_employee, personnel_role, preference, reminder, scheduled_job_run, inbox, outbox CASCADE',
  );
  await cleaner.destroy();
  const module = AppModule.forRoot(config, { smtp: { ...loadSmtpConfig({}), port: smtpPort }, settings: loadNotificationSettings(env), eventFilter: (e) => e.source === source, projectionConsumer: false });
  const app = await NestFactory.create<NestFastifyApplication>(module, new FastifyAdapter(), { logger: ['error', 'warn'] });
  await moveConsumerGroupToEnd(groupId, [Topics.personnelEmployee, Topics.platformPing]);
  await connectKafkaConsumer(app, config, { groupId });
  await app.init();
  const dataSource = app.get(DataSource);
  const outbox = app.get(OutboxService);

  const penilai = { nip: freshNip(), name: 'Siti Penilai' };
  const admin = { nip: freshNip(), name: 'Rudi Admin' };
  const write = (data: EmployeeSnapshot) =>
    dataSource.transaction((m) => outbox.enqueue<EmployeeSnapshot>(m, { type: EmployeeHiredV1, subject: data.nip, data, source }));
  for (const p of [penilai, admin]) await write(snapshot(p.nip, p.name, null));
  await dataSource.transaction((m) =>
    outbox.enqueue<RoleGrantedData>(m, { type: RoleGrantedV1, subject: admin.nip, data: { employeeId: idOf(admin.nip), nip: admin.nip, role: 'admin-opd', opd, reason: null }, source }),
  );
  await until(async () => (await dataSource.query(`SELECT count(*)::int AS n FROM personnel_role WHERE granted`))[0].n === 1, 60_000, 'seed');

  async function phase(count: number, concurrency: number, rate?: number): Promise<PhaseResult> {
    const committedAt = new Map<string, number>();
    const nips = Array.from({ length: count }, () => freshNip());
    let next = 0;
    const started = Date.now();
    const writer = async () => {
      while (next < nips.length) {
        const i = next++;
        if (rate) {
          const due = started + (i * 1000) / rate;
          if (due > Date.now()) await sleep(due - Date.now());
        }
        await write(snapshot(nips[i], `Pegawai ${i}`, penilai));
        committedAt.set(nips[i], Date.now());
      }
    };
    await Promise.all(Array.from({ length: rate ? 1 : concurrency }, writer));
    await until(async () => (await dataSource.query(`SELECT count(*)::int AS n FROM notification WHERE recipient_nip = ANY($1)`, [nips]))[0].n === count, 600_000, 'inbox items');
    const rows: { recipient_nip: string; created_at: Date }[] = await dataSource.query(`SELECT recipient_nip, created_at FROM notification WHERE recipient_nip = ANY($1)`, [nips]);
    const latencies = rows.map((r) => new Date(r.created_at).getTime() - (committedAt.get(r.recipient_nip) ?? NaN)).sort((a, b) => a - b);
    const lastItem = Math.max(...rows.map((r) => new Date(r.created_at).getTime()));
    const seconds = (lastItem - started) / 1000;
    const [{ items, mails }] = await dataSource.query(
      `SELECT (SELECT count(*)::int FROM notification WHERE created_at >= $1) AS items, (SELECT count(*)::int FROM delivery WHERE created_at >= $1) AS mails`,
      [new Date(started)],
    );
    return {
      events: count,
      seconds: round(seconds),
      eventsPerSecond: round(count / seconds),
      inboxItemsPerSecond: round(items / seconds),
      queuedMailsPerSecond: round(mails / seconds),
      latencyMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), max: latencies[latencies.length - 1] },
    };
  }

  const burst = await phase(total, writers);
  // Mails to the sink: wait until the queue is empty, then read the accepted times from maildev.
  await until(async () => (await dataSource.query(`SELECT count(*)::int AS n FROM delivery WHERE status = 'pending'`))[0].n === 0, 900_000, 'mails sent');
  const [sent] = await dataSource.query(`SELECT count(*)::int AS n, min(sent_at) AS first, max(sent_at) AS last FROM delivery WHERE status = 'sent'`);
  const sink = (await (await fetch(`${sinkUrl}/api/email`)).json()) as { to: { address: string }[]; headers: Record<string, string> }[];
  const inSink = sink.length;
  // The same (event, recipient) twice in the sink: the at-least-once window, counted rather than hidden.
  const seen = new Map<string, number>();
  for (const m of sink) {
    const key = `${m.headers['x-capaian-event-id']}|${m.to[0]?.address}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  const duplicates = [...seen.entries()].filter(([, n]) => n > 1);
  if (duplicates.length > 0) console.error('duplicates in the sink:', duplicates.slice(0, 5), 'message ids:', sink.filter((m) => duplicates.some(([k]) => k === `${m.headers['x-capaian-event-id']}|${m.to[0]?.address}`)).map((m) => m.headers['message-id']).slice(0, 10));
  const mailSeconds = (new Date(sent.last).getTime() - new Date(sent.first).getTime()) / 1000;
  const mails = { sent: sent.n, inSink, duplicates: duplicates.length, seconds: round(mailSeconds), mailsPerSecond: round(sent.n / mailSeconds) };
  const paced = pacedEvents > 0 ? await phase(pacedEvents, 1, pacedRate) : null;

  console.log('\nnotification benchmark (real PostgreSQL, Kafka, private maildev)');
  console.log(`burst ${burst.events} events, ${writers} writers: ${burst.eventsPerSecond} events/s → ${burst.inboxItemsPerSecond} inbox items/s, ${burst.queuedMailsPerSecond} queued mails/s`);
  console.log(`  latency commit → inbox item p50 ${burst.latencyMs.p50} ms, p95 ${burst.latencyMs.p95} ms, p99 ${burst.latencyMs.p99} ms`);
  console.log(`mails to the sink: ${mails.sent} sent (${mails.inSink} in maildev, ${mails.duplicates} sent twice) in ${mails.seconds} s = ${mails.mailsPerSecond} mails/s`);
  if (paced) console.log(`paced ${pacedRate} events/s: latency p50 ${paced.latencyMs.p50} ms, p95 ${paced.latencyMs.p95} ms, p99 ${paced.latencyMs.p99} ms`);
  console.log(JSON.stringify({ bench: 'notification', writers, burst, mails, paced: paced && { ...paced, ratePerSecond: pacedRate } }));

  await app.close();
  maildev.kill('SIGTERM');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
