import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join, resolve } from 'node:path';
import { alive, DEMO_NIP, eventually, FlakyProxy, getToken, kill, startService, type ServiceProcess } from '@capaian/shared/testing';
import { DataSource } from 'typeorm';
import { generateWorkforce, toCsv } from '../src/demo/workforce';
import { structureFor } from '../src/demo/demo-seeder';
import { IMPORT_INTERRUPTED_TEXT } from '../src/import/import.messages';
import { loadPersonnelConfig } from '../src/personnel.config';
import { http, resetDatabase } from './personnel-test-app';

/**
 * Faults as an operator's bad night brings them, against the built service in a child process (so
 * that "the process did not exit" and "the process was killed" are real):
 * - PostgreSQL refusing connections, then accepting and dropping them, for a few seconds, through a
 *   TCP proxy between the service and the shared server (which keeps running);
 * - the service's sessions terminated with pg_terminate_backend (57P01) while requests flow;
 * - the process SIGKILLed in the middle of an Idempotency-Key request, and in the middle of an
 *   import job, then started again.
 * Its own database (capaian_personnel_faults_test) and Kafka consumer group; the outbox relay runs but
 * nothing here writes events.
 */
const ROOT = resolve(__dirname, '../../..');
const MAIN = join(ROOT, 'dist/apps/personnel/apps/personnel/src/main.js');
const DB = 'capaian_personnel_faults_test';
const superuser = { type: 'postgres' as const, host: '127.0.0.1', port: 5432, username: 'postgres', password: 'postgres', database: 'postgres' };

async function startPersonnel(dbPort: number): Promise<ServiceProcess> {
  return startService({
    name: 'personnel',
    main: MAIN,
    cwd: ROOT,
    env: {
      DB_NAME: DB,
      DB_PORT: String(dbPort),
      KAFKA_GROUP_ID: `capaian-personnel-faults-${process.pid}`,
      PERSONNEL_IMPORT_DIR: join(ROOT, '.run', 'faults-test-imports'),
    },
  });
}

