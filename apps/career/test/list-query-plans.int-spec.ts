import type { Principal } from '@capaian/shared/auth';
import { ensureDatabase, getRoutes, listPlanProblems, recordStatements, unlistedRoutes, type HttpRoute } from '@capaian/shared/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { EnrolmentQueries } from '../src/enrolment/enrolment.queries';
import { ExternalClaimRepository } from '../src/jp-ledger/infrastructure/external-claim.repository';
import { JpLedgerQueries } from '../src/jp-ledger/jp-ledger.queries';
import { startCareerTestApp } from './career-test-app';

/**
 * Issue 12 ("reads that scale") for career: the lists that grow with the workforce (external JP
 * claims, enrolments) answer from an index in their sort order. The test runs in its own database
 * (capaian_career_plans), fills it once with 30,000 claims and 30,000 enrolments (a city's year and
 * more), records the SQL each list sends per role and filter, and fails when PostgreSQL's plan reads
 * a large table sequentially or sorts a large input. Every GET route must be listed below, with plan
 * cases or with the reason it is not such a list, so a new list endpoint without cases fails.
 *
 * The per-OPD reports read the whole city by design, so they are not planned as lists; instead, on a
 * city of 12,000 employees with a year of JP, they must read back per-OPD groups, not every employee
 * (the compliance report once sent all 12,000 rows to be judged one by one: about 250 ms a call).
 */
const DATABASE = 'capaian_career_plans';
const ROWS = 30_000;
const LARGE_ROWS = 2_000;
const EMPLOYEES = 12_000;

const bkpsdm: Principal = { subject: 'plans-bkpsdm', username: 'plans-bkpsdm', roles: ['pegawai', 'admin-bkpsdm'], isServiceAccount: false, token: '' };
const employee: Principal = { subject: 'plans-pegawai', username: '100000000000000042', nip: '100000000000000042', opd: 'DISKOMINFO', roles: ['pegawai'], isServiceAccount: false, token: '' };
const opdAdmin: Principal = { subject: 'plans-opd', username: '100000000000000043', nip: '100000000000000043', opd: 'DISKOMINFO', roles: ['pegawai', 'admin-opd'], isServiceAccount: false, token: '' };

interface Context {
  sessionId: string;
}
type Case = { name: string; run: (app: NestFastifyApplication, ctx: Context) => Promise<unknown> };

const claims = (app: NestFastifyApplication, nip: string | null) => app.get(ExternalClaimRepository).visible(app.get(DataSource).manager, nip);

const LIST_CASES: Record<string, Case[]> = {
  'jp/claims': [
    { name: 'BKPSDM: every claim, open ones first', run: (a) => claims(a, null) },
    { name: "an employee's own claims", run: (a) => claims(a, employee.nip!) },
  ],
  enrolments: [
    { name: 'BKPSDM: every enrolment', run: (a) => a.get(EnrolmentQueries).visible(bkpsdm) },
    { name: 'BKPSDM: one session', run: (a, c) => a.get(EnrolmentQueries).visible(bkpsdm, c.sessionId) },
    { name: 'an employee: own, as supervisor', run: (a) => a.get(EnrolmentQueries).visible(employee) },
    { name: 'admin-opd: own OPD', run: (a) => a.get(EnrolmentQueries).visible(opdAdmin) },
  ],
};

/** GET routes that are not lists growing with the workforce, and why. */
const NOT_LISTS: Record<string, string> = {
  budgets: 'one fiscal year of budgets, one per OPD at most',
  'budgets/:id': 'one budget with its ledger',
  programs: 'the training catalogue (paged; tens to hundreds of programs a year)',
  'programs/:id/sessions': "one program's sessions",
  'sessions/:id': 'one session',
  'sessions/:id/enrolments.xlsx': "one session's enrolments, as a file",
  'enrolments/:id': 'one enrolment',
  'enrolments/:id/certificate': 'one file',
  partners: 'the partner institutions (tens)',
  'partners/:id/scorecard': 'one partner',
  'jp/me': "the caller's JP year",
  'jp/employees/:nip': "one employee's JP year",
  'jp/compliance': 'a report of the whole city or one OPD by design, aggregated per OPD (its answer size is checked below)',
  'jp/at-risk': 'a report: the people of the city or one OPD short of their JP',
  'jp/recap.xlsx': 'the same report as a file',
  'health/live': 'platform: liveness',
  'health/ready': 'platform: readiness',
  metrics: 'platform: Prometheus metrics of this process',
  whoami: "the caller's token",
};

