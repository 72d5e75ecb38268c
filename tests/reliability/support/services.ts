import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { createEnvelope, OrgUnitClosedV1, PlatformPingV1, Topics, validateEnvelope, type EventEnvelope, type OrgUnitSnapshot, type PlatformPingData } from '@capaian/contracts';
import { consumerGroupLag, deleteConsumerGroups, eventHeaders, moveConsumerGroupToEnd, produceRawMessages } from '@capaian/shared/messaging';
import { alive, DEMO_NIP, eventually, FlakyProxy, getToken, kill, startService, type ServiceProcess } from '@capaian/shared/testing';
import { DataSource } from 'typeorm';

/**
 * The three database services that consume personnel's events (appraisal, career, notification), as
 * built by `nx build` and run by the reliability specs in child processes: each on a database of the
 * spec's own and with a consumer group of the run's own, so the specs pass beside a running platform.
 */
const run = promisify(execFile);
export const ROOT = path.resolve(__dirname, '../../..');
export type ServiceName = 'appraisal' | 'career' | 'notification';
export const SERVICE_NAMES: readonly ServiceName[] = ['appraisal', 'career', 'notification'];

/** The topics each service's consumer subscribes to (its @EventPattern handlers). */
export const CONSUMED_TOPICS: Record<ServiceName, readonly string[]> = {
  appraisal: [Topics.personnelOrgUnit, Topics.personnelPosition, Topics.personnelEmployee, Topics.personnelSnapshot],
  career: [Topics.personnelOrgUnit, Topics.personnelPosition, Topics.personnelEmployee, Topics.personnelSnapshot],
  notification: [Topics.platformPing, Topics.personnelEmployee, Topics.appraisalSkp, Topics.appraisalEvaluation, Topics.careerEnrolment, Topics.careerJp],
};

export const mainOf = (svc: string) => path.join(ROOT, `dist/apps/${svc}/apps/${svc}/src/main.js`);
const migrateOf = (svc: string) => path.join(ROOT, `dist/apps/${svc}/apps/${svc}/src/migrate.js`);

const superuser = { type: 'postgres' as const, host: '127.0.0.1', port: 5432, username: 'postgres', password: 'postgres', database: 'postgres' };

/** A superuser connection to `database` (default: the server's `postgres`). */
export async function adminConnection(database = 'postgres'): Promise<DataSource> {
  const ds = new DataSource({ ...superuser, database, extra: { max: 2 } });
  await ds.initialize();
  return ds;
}

/** Builds the services whose dist is missing (npm test builds them all before Jest). */
export async function ensureBuilt(services: readonly string[]): Promise<void> {
  const missing = services.filter((s) => !existsSync(mainOf(s)) || !existsSync(migrateOf(s)));
  if (missing.length === 0) return;
  await run('npx', ['nx', 'run-many', '-t', 'build', `--projects=${missing.join(',')}`, '--output-style=static'], { cwd: ROOT, env: { ...process.env, NX_DAEMON: 'false' }, timeout: 600_000 });
}

/**
 * Creates `database` (owned by the service's role) unless it exists, and migrates it with the
 * service's own migrate.js. Kept between runs like personnel's faults database: the checks count
 * only the run's own events (random ids), so earlier rows do not matter.
 */
export async function migratedDatabase(svc: ServiceName, database: string): Promise<void> {
  const admin = await adminConnection();
  try {
    await admin.query('SELECT pg_advisory_lock(hashtext($1))', [database]);
    if ((await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [database])).length === 0) await admin.query(`CREATE DATABASE "${database}" OWNER capaian_${svc}`);
    await admin.query('SELECT pg_advisory_unlock(hashtext($1))', [database]);
  } finally {
    await admin.destroy();
  }
  await run(process.execPath, [migrateOf(svc)], { cwd: ROOT, env: { ...process.env, NODE_ENV: 'test', DB_NAME: database, LOG_LEVEL: 'warn' }, timeout: 120_000 });
}

/**
 * Starts the built service on `database` through `dbPort` (a FlakyProxy, or 5432). The group is
 * moved to the topics' end first, so the service skips the shared topics' history and handles only
 * what is sent from now on.
 */
export async function startConsumerService(svc: ServiceName, options: { database: string; dbPort: number; groupId: string; moveToEnd?: boolean }): Promise<ServiceProcess> {
  if (options.moveToEnd ?? true) await moveConsumerGroupToEnd(options.groupId, CONSUMED_TOPICS[svc]);
  return startService({
    name: svc,
    main: mainOf(svc),
    cwd: ROOT,
    readyTimeoutMs: 120_000,
    env: {
      DB_NAME: options.database,
      DB_PORT: String(options.dbPort),
      KAFKA_GROUP_ID: options.groupId,
      // The delivery worker would mail the run's ping notices' addresses; the pings here carry none.
      DELIVERY_POLL_MS: '1000',
    },
  });
}