describe('personnel under database faults and kills (built service in a child process)', () => {
  let token: string;
  let admin: DataSource;
  let proxy: FlakyProxy;
  let service: ServiceProcess | null = null;
  const api = () => `${service!.url}/api/v1/personnel`;

  beforeAll(async () => {
    if (!existsSync(MAIN)) execFileSync('npx', ['nx', 'run', 'personnel:build', '--output-style=static'], { cwd: ROOT, stdio: 'ignore', env: { ...process.env, NX_DAEMON: 'false' } });
    admin = new DataSource(superuser);
    await admin.initialize();
    const config = loadPersonnelConfig({ ...process.env, DB_NAME: DB });
    if ((await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [DB])).length === 0) {
      await admin.query(`CREATE DATABASE ${DB} OWNER ${config.service.database.username}`);
    }
    await resetDatabase(config);
    token = await getToken(DEMO_NIP.hendra);
    proxy = new FlakyProxy();
    await proxy.listen();
  }, 240_000);

  afterAll(async () => {
    if (service) await kill(service);
    await proxy?.close();
    await admin?.destroy();
  });

  /** Every answer during an outage: 503 problem+json with Retry-After, never a 500. */
  async function expectUnavailable(res: { status: number; headers: Headers; body: { code?: string } | null }, what: string): Promise<void> {
    expect({ what, status: res.status, code: res.body?.code }).toEqual({ what, status: 503, code: 'LAYANAN_TIDAK_TERSEDIA' });
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  }

  const list = () => http('GET', `${api()}/employees?size=5`, { token });
  const upload = (csv: string, query = '?dryRun=true', key?: string) =>
    fetch(`${api()}/imports${query}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv', ...(key ? { 'idempotency-key': key } : {}) },
      body: csv,
    }).then(async (r) => ({ status: r.status, headers: r.headers, body: (await r.json().catch(() => null)) as { code?: string; id?: string } | null }));
  const smallCsv = 'NIP;Nama;Jenis ASN;Tanggal Lahir;Jenis Kelamin;Kode Jabatan\n199203152019031004;Dimas Pratama;PNS;1992-03-15;L;X-1\n';

  it('answers 503 with Retry-After while PostgreSQL refuses and then drops connections, stays up, and recovers by itself', async () => {
    service = await startPersonnel(proxy.port);
    expect((await list()).status).toBe(200);

    await proxy.refuse();
    for (let i = 0; i < 6; i++) {
      await expectUnavailable(await list(), `refused, read ${i}`);
      await expectUnavailable(await upload(smallCsv), `refused, write ${i}`);
      await new Promise((r) => setTimeout(r, 300));
    }
    const ready = await fetch(`${service.url}/health/ready`);
    expect(ready.status).toBe(503);

    // Accepting and dropping at once: what a server that is going down does.
    proxy.mode = 'drop';
    await proxy.listen();
    for (let i = 0; i < 4; i++) {
      await expectUnavailable(await list(), `dropped, read ${i}`);
      await expectUnavailable(await upload(smallCsv), `dropped, write ${i}`);
      await new Promise((r) => setTimeout(r, 300));
    }
    expect(alive(service)).toBe(true);

    proxy.mode = 'pass';
    await eventually(async () => (await list()).status === 200, 30_000, 200);
    const accepted = await upload(smallCsv);
    expect(accepted.status).toBe(202);
    expect(alive(service)).toBe(true);
  }, 120_000);

  it('survives its sessions being terminated (57P01) while requests flow, and answers 200 or 503, never 500', async () => {
    const statuses = new Map<number, number>();
    let stop = false;
    let failure: unknown = null;
    const traffic = (async () => {
      while (!stop) {
        const [a, b] = await Promise.all([list(), upload(smallCsv)]);
        for (const s of [a.status, b.status]) statuses.set(s, (statuses.get(s) ?? 0) + 1);
        for (const r of [a, b]) if (r.status === 503) await expectUnavailable(r, 'terminated');
      }
    })().catch((e) => (failure = e));
    let terminated = 0;
    for (let round = 0; round < 8; round++) {
      const rows: { n: number }[] = await admin.query(
        `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE application_name = $1 AND pid <> pg_backend_pid()`,
        [DB],
      );
      terminated += rows[0].n;
      await new Promise((r) => setTimeout(r, 400));
    }
    stop = true;
    await traffic;
    expect(alive(service!)).toBe(true);
    if (failure) throw failure;
    expect(terminated).toBeGreaterThan(0);
    expect([...statuses.keys()].filter((s) => s !== 200 && s !== 202 && s !== 503)).toEqual([]);
    expect(alive(service!)).toBe(true);
    await eventually(async () => (await list()).status === 200, 30_000, 200);
    expect((await upload(smallCsv)).status).toBe(202);
  }, 120_000);

  it('a process killed in the middle of an Idempotency-Key request does not block the retry', async () => {
    const key = `faults-${process.pid}-${Date.now()}`;
    const body = Buffer.from(smallCsv);
    // Half the body is sent, then the upload stalls: the handler holds the key and waits for the rest.
    const stalled = httpRequest(`${api()}/imports?dryRun=true`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv', 'content-length': String(body.length), 'idempotency-key': key },
    });
    stalled.on('error', () => undefined);
    stalled.write(body.subarray(0, 40));
    const db = new DataSource({ ...superuser, database: DB });
    await db.initialize();
    try {
      await eventually(async () => (await db.query(`SELECT state FROM idempotency_key WHERE key = $1`, [key]))[0]?.state === 'IN_PROGRESS', 20_000);
      await kill(service!);
      stalled.destroy();
      service = await startPersonnel(proxy.port);
      const retry = await upload(smallCsv, '?dryRun=true', key);
      expect(retry.status).toBe(202);
      expect(retry.headers.get('idempotency-replayed')).toBeNull();
      // And it is remembered as usual from now on.
      const replay = await upload(smallCsv, '?dryRun=true', key);
      expect(replay.status).toBe(202);
      expect(replay.headers.get('idempotency-replayed')).toBe('true');
      expect(replay.body?.id).toBe(retry.body?.id);
    } finally {
      await db.destroy();
    }
  }, 120_000);

  it('an import job interrupted by a kill is failed with its reason at the next start, with nothing saved', async () => {
    const people = generateWorkforce(structureFor(30_000), { size: 30_000, today: '2026-11-01' });
    const accepted = await upload(toCsv(people), '');
    expect(accepted.status).toBe(202);
    const id = accepted.body?.id as string;
    const db = new DataSource({ ...superuser, database: DB });
    await db.initialize();
    try {
      await eventually(async () => {
        const [job] = await db.query(`SELECT status FROM import_job WHERE id = $1`, [id]);
        return job.status === 'MEMVALIDASI' || job.status === 'MENUNGGU';
      }, 20_000, 10);
      await kill(service!);
      const [before] = await db.query(`SELECT status FROM import_job WHERE id = $1`, [id]);
      expect(['MENUNGGU', 'MEMVALIDASI']).toContain(before.status);

      service = await startPersonnel(proxy.port);
      const job = await eventually(async () => {
        const res = await http('GET', `${api()}/imports/${id}`, { token });
        return res.body?.status === 'GAGAL' ? res.body : null;
      }, 20_000);
      expect(job.failure).toBe(IMPORT_INTERRUPTED_TEXT);
      const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM employee`);
      expect(n).toBe(0);
    } finally {
      await db.destroy();
    }
  }, 180_000);
});
