import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { NestFactory } from '@nestjs/core';
import { BERAKHLAK_CODES, TestClock, type Rating } from '@capaian/kinerja';
import type { Principal } from '@capaian/shared/auth';
import { loadServiceConfig } from '@capaian/shared/config';
import { configureHttpApp, createHttpAdapter } from '@capaian/shared/http';
import { OutboxRelay } from '@capaian/shared/messaging';
import { runMigrations } from '@capaian/shared/persistence';
import { Clock } from '@capaian/shared/scheduling';
import { DEMO_NIP, getToken } from '@capaian/shared/testing';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { CompletionQuery } from '../src/dashboard/completion.query';
import { appraisalDataSourceOptions } from '../src/data-source';
import { EvaluationQueries } from '../src/evaluation/evaluation.queries';
import { FinalizeDueEvaluations } from '../src/evaluation/use-cases/finalize-due-evaluations';
import { RateEvaluation } from '../src/evaluation/use-cases/rate-evaluation';
import { snapshotOf } from '../src/skp/use-cases/create-skp';
import { Skp } from '../src/skp/domain/skp';
import { SkpRepository } from '../src/skp/infrastructure/skp.repository';

/**
 * Appraisal benchmark (issue #8), on the scratch database capaian_appraisal_bench (recreated):
 *  1. a city of N employees (default 12,000: 50 OPDs × 240) in the personnel projection, each with a
 *     set SKP for the year and twelve locked monthly reports (setup, not measured);
 *  2. year-end: every penilai rates every appraisee through the rating use case (suggestion,
 *     predikat, audit, outbox event), then the objection window lapses and the finalizing job runs —
 *     time of each, and events per second through the outbox relay to the real Kafka;
 *  3. p50/p99 of the completion dashboard of every OPD on that data;
 *  4. evidence uploads of 10 MB through the HTTP API (real Keycloak token, real S3Proxy): MB/s and
 *     the process's peak RSS (the client shares the process; files are generated as streams).
 *
 *   bash apps/appraisal/bench/run.sh [--employees 12000] [--uploads 20] [--concurrency 4]
 */
function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = Number(i >= 0 ? process.argv[i + 1] : fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
  return value;
}

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
  const r = (v: number) => Math.round(v * 100) / 100;
  return { n: s.length, p50Ms: r(at(50)), p95Ms: r(at(95)), p99Ms: r(at(99)), maxMs: r(s[s.length - 1]) };
}

const YEAR = 2025;
const OPD_SIZE = 240;
const pad = (n: number, w: number) => String(n).padStart(w, '0');
const nipOf = (i: number) => `19800101${pad(i, 10)}`;

async function resetDatabase(name: string): Promise<void> {
  const admin = new DataSource({ type: 'postgres', host: process.env.DB_HOST ?? '127.0.0.1', username: process.env.PGUSER ?? 'postgres', password: process.env.PGPASSWORD ?? 'postgres', database: 'postgres' });
  await admin.initialize();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.destroy();
}

interface Person {
  id: string;
  nip: string;
  name: string;
  opd: number;
  unitId: string;
  unitCode: string;
  unitName: string;
  head: boolean;
  penilai: Person | null;
  atasan: Person | null;
}

