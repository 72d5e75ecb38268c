import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { NestFactory } from '@nestjs/core';
import type { Principal } from '@capaian/shared/auth';
import { loadServiceConfig } from '@capaian/shared/config';
import { runMigrations } from '@capaian/shared/persistence';
import { Clock } from '@capaian/shared/scheduling';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { careerDataSourceOptions } from '../src/data-source';
import { ApproveEnrolment } from '../src/enrolment/use-cases/approve-enrolment';
import { RegisterEnrolment } from '../src/enrolment/use-cases/register-enrolment';
import { JpLedgerQueries } from '../src/jp-ledger/jp-ledger.queries';

/**
 * Career benchmark (issue #9), on the scratch database capaian_career_bench (recreated):
 *  1. a city of N employees (default 12,000: 50 OPDs × 240, 15% PPPK) in the personnel projection,
 *     with a year of recognised JP and approved places (setup, not measured);
 *  2. R people (default 5,000) self-register at once for 20 sessions of 100 seats, joining the
 *     waitlist when full, through the registration use case (eligibility, overlap, conditional seat
 *     UPDATE, audit, outbox event) — throughput, p50/p99, and no session over its quota;
 *  3. every seat holder is approved at once against a central budget that affords 75% of them —
 *     exactly that many succeed, the balance never goes below zero and the ledger sums to it;
 *  4. p50/p99 of the per-OPD JP compliance report (all OPDs, as BKPSDM) and of one OPD's at-risk list.
 * The use cases run in-process with synthetic principals: Keycloak holds only the six demo users,
 * and the HTTP edge is measured by the gateway benchmark.
 *
 *   bash apps/career/bench/run.sh [--employees 12000] [--registrations 5000] [--reports 50]
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

const OPD_SIZE = 240;
const SESSIONS = 20;
const SEATS = 100;
const COST = 1_500_000;
const pad = (n: number, w: number) => String(n).padStart(w, '0');
const nipOf = (i: number) => `19850101${pad(i, 10)}`;
const opdCode = (o: number) => `OPD${pad(o, 2)}`;

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
  opd: number;
  pppk: boolean;
}

/** Employees straight into the projection's table (what personnel's snapshots would write). */
async function loadCity(ds: DataSource, employees: number, year: number): Promise<Person[]> {
  const people: Person[] = Array.from({ length: employees }, (_, i) => ({ id: randomUUID(), nip: nipOf(i + 1), opd: Math.floor(i / OPD_SIZE) + 1, pppk: i % 7 === 3 }));
  const now = new Date(`${year}-01-01T00:00:00Z`);
  for (let i = 0; i < people.length; i += 1000) {
    const chunk = people.slice(i, i + 1000);
    const params: unknown[] = [];
    const values = chunk.map((p, j) => {
      const k = params.length;
      const kind = (i + j) % OPD_SIZE === 0 ? 'JPT_PRATAMA' : (i + j) % OPD_SIZE < 5 ? 'ADMINISTRATOR' : (i + j) % 3 === 0 ? 'FUNGSIONAL_KEAHLIAN' : 'PELAKSANA';
      params.push(p.id, p.nip, `Pegawai ${i + j + 1}`, p.pppk ? 'PPPK' : 'PNS', kind, opdCode(p.opd), `OPD ${p.opd}`, now);
      return `($${k + 1},$${k + 2},$${k + 3},$${k + 4},'AKTIF',$${k + 5},$${k + 6},$${k + 7},$${k + 8})`;
    });
    await ds.query(`INSERT INTO personnel_employee (id, nip, name, jenis_asn, status, jenis_jabatan, opd_code, opd_name, core_version) VALUES ${values.join(',')}`, params);
  }
  return people;
}