describe('career list queries are answered from indexes (30,000 claims and enrolments)', () => {
  let app: NestFastifyApplication;
  let dataSource: DataSource;
  let routes: HttpRoute[];
  const ctx: Context = { sessionId: '' };

  beforeAll(async () => {
    await ensureDatabase(DATABASE, 'capaian_career');
    const before = process.env.CAREER_TEST_DB;
    process.env.CAREER_TEST_DB = DATABASE;
    try {
      ({ app, dataSource } = await startCareerTestApp());
    } finally {
      if (before === undefined) delete process.env.CAREER_TEST_DB;
      else process.env.CAREER_TEST_DB = before;
    }
    // Loaded once: later runs find the rows and only bring the statistics up to date.
    const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM enrolment`);
    if (n < ROWS) {
      // One transaction: a load that fails leaves nothing half-written for the next run.
      await dataSource.transaction(async (m) => {
        await m.query(`INSERT INTO external_jp_claim (id, employee_id, nip, opd_code, title, form, organizer, end_date, jp, status, created_at)
          SELECT gen_random_uuid(), gen_random_uuid(), (100000000000000000 + i % 12000)::text, 'DISKOMINFO', 'Kursus daring', 'KURSUS', 'Penyelenggara', '2026-01-01', 2,
                 CASE WHEN i % 20 = 0 THEN 'DIAJUKAN' WHEN i % 7 = 0 THEN 'DITOLAK' ELSE 'DIVERIFIKASI' END, now() - i * interval '1 minute'
            FROM generate_series(1, ${ROWS}) i`);
        const [program] = await m.query(`INSERT INTO development_program (name, form, scope, organizer, jp, start_date, end_date, quota, budget_ceiling, cost_per_participant, created_by)
          VALUES ('Pelatihan rencana', 'pelatihan_klasikal', 'nasional', 'BKPSDM', 20, '2026-03-01', '2026-03-05', 100000, 0, 0, 'plans') RETURNING id`);
        const sessions: { id: string }[] = await m.query(
          `INSERT INTO program_session (program_id, start_date, end_date, registration_opens, registration_closes, quota, cost_per_participant, created_at, created_by)
             SELECT $1, '2026-03-01', '2026-03-05', '2026-01-01', '2026-02-28', 100000, 0, now(), 'plans' FROM generate_series(1, 60) RETURNING id`,
          [program.id],
        );
        await m.query(
          `INSERT INTO enrolment (id, session_id, employee_id, nip, name, opd_code, jenis_asn, supervisor_id, origin, status, created_at, updated_at)
             SELECT gen_random_uuid(), ($1::uuid[])[1 + i % 60], gen_random_uuid(), (100000000000000000 + i % 12000)::text, 'Pegawai ' || i,
                    (ARRAY['DISKOMINFO', 'DINKES', 'DISDIK', 'BKPSDM', 'BAPPEDA'])[1 + i % 5], 'PNS', CASE WHEN i % 3 = 0 THEN gen_random_uuid() END,
                    'MANDIRI', 'DIAJUKAN', now() - i * interval '1 minute', now()
               FROM generate_series(1, ${ROWS}) i`,
          [sessions.map((s) => s.id)],
        );
      });
    }
    const [{ people }] = await dataSource.query(`SELECT count(*)::int AS people FROM personnel_employee`);
    if (people < EMPLOYEES) {
      // 50 OPDs of 240, one in seven PPPK, 0-3 JP entries each in 2026 (the shape of the career benchmark's city).
      await dataSource.transaction(async (m) => {
        await m.query(`INSERT INTO personnel_employee (id, nip, name, jenis_asn, status, jenis_jabatan, opd_code, opd_name, core_version)
          SELECT md5('plans-employee' || i)::uuid, (198501010000000000 + i)::text, 'Pegawai ' || i, CASE WHEN i % 7 = 3 THEN 'PPPK' ELSE 'PNS' END, 'AKTIF',
                 'PELAKSANA', 'OPD' || lpad((i / 240 + 1)::text, 2, '0'), 'OPD ' || (i / 240 + 1), now()
            FROM generate_series(0, ${EMPLOYEES - 1}) i`);
        await m.query(`INSERT INTO jp_ledger (employee_id, nip, opd_code, jenis_asn, year, jp, source, source_id, recognised_by, recognised_at)
          SELECT md5('plans-employee' || i)::uuid, (198501010000000000 + i)::text, 'OPD' || lpad((i / 240 + 1)::text, 2, '0'), CASE WHEN i % 7 = 3 THEN 'PPPK' ELSE 'PNS' END,
                 2026, CASE WHEN i % 7 = 3 THEN 4 ELSE 4 + ((i + e) % 5) * 4 END, 'KOREKSI', gen_random_uuid(), 'plans', now()
            FROM generate_series(0, ${EMPLOYEES - 1}) i CROSS JOIN generate_series(1, 3) e WHERE e <= i % 4`);
      });
    }
    await dataSource.query('VACUUM ANALYZE');
    [{ id: ctx.sessionId }] = await dataSource.query(`SELECT session_id AS id FROM enrolment LIMIT 1`);
    routes = getRoutes(app);
  }, 600_000);

  afterAll(async () => {
    await app?.close();
  });

  it('knows every GET route: a list that grows with the workforce has plan cases, anything else says why not', () => {
    expect(unlistedRoutes(routes, LIST_CASES, NOT_LISTS)).toEqual({ unknown: [], stale: [] });
  });

  describe('GET jp/compliance', () => {
    const reads = async (actor: Principal) => {
      const { result, statements } = await recordStatements(dataSource, () => app.get(JpLedgerQueries).compliance(actor, 2026));
      return { opds: result, rows: Math.max(0, ...statements.map((s) => s.rows ?? 0)) };
    };
    it(`BKPSDM: the city's ${EMPLOYEES.toLocaleString('en')} employees come back as per-OPD groups, not one row each`, async () => {
      const { opds, rows } = await reads(bkpsdm);
      expect(opds.length).toBeGreaterThanOrEqual(50);
      expect(opds.reduce((n, o) => n + o.employees, 0)).toBeGreaterThanOrEqual(EMPLOYEES);
      expect(rows).toBeLessThan(LARGE_ROWS);
    });
    it("admin-opd: only the admin's OPD is read back", async () => {
      const admin = { ...opdAdmin, opd: 'OPD07' };
      const { opds, rows } = await reads(admin);
      expect(opds.map((o) => o.opdCode)).toEqual(['OPD07']);
      expect(opds[0].employees).toBe(240);
      expect(rows).toBeLessThan(240);
    });
  });

  for (const [path, cases] of Object.entries(LIST_CASES)) {
    describe(`GET ${path}`, () => {
      for (const c of cases) {
        it(`${c.name}: no sequential scan or sort of a large table`, async () => {
          expect(await listPlanProblems(dataSource, () => c.run(app, ctx), LARGE_ROWS)).toEqual([]);
        });
      }
    });
  }
});