/** The city: per OPD a head, four bidang heads, and staff spread over the bidang. */
function city(employees: number): { people: Person[]; units: { id: string; code: string; name: string; level: number; opd: number; opdId: string }[] } {
  const people: Person[] = [];
  const units: { id: string; code: string; name: string; level: number; opd: number; opdId: string }[] = [];
  const opds = Math.ceil(employees / OPD_SIZE);
  let n = 0;
  for (let o = 1; o <= opds && n < employees; o++) {
    const opdId = randomUUID();
    units.push({ id: opdId, code: `OPD${pad(o, 2)}`, name: `OPD ${o}`, level: 1, opd: o, opdId });
    const head: Person = { id: randomUUID(), nip: nipOf(++n), name: `Kepala OPD ${o}`, opd: o, unitId: opdId, unitCode: `OPD${pad(o, 2)}`, unitName: `OPD ${o}`, head: true, penilai: null, atasan: null };
    people.push(head);
    const bidang: Person[] = [];
    for (let b = 1; b <= 4 && n < employees; b++) {
      const unitId = randomUUID();
      const code = `OPD${pad(o, 2)}-B${b}`;
      units.push({ id: unitId, code, name: `Bidang ${b} OPD ${o}`, level: 2, opd: o, opdId });
      const kabid: Person = { id: randomUUID(), nip: nipOf(++n), name: `Kepala Bidang ${b} OPD ${o}`, opd: o, unitId, unitCode: code, unitName: `Bidang ${b} OPD ${o}`, head: true, penilai: head, atasan: null };
      people.push(kabid);
      bidang.push(kabid);
    }
    for (let s = 0; s < OPD_SIZE - 5 && n < employees; s++) {
      const kabid = bidang[s % bidang.length];
      people.push({ id: randomUUID(), nip: nipOf(++n), name: `Pegawai ${n}`, opd: o, unitId: kabid.unitId, unitCode: kabid.unitCode, unitName: kabid.unitName, head: false, penilai: kabid, atasan: head });
    }
  }
  return { people, units };
}

async function loadCity(ds: DataSource, employees: number): Promise<Person[]> {
  const { people, units } = city(employees);
  const now = new Date('2025-01-01T00:00:00Z');
  for (let i = 0; i < units.length; i += 500) {
    const chunk = units.slice(i, i + 500);
    const params: unknown[] = [];
    const values = chunk.map((u) => {
      const k = params.length;
      params.push(u.id, u.code, u.name, u.level === 1 ? 'DINAS' : 'BIDANG', u.level === 1 ? null : u.opdId, u.opdId, `OPD${pad(u.opd, 2)}`, u.level, now, 'bench');
      return `($${k + 1},$${k + 2},$${k + 3},$${k + 4},$${k + 5},$${k + 6},$${k + 7},$${k + 8},'AKTIF','2025-01-01',$${k + 9},$${k + 10})`;
    });
    await ds.query(`INSERT INTO personnel_unit (id, code, name, kind, parent_id, opd_id, opd_code, level, status, effective_date, version, event_id) VALUES ${values.join(',')}`, params);
  }
  const opdIdOf = new Map(units.filter((u) => u.level === 1).map((u) => [u.opd, u.id]));
  for (let i = 0; i < people.length; i += 500) {
    const chunk = people.slice(i, i + 500);
    const params: unknown[] = [];
    const values = chunk.map((p) => {
      const k = params.length;
      params.push(p.id, p.nip, p.name, randomUUID(), p.head ? 'Kepala' : 'Pelaksana', p.head ? 'ADMINISTRATOR' : 'PELAKSANA', p.head, p.unitId, p.unitCode, p.unitName, opdIdOf.get(p.opd), `OPD${pad(p.opd, 2)}`, `OPD ${p.opd}`, now);
      params.push(p.penilai?.id ?? null, p.penilai?.nip ?? null, p.penilai?.name ?? null, p.atasan?.id ?? null, p.atasan?.nip ?? null, p.atasan?.name ?? null);
      const ph = Array.from({ length: 20 }, (_, j) => `$${k + j + 1}`);
      return `(${ph.slice(0, 3).join(',')},'PNS','III/a','AKTIF',${ph.slice(3, 14).join(',')},${ph[13]},${ph[13]},${ph.slice(14).join(',')})`;
    });
    await ds.query(
      `INSERT INTO personnel_employee (id, nip, name, jenis_asn, golongan, status, position_id, position_name, jenis_jabatan, unit_head, unit_id, unit_code, unit_name,
                                       opd_id, opd_code, opd_name, core_version, supervisor_version, appraisers_version,
                                       penilai_id, penilai_nip, penilai_name, atasan_penilai_id, atasan_penilai_nip, atasan_penilai_name)
       VALUES ${values.join(',')}`,
      params,
    );
  }
  return people;
}