/** A year of history: 0–3 recognised entries per person (PPPK at most 16 JP), and places approved in sessions ending that year. */
async function loadHistory(ds: DataSource, people: Person[], year: number): Promise<number> {
  const [program] = await ds.query(
    `INSERT INTO development_program (name, form, scope, organizer, jp, start_date, end_date, quota, budget_ceiling, cost_per_participant, created_at, created_by)
     VALUES ('Pelatihan Riwayat', 'pelatihan_klasikal', 'nasional', 'BKPSDM', 16, $1, $2, 100000, 0, 0, now(), 'bench') RETURNING id`,
    [`${year}-10-05`, `${year}-10-07`],
  );
  const [session] = await ds.query(
    `INSERT INTO program_session (program_id, start_date, end_date, registration_opens, registration_closes, quota, seats_taken, cost_per_participant, created_at, created_by)
     VALUES ($1, $2, $3, $4, $5, 100000, 0, 0, now(), 'bench') RETURNING id`,
    [program.id, `${year}-10-05`, `${year}-10-07`, `${year}-09-01`, `${year}-10-01`],
  );
  let entries = 0;
  for (let i = 0; i < people.length; i += 1000) {
    const params: unknown[] = [];
    const values: string[] = [];
    const places: string[] = [];
    const placeParams: unknown[] = [];
    for (const [j, p] of people.slice(i, i + 1000).entries()) {
      const n = (i + j) % 4;
      for (let e = 0; e < n; e++) {
        const jp = p.pppk ? 4 : 4 + ((i + j + e) % 5) * 4;
        const k = params.length;
        params.push(p.id, p.nip, opdCode(p.opd), p.pppk ? 'PPPK' : 'PNS', year, jp, randomUUID());
        values.push(`($${k + 1},$${k + 2},$${k + 3},$${k + 4},$${k + 5},$${k + 6},'KOREKSI',$${k + 7},'bench',now())`);
        entries++;
      }
      if ((i + j) % 5 === 0 && !p.pppk) {
        const k = placeParams.length;
        placeParams.push(randomUUID(), session.id, p.id, p.nip, opdCode(p.opd));
        places.push(`($${k + 1},$${k + 2},$${k + 3},$${k + 4},'bench',$${k + 5},'PNS','MANDIRI','DISETUJUI',now(),now())`);
      }
    }
    if (values.length) await ds.query(`INSERT INTO jp_ledger (employee_id, nip, opd_code, jenis_asn, year, jp, source, source_id, recognised_by, recognised_at) VALUES ${values.join(',')}`, params);
    if (places.length) await ds.query(`INSERT INTO enrolment (id, session_id, employee_id, nip, name, opd_code, jenis_asn, origin, status, created_at, updated_at) VALUES ${places.join(',')}`, placeParams);
  }
  await ds.query(`ANALYZE`);
  return entries;
}