/** The service's output, kept in .run/reliability/<name>.log (what it logged when a case fails). */
export function keepLog(service: ServiceProcess, name: string): void {
  const dir = path.join(ROOT, '.run', 'reliability');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `${name}.log`), service.output.join(''));
}

export interface RunningService {
  svc: ServiceName;
  database: string;
  groupId: string;
  /** Between the service and PostgreSQL when started `proxied`. */
  proxy: FlakyProxy | null;
  process: ServiceProcess;
}

/**
 * Appraisal, career and notification for one spec (`purpose`: its database
 * `capaian_<svc>_<purpose>_test`, its group `capaian-<svc>-<purpose>-<run>`), started together;
 * `proxied`: each reaches PostgreSQL through a FlakyProxy of its own.
 */
export async function startServices(purpose: string, runTag: string, options: { proxied: boolean }): Promise<RunningService[]> {
  await ensureBuilt(SERVICE_NAMES);
  return Promise.all(
    SERVICE_NAMES.map(async (svc) => {
      const database = `capaian_${svc}_${purpose}_test`;
      await migratedDatabase(svc, database);
      if (svc === 'appraisal') await seedAppraisalOpd(database);
      const proxy = options.proxied ? new FlakyProxy() : null;
      await proxy?.listen();
      const groupId = `capaian-${svc}-${purpose}-${runTag}`;
      const process = await startConsumerService(svc, { database, dbPort: proxy?.port ?? 5432, groupId });
      return { svc, database, groupId, proxy, process };
    }),
  );
}

/** Kills them, keeps their logs (.run/reliability/<svc>-<purpose>.log) and deletes their groups. */
export async function stopServices(services: readonly RunningService[], purpose: string): Promise<void> {
  await Promise.all(
    services.map(async (s) => {
      await kill(s.process);
      await s.proxy?.close();
      keepLog(s.process, `${s.svc}-${purpose}`);
    }),
  );
  await deleteConsumerGroups(services.map((s) => s.groupId)).catch(() => undefined);
}

/**
 * Each service applied the run's events once (notification the pings, appraisal and career the
 * units), its group's lag is back to zero and its process still runs.
 */