async function loadSkps(ds: DataSource, repo: SkpRepository, people: Person[]): Promise<void> {
  const rhkOf = new Map<string, string>();
  const now = new Date('2025-01-15T00:00:00Z');
  await ds.transaction(async (m) => {
    for (const p of people) {
      const rhkId = randomUUID();
      rhkOf.set(p.id, rhkId);
      const snapshot = snapshotOf({
        employeeId: p.id,
        nip: p.nip,
        name: p.name,
        jenisAsn: 'PNS',
        golongan: 'III/a',
        status: 'AKTIF',
        jabatan: { positionId: randomUUID(), name: p.head ? 'Kepala' : 'Pelaksana', jenisJabatan: p.head ? 'ADMINISTRATOR' : 'PELAKSANA', unitHead: p.head },
        unit: { unitId: p.unitId, code: p.unitCode, name: p.unitName },
        opd: { unitId: p.unitId, code: `OPD${pad(p.opd, 2)}`, name: `OPD ${p.opd}` },
        pejabatPenilai: p.penilai ? { employeeId: p.penilai.id, nip: p.penilai.nip, name: p.penilai.name } : null,
        atasanPejabatPenilai: p.atasan ? { employeeId: p.atasan.id, nip: p.atasan.nip, name: p.atasan.name } : null,
      });
      const skp = Skp.draft({
        id: randomUUID(),
        year: YEAR,
        startDate: `${YEAR}-01-01`,
        endDate: `${YEAR}-12-31`,
        snapshot,
        content: {
          pendekatan: 'KUANTITATIF',
          rhk: [{ id: rhkId, kind: 'UTAMA', description: 'Layanan tuntas', parentRhkId: p.penilai ? (rhkOf.get(p.penilai.id) ?? null) : null, indicators: [{ id: randomUUID(), description: 'Layanan tuntas', aspek: 'KUANTITAS', target: 12, unit: 'layanan', direction: 'NAIK', evidenceRequired: false }] }],
          annex: { resources: [], accountability: [], consequences: [] },
        },
      });
      await repo.insert(m, skp, now);
    }
    await m.query(`UPDATE skp SET status = 'DITETAPKAN', set_on = '${YEAR}-01-20', expectations = $1`, [JSON.stringify(Object.fromEntries(BERAKHLAK_CODES.map((c) => [c, 'Ekspektasi'])))]);
    // Twelve locked monthly reports per SKP: one per month, and 0–6 more in December (11–17 a year against 12).
    await m.query(
      `INSERT INTO periodic_report (id, skp_id, period_no, start_date, end_date, report_due, feedback_due, status, realizations, feedback, reported_at, feedback_at, updated_at)
       SELECT gen_random_uuid(), s.id, g, make_date(${YEAR}, g, 1), (make_date(${YEAR}, g, 1) + interval '1 month - 1 day')::date,
              (make_date(${YEAR}, g, 1) + interval '1 month 4 days')::date, (make_date(${YEAR}, g, 1) + interval '1 month 9 days')::date, 'TERKUNCI',
              jsonb_build_array(jsonb_build_object('indicatorId', s.content->'rhk'->0->'indicators'->0->>'id', 'value', CASE WHEN g = 12 THEN 1 + abs(hashtext(s.nip)) % 7 ELSE 1 END, 'note', NULL)),
              'Umpan balik', now(), now(), now()
         FROM skp s CROSS JOIN generate_series(1, 12) g`,
    );
  });
}