async function main(): Promise<void> {
  const employees = arg('employees', 12_000);
  const registrations = Math.min(arg('registrations', 5_000), employees);
  const reports = arg('reports', 50);
  const db = 'capaian_career_bench';
  await resetDatabase(db);
  const config = loadServiceConfig('career', { ...process.env, DB_NAME: db, DB_USER: process.env.PGUSER ?? 'postgres', DB_PASSWORD: process.env.PGPASSWORD ?? 'postgres', LOG_LEVEL: 'error', DB_POOL_SIZE: process.env.DB_POOL_SIZE ?? '20' });
  await runMigrations(careerDataSourceOptions(config));
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, { scheduling: { enabled: false } }), { logger: ['error'] });
  try {
    const ds = app.get(DataSource);
    const today = app.get(Clock).today();
    const year = Number(today.slice(0, 4));
    const t0 = performance.now();
    const people = await loadCity(ds, employees, year);
    const entries = await loadHistory(ds, people, year);
    const setupMs = Math.round(performance.now() - t0);

    // 20 sessions next month, registration open today, one program.
    const start = new Date(`${today}T00:00:00Z`);
    start.setUTCDate(start.getUTCDate() + 30);
    const startDate = start.toISOString().slice(0, 10);
    const [program] = await ds.query(
      `INSERT INTO development_program (name, form, scope, organizer, jp, start_date, end_date, quota, budget_ceiling, cost_per_participant, created_at, created_by)
       VALUES ('Pelatihan Pelayanan Prima', 'pelatihan_klasikal', 'nasional', 'BKPSDM', 8, $1, $1, $2, $3, $4, now(), 'bench') RETURNING id`,
      [startDate, SESSIONS * SEATS, SESSIONS * SEATS * COST, COST],
    );
    const sessionIds: string[] = [];
    for (let s = 0; s < SESSIONS; s++) {
      const [row] = await ds.query(
        `INSERT INTO program_session (program_id, start_date, end_date, registration_opens, registration_closes, quota, cost_per_participant, created_at, created_by)
         VALUES ($1, $2, $2, $3, $4, $5, $6, now(), 'bench') RETURNING id`,
        [program.id, startDate, today, new Date(start.getTime() - 86_400_000).toISOString().slice(0, 10), SEATS, COST],
      );
      sessionIds.push(row.id);
    }

    // 2. Registrations, all at once.
    const register = app.get(RegisterEnrolment);
    const principal = (p: Person): Principal => ({ subject: randomUUID(), username: p.nip, nip: p.nip, opd: opdCode(p.opd), roles: ['pegawai'], token: '' }) as Principal;
    const latencies: number[] = [];
    const outcomes: Record<string, number> = {};
    const r0 = performance.now();
    await Promise.all(
      people.slice(0, registrations).map(async (p, i) => {
        const t = performance.now();
        try {
          const res = await register.execute(principal(p), sessionIds[i % SESSIONS], { joinWaitlist: true });
          outcomes[res.status] = (outcomes[res.status] ?? 0) + 1;
        } catch (e) {
          const code = (e as { violations?: { code: string }[] }).violations?.[0]?.code ?? String(e);
          outcomes[code] = (outcomes[code] ?? 0) + 1;
        }
        latencies.push(performance.now() - t);
      }),
    );
    const registerMs = performance.now() - r0;
    const seats = await ds.query(
      `SELECT s.id, s.quota, s.seats_taken AS taken, (SELECT count(*)::int FROM enrolment e WHERE e.session_id = s.id AND e.status = 'DIAJUKAN') AS holding
         FROM program_session s WHERE s.id = ANY($1)`,
      [sessionIds],
    );
    const overQuota = seats.filter((s: { quota: number; taken: number; holding: number }) => s.taken > s.quota || s.holding !== s.taken).length;

    // 3. Approvals of every seat holder at once, against a budget for 75% of them.
    const holders: { id: string }[] = await ds.query(`SELECT id FROM enrolment WHERE session_id = ANY($1) AND status = 'DIAJUKAN'`, [sessionIds]);
    await ds.query(`UPDATE enrolment SET status = 'DIVERIFIKASI', version = version + 1 WHERE session_id = ANY($1) AND status = 'DIAJUKAN'`, [sessionIds]);
    const affordable = Math.floor(holders.length * 0.75);
    await ds.query(`INSERT INTO budget (fiscal_year, owner_code, allocated, balance, created_at) VALUES ($1, 'BKPSDM', $2, $2, now())`, [Number(startDate.slice(0, 4)), affordable * COST]);
    await ds.query(`INSERT INTO budget_ledger (budget_id, kind, amount, actor, created_at) SELECT id, 'ALOKASI', allocated, 'bench', now() FROM budget`);
    const approve = app.get(ApproveEnrolment);
    const admin = { subject: 'bench-bkpsdm', username: 'bench', nip: undefined, roles: ['admin-bkpsdm'], token: '' } as unknown as Principal;
    const approvals: number[] = [];
    let approved = 0;
    const a0 = performance.now();
    await Promise.all(
      holders.map(async (h) => {
        const t = performance.now();
        try {
          await approve.execute(admin, h.id, 'BKPSDM');
          approved++;
        } catch {
          // refused: the budget is spent
        }
        approvals.push(performance.now() - t);
      }),
    );
    const approveMs = performance.now() - a0;
    const [budget] = await ds.query(`SELECT balance::float8 AS balance, committed::float8 AS committed, (SELECT sum(amount) FROM budget_ledger)::float8 AS ledger FROM budget`);

    // 4. The compliance report per OPD (all OPDs, as BKPSDM) and one OPD's at-risk list.
    const jp = app.get(JpLedgerQueries);
    const bkpsdm = { subject: 'bench-bkpsdm', username: 'bench', roles: ['admin-bkpsdm'], token: '' } as unknown as Principal;
    await jp.compliance(bkpsdm, year);
    const compliance: number[] = [];
    let opds = 0;
    for (let i = 0; i < reports; i++) {
      const t = performance.now();
      opds = (await jp.compliance(bkpsdm, year)).length;
      compliance.push(performance.now() - t);
    }
    const atRisk: number[] = [];
    let risky = 0;
    for (let i = 0; i < reports; i++) {
      const t = performance.now();
      risky = (await jp.atRisk(bkpsdm, year, opdCode((i % 50) + 1))).length;
      atRisk.push(performance.now() - t);
    }

    const out = {
      employees,
      setupMs,
      jpLedgerEntries: entries,
      registration: {
        requests: registrations,
        sessions: SESSIONS,
        seatsPerSession: SEATS,
        concurrency: registrations,
        dbPool: config.database.poolSize,
        totalMs: Math.round(registerMs),
        perSecond: Math.round((registrations / registerMs) * 1000),
        latency: stats(latencies),
        outcomes,
        sessionsOverQuota: overQuota,
      },
      approval: {
        requests: holders.length,
        budgetAffords: affordable,
        approved,
        totalMs: Math.round(approveMs),
        perSecond: Math.round((holders.length / approveMs) * 1000),
        latency: stats(approvals),
        balance: budget.balance,
        ledgerSum: budget.ledger,
        committed: budget.committed,
        rupiahOver: budget.balance < 0 || approved !== affordable || budget.ledger !== budget.balance,
      },
      complianceReport: { opds, ...stats(compliance) },
      atRiskList: { lastOpdAtRisk: risky, ...stats(atRisk) },
    };
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  } finally {
    await app.close();
  }
}

main().catch((e) => {
  process.stderr.write(`career bench failed: ${String((e as Error)?.stack ?? e)}\n`);
  process.exit(1);
});