export async function expectHandledOnce(services: readonly RunningService[], pings: string[], units: string[]): Promise<void> {
  await Promise.all(
    services.map(async (s) => {
      const ids = s.svc === 'notification' ? pings : units;
      await eventually(async () => (await effects(s, ids)).inbox >= ids.length, 180_000, 500);
      expect({ svc: s.svc, ...(await effects(s, ids)) }).toEqual({ svc: s.svc, inbox: ids.length, rows: ids.length, events: ids.length });
      await eventually(async () => (await consumerGroupLag(s.groupId, CONSUMED_TOPICS[s.svc])) === 0, 120_000, 500);
      expect({ svc: s.svc, alive: alive(s.process) }).toEqual({ svc: s.svc, alive: true });
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Events: harmless on the shared topics, since a running platform consumes them too.

/** A NIP no real employee has (the birth date 1900-01-01): in-app notices for it reach nobody. */
export const NOBODY_NIP = '190001012000011001';

/**
 * A closed section (level 3) of an OPD code no one uses: the projections of appraisal and career
 * store it (one row per unit id), the screens never list it.
 */
export function closedUnitEvent(runTag: string, i: number): EventEnvelope<OrgUnitSnapshot & { reason: string | null }> {
  const unitId = randomUUID();
  return validateEnvelope(
    createEnvelope({
      source: `/capaian/test/reliability-${runTag}`,
      type: OrgUnitClosedV1,
      subject: unitId,
      data: { unitId, code: `UJI-${runTag}-${i}`, name: `Seksi uji keandalan ${i}`, kind: 'SEKSI', parentId: null, opdId: null, opdCode: `UJI-${runTag}`, level: 3, headPositionId: null, status: 'DITUTUP', effectiveDate: '2000-01-01', reason: 'uji keandalan' },
    }),
  );
}

/** A ping whose only effect in notification is one in-app notice for NOBODY_NIP. */
export function pingEvent(runTag: string, i: number): EventEnvelope<PlatformPingData> {
  return validateEnvelope(createEnvelope({ source: `/capaian/test/reliability-${runTag}`, type: PlatformPingV1, subject: `reliability-${runTag}-${i % 16}`, data: { message: `uji keandalan ${runTag} ${i}`, notifyNip: NOBODY_NIP } }));
}

/**
 * What the run's events `ids` left in a service's database: inbox rows of the handler that applies
 * them (notification: `notify-on-ping`; appraisal and career: the personnel projection), effect rows
 * (notices; projected units) and the distinct events among those (an event applied twice would
 * show as rows > events where the table allows it; the inbox's key never does).
 */
export async function effects(r: { svc: ServiceName; database: string }, ids: string[]): Promise<{ inbox: number; rows: number; events: number }> {
  const db = await adminConnection(r.database);
  try {
    const handler = r.svc === 'notification' ? 'notify-on-ping' : 'personnel-projection';
    const [i] = await db.query(`SELECT count(*)::int AS n FROM inbox WHERE handler = $1 AND event_id = ANY($2)`, [handler, ids]);
    const [e] =
      r.svc === 'notification'
        ? await db.query(`SELECT count(*)::int AS rows, count(DISTINCT source_event_id)::int AS events FROM notification WHERE source_event_id = ANY($1)`, [ids])
        : await db.query(`SELECT count(*)::int AS rows, count(DISTINCT event_id)::int AS events FROM personnel_unit WHERE event_id = ANY($1)`, [ids]);
    return { inbox: i.n, rows: e.rows, events: e.events };
  } finally {
    await db.destroy();
  }
}

export async function publish(topic: string, events: EventEnvelope<unknown>[]): Promise<void> {
  await produceRawMessages(topic, events.map((e) => ({ key: e.subject, value: JSON.stringify(e), headers: eventHeaders(e) })));
}

// ---------------------------------------------------------------------------------------------
// HTTP: one authenticated read and one write per service, repeatable any number of times.

export interface Answer {
  status: number;
  headers: Headers;
  body: { code?: string } | null;
}

async function call(url: string, method: string, token: string, body?: unknown): Promise<Answer> {
  const res = await fetch(url, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  let parsed: Answer['body'] = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  return { status: res.status, headers: res.headers, body: parsed };
}

export interface ServiceRequests {
  read(): Promise<Answer>;
  write(): Promise<Answer>;
}

/** The OPD appraisal's cadence write needs in its projection (seeded with `seedAppraisalOpd`). */
const FAULTS_OPD = 'UJIFAULTS';

/** Hendra (admin-bkpsdm) reads a list and writes something that succeeds every time. */
export async function requestsFor(svc: ServiceName, url: string): Promise<ServiceRequests> {
  const token = await getToken(DEMO_NIP.hendra);
  const api = `${url}/api/v1/${svc}`;
  let n = 0;
  switch (svc) {
    case 'appraisal':
      return {
        read: () => call(`${api}/periods`, 'GET', token),
        write: () =>
          call(`${api}/cadences/2026/${FAULTS_OPD}`, 'PUT', token, { frequency: 'TRIWULANAN', planningDeadline: '2026-01-31', reportDays: 5, feedbackDays: 10, ratingDeadline: '2027-01-31', objectionDays: 14 }),
      };
    case 'career':
      return {
        read: () => call(`${api}/programs?size=5`, 'GET', token),
        write: () => call(`${api}/programs`, 'POST', token, { name: `Seminar uji keandalan ${++n}`, form: 'seminar', organizer: 'BKPSDM', jp: 8, startDate: '2026-05-05', endDate: '2026-05-06', quota: 50, budgetCeiling: 0, costPerParticipant: 0 }),
      };
    case 'notification':
      return {
        read: () => call(`${api}/inbox`, 'GET', token),
        write: () => call(`${api}/preferensi/tim`, 'PUT', token, { email: ++n % 2 === 0 }),
      };
  }
}

/** The OPD of appraisal's cadence write, straight into its projection (as personnel's events would put it). */
export async function seedAppraisalOpd(database: string): Promise<void> {
  const db = await adminConnection(database);
  try {
    await db.query(
      `INSERT INTO personnel_unit (id, code, name, kind, parent_id, opd_id, opd_code, level, head_position_id, status, effective_date, version, event_id)
       VALUES ($1, $2, 'Dinas uji keandalan', 'DINAS', NULL, $1, $2, 1, NULL, 'AKTIF', '2024-01-01', now(), $3) ON CONFLICT (id) DO NOTHING`,
      ['00000000-0000-4000-8000-00000000fa17', FAULTS_OPD, randomUUID()],
    );
  } finally {
    await db.destroy();
  }
}