async function main(): Promise<void> {
  const employees = arg('employees', 12_000);
  const uploads = arg('uploads', 20);
  const concurrency = arg('concurrency', 4);
  const db = process.env.BENCH_DB_NAME ?? 'capaian_appraisal_bench';
  await resetDatabase(db);
  const config = loadServiceConfig('appraisal', { ...process.env, DB_NAME: db, DB_USER: process.env.PGUSER ?? 'postgres', DB_PASSWORD: process.env.PGPASSWORD ?? 'postgres', LOG_LEVEL: 'error', PORT: '3992' });
  await runMigrations(appraisalDataSourceOptions(config));
  const clock = new TestClock(`${YEAR + 1}-01-10T03:00:00Z`);
  const module = AppModule.forRoot(config, { scheduling: { enabled: false }, relay: false });
  const app = await NestFactory.create<NestFastifyApplication>(module, createHttpAdapter(), { logger: ['error'] });
  // The bench moves time itself: the service's clock (the SystemClock provider) reads the bench's.
  (app.get(Clock) as { now: () => Date }).now = () => clock.now();
  configureHttpApp(app, 'appraisal', { title: 'appraisal (bench)' });
  await app.listen(0, '127.0.0.1');
  const ds = app.get(DataSource);
  const out: Record<string, unknown> = { employees };

  let t = performance.now();
  const people = await loadCity(ds, employees);
  await loadSkps(ds, app.get(SkpRepository), people);
  out.setupSeconds = Math.round((performance.now() - t) / 100) / 10;

  // Year-end rating by every penilai (the OPD heads have no penilai in the city: BKPSDM rates them outside this run).
  const queries = app.get(EvaluationQueries);
  const rate = app.get(RateEvaluation);
  const finalize = app.get(FinalizeDueEvaluations);
  const skps: { id: string; penilai: string | null }[] = await ds.query(`SELECT id, penilai_nip AS penilai FROM skp`);
  const rateable = skps.filter((s) => s.penilai);
  const perilaku = (i: number) => Object.fromEntries(BERAKHLAK_CODES.map((c, j) => [c, (['SESUAI', 'DI_ATAS', 'SESUAI', 'DI_BAWAH'] as Rating[])[(i + j) % 4]]));
  t = performance.now();
  let next = 0;
  let failed = 0;
  const rateOne = async () => {
    for (;;) {
      const i = next++;
      if (i >= rateable.length) return;
      const s = rateable[i];
      const nip = s.penilai ?? '';
      const principal: Principal = { subject: `bench-${nip}`, username: nip, nip, roles: ['pegawai'], isServiceAccount: false, token: '' };
      const suggestion = (await queries.achievementOf(principal, s.id)).suggestedRatingHasilKerja ?? 'SESUAI';
      try {
        await rate.execute(principal, s.id, { ratingHasilKerja: suggestion, perilaku: perilaku(i) as Record<string, Rating> });
      } catch {
        failed++;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, rateOne));
  const rateSeconds = (performance.now() - t) / 1000;
  out.rating = { evaluations: rateable.length - failed, failed, seconds: Math.round(rateSeconds * 10) / 10, perSecond: Math.round((rateable.length - failed) / rateSeconds) };

  clock.set(`${YEAR + 1}-02-01T03:00:00Z`);
  t = performance.now();
  let finalized = 0;
  for (;;) {
    const n: number = await ds.transaction((m) => finalize.execute(m, 2000));
    finalized += n;
    if (n === 0) break;
  }
  const finalizeSeconds = (performance.now() - t) / 1000;
  out.finalizing = { evaluations: finalized, seconds: Math.round(finalizeSeconds * 10) / 10, perSecond: Math.round(finalized / finalizeSeconds) };

  const relay = app.get(OutboxRelay);
  const [{ pending }] = await ds.query(`SELECT count(*)::int AS pending FROM outbox WHERE sent_at IS NULL`);
  t = performance.now();
  let sent = 0;
  for (;;) {
    const n = await relay.relayOnce();
    sent += n;
    if (n === 0) break;
  }
  const relaySeconds = (performance.now() - t) / 1000;
  out.outbox = { events: pending, published: sent, seconds: Math.round(relaySeconds * 10) / 10, eventsPerSecond: Math.round(sent / relaySeconds) };
  out.yearEnd = { seconds: Math.round((rateSeconds + finalizeSeconds + relaySeconds) * 10) / 10 };

  // The dashboard of every OPD, three rounds.
  const completion = app.get(CompletionQuery);
  const bkpsdm: Principal = { subject: 'bench', username: 'bench', roles: ['admin-bkpsdm'], isServiceAccount: false, token: '' };
  const opds: { code: string }[] = await ds.query(`SELECT code FROM personnel_unit WHERE level = 1`);
  const times: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const o of opds) {
      const s = performance.now();
      await completion.of(YEAR, o.code, bkpsdm);
      times.push(performance.now() - s);
    }
  }
  out.dashboard = stats(times);

  // Evidence uploads of 10 MB through HTTP (Keycloak token of Dimas, S3Proxy), on a set SKP of Dimas with an open period.
  const dimasSkp = await setUpDimas(ds, app.get(SkpRepository), clock);
  const base = `${(await app.getUrl()).replace('[::1]', '127.0.0.1')}/api/v1/appraisal`;
  const token = await getToken(DEMO_NIP.dimas);
  const size = 10 * 1024 * 1024;
  const rssBefore = process.memoryUsage().rss;
  t = performance.now();
  for (let i = 0; i < uploads; i++) {
    const body = Readable.toWeb(pdfStream(size)) as unknown as ReadableStream;
    const res = await fetch(`${base}/skps/${dimasSkp.skpId}/periods/1/evidence?indicatorId=${dimasSkp.indicatorId}&fileName=bukti-${i}.pdf`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/pdf', 'content-length': String(size) },
      body,
      duplex: 'half',
    } as RequestInit);
    if (res.status !== 201) throw new Error(`upload ${i} answered ${res.status}: ${await res.text()}`);
    await res.arrayBuffer();
  }
  const uploadSeconds = (performance.now() - t) / 1000;
  out.uploads = {
    files: uploads,
    sizeMB: 10,
    seconds: Math.round(uploadSeconds * 10) / 10,
    mbPerSecond: Math.round(((uploads * 10) / uploadSeconds) * 10) / 10,
    rssBeforeMB: Math.round(rssBefore / 1048576),
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  await app.close();
}

/** Dimas (the demo user) with a set SKP of the bench year in the projection, so his real token can upload. */
async function setUpDimas(ds: DataSource, repo: SkpRepository, clock: TestClock): Promise<{ skpId: string; indicatorId: string }> {
  const [penilai] = await ds.query(`SELECT id, nip, name FROM personnel_employee WHERE unit_head AND penilai_id IS NOT NULL LIMIT 1`);
  const id = randomUUID();
  const indicatorId = randomUUID();
  const skp = Skp.draft({
    id,
    year: YEAR + 1,
    startDate: `${YEAR + 1}-01-01`,
    endDate: `${YEAR + 1}-12-31`,
    snapshot: {
      employeeId: randomUUID(),
      nip: DEMO_NIP.dimas,
      name: 'Dimas Pratama',
      golongan: 'III/b',
      jenisAsn: 'PNS',
      jabatan: null,
      unit: null,
      opd: null,
      pejabatPenilai: { employeeId: penilai.id, nip: penilai.nip, name: penilai.name },
      atasanPejabatPenilai: null,
      topOfOpd: false,
    },
    content: { pendekatan: 'KUANTITATIF', rhk: [{ id: randomUUID(), kind: 'UTAMA', description: 'Bukti', parentRhkId: null, indicators: [{ id: indicatorId, description: 'Bukti', aspek: 'KUANTITAS', target: 1, unit: 'berkas', direction: 'NAIK', evidenceRequired: true }] }], annex: { resources: [], accountability: [], consequences: [] } },
  });
  await ds.transaction((m) => repo.insert(m, skp, clock.now()));
  await ds.query(`UPDATE skp SET status = 'DITETAPKAN', set_on = $2 WHERE id = $1`, [id, `${YEAR + 1}-01-05`]);
  clock.set(`${YEAR + 1}-01-20T03:00:00Z`);
  return { skpId: id, indicatorId };
}

function pdfStream(size: number): Readable {
  let left = size;
  let first = true;
  const chunk = randomBytes(1024 * 1024);
  return new Readable({
    read() {
      if (left <= 0) return this.push(null);
      const head = first ? Buffer.from('%PDF-1.7\n') : Buffer.alloc(0);
      first = false;
      const n = Math.min(left, chunk.length);
      this.push(head.length ? Buffer.concat([head, chunk.subarray(0, n - head.length)]) : chunk.subarray(0, n));
      left -= n;
    },
  });
}

main().catch((e) => {
  process.stderr.write(`${String((e as Error)?.stack ?? e)}\n`);
  process.exit(1);
});
