import type { Principal } from '@capaian/shared/auth';
import { ensureDatabase, getRoutes, listPlanProblems, unlistedRoutes, type HttpRoute } from '@capaian/shared/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { plainToInstance } from 'class-transformer';
import { DataSource } from 'typeorm';
import { CompletionQuery } from '../src/dashboard/completion.query';
import { ObjectionQueries } from '../src/objection/objection.queries';
import { ListObjectionsQuery } from '../src/objection/dto/list-objections.query';
import { RealizationQueries } from '../src/realization/realization.queries';
import { PenilaiRhkQueries } from '../src/skp/penilai-rhk.queries';
import { SkpQueries } from '../src/skp/skp.queries';
import { startAppraisalTestApp } from './appraisal-test-app';

/**
 * Issue 12 ("reads that scale") for appraisal: what grows with the workforce (SKPs, their periodic
 * reports, evaluations, objections, the personnel projection) is read from an index. The test runs
 * in its own database (capaian_appraisal_plans), fills it once with a city's two years: 12,000
 * employees in the projection (a third of them in DISDIK, the teachers), 24,000 SKPs (2025 and
 * 2026), four periodic reports of each set one (86,400), 12,000 evaluations of 2025 and 3,000 objections. It
 * records the SQL each read sends per role and filter, and fails when PostgreSQL's plan reads a
 * large table sequentially, sorts a large input or walks a large table's index without a
 * condition. Every GET route must be listed below, with plan cases or with the reason it is not
 * such a read, so a new list endpoint without cases fails.
 */
const DATABASE = 'capaian_appraisal_plans';
const EMPLOYEES = 12_000;
const LARGE_ROWS = 2_000;
const BASE_NIP = 100000000000000000n;
const nipOf = (i: number) => (BASE_NIP + BigInt(i)).toString();

/** Employee i's OPD: every third is a DISDIK teacher (4,000), the rest spread over 40 OPDs (200 each). */
const OPD_SQL = (i: string) => `CASE WHEN ${i} % 3 = 0 THEN 'DISDIK' ELSE 'OPD' || lpad((${i} % 40)::text, 2, '0') END`;
/** Pejabat penilai: the first of each group of 30 (a headmaster, a head of section); the group's first is appraised by 11999. */
const PENILAI_SQL = (i: string) => `(${BASE_NIP} + CASE WHEN ${i} % 30 = 0 THEN 11999 ELSE ${i} - ${i} % 30 END)::text`;
/** Atasan pejabat penilai: one per 900 employees (the heads of the largest OPDs decide hundreds of objections). */
const ATASAN_SQL = (i: string) => `(${BASE_NIP} + ${i} - ${i} % 900 + 1)::text`;

const person = (i: number, roles: string[], opd?: string): Principal => ({ subject: `plans-${i}`, username: nipOf(i), nip: nipOf(i), opd, roles, isServiceAccount: false, token: '' });
const bkpsdm: Principal = { subject: 'plans-bkpsdm', username: 'plans-bkpsdm', roles: ['pegawai', 'admin-bkpsdm'], isServiceAccount: false, token: '' };
/** A teacher (DISDIK), appraised by employee 30. */
const employee = person(33, ['pegawai']);
/** Penilai of employees 31..59. */
const penilai = person(30, ['pegawai']);
/** Atasan penilai of employees 900..1799 (hundreds of objections). */
const atasan = person(901, ['pegawai']);
const disdikAdmin = person(3, ['pegawai', 'admin-opd'], 'DISDIK');
const smallOpdAdmin = person(1, ['pegawai', 'admin-opd'], 'OPD01');
const nobody = person(11_998, ['pegawai']);

interface Context {
  /** The 2026 SKP of `employee`, and its 2025 SKP (rated). */
  skp2026: string;
  skp2025: string;
}
type Case = { name: string; run: (app: NestFastifyApplication, ctx: Context) => Promise<unknown> };

const objections = (a: NestFastifyApplication, who: Principal, q: Record<string, unknown>) => a.get(ObjectionQueries).toDecide(who, plainToInstance(ListObjectionsQuery, q));

const LIST_CASES: Record<string, Case[]> = {
  objections: [
    { name: 'an atasan penilai: every objection, waiting first', run: (a) => objections(a, atasan, {}) },
    { name: 'an atasan penilai: page 10', run: (a) => objections(a, atasan, { page: 10 }) },
    { name: 'an atasan penilai: waiting ones (status=DIAJUKAN)', run: (a) => objections(a, atasan, { status: 'DIAJUKAN' }) },
    { name: 'an atasan penilai: decided ones (status=DITOLAK)', run: (a) => objections(a, atasan, { status: 'DITOLAK' }) },
    { name: 'a caller who decides none', run: (a) => objections(a, nobody, {}) },
  ],
  'dashboard/:year/:opdCode': [
    { name: 'BKPSDM: DISDIK (4,000 teachers)', run: (a) => a.get(CompletionQuery).of(2026, 'DISDIK', bkpsdm) },
    { name: 'BKPSDM: a small OPD', run: (a) => a.get(CompletionQuery).of(2026, 'OPD01', bkpsdm) },
    { name: 'admin-opd: own OPD (DISDIK), last year', run: (a) => a.get(CompletionQuery).of(2025, 'DISDIK', disdikAdmin) },
    { name: 'admin-opd: own small OPD', run: (a) => a.get(CompletionQuery).of(2026, 'OPD01', smallOpdAdmin) },
  ],
  'skps/mine': [
    { name: 'an employee: own SKPs of the year', run: (a) => a.get(SkpQueries).mine(employee, 2026) },
    { name: 'a penilai: own and the appraisees', run: (a) => a.get(SkpQueries).mine(penilai, 2026) },
    { name: 'a penilai: last year', run: (a) => a.get(SkpQueries).mine(penilai, 2025) },
  ],
  'penilai-rhk': [{ name: "an employee: the penilai's set SKP", run: (a) => a.get(PenilaiRhkQueries).forCaller(employee, 2026) }],
  'skps/:id/penilai-rhk': [{ name: "the SKP owner: the penilai's set SKP", run: (a, c) => a.get(PenilaiRhkQueries).forSkp(employee, c.skp2026) }],
  'skps/:id/periods': [{ name: "one SKP's periods, reports and evidence", run: (a, c) => a.get(RealizationQueries).periodsOf(employee, c.skp2026) }],
  'skps/:id/evaluation': [{ name: "one SKP's evaluation and objection", run: (a, c) => a.get(ObjectionQueries).ofSkp(employee, c.skp2025) }],
};

/** GET routes that are not reads of a table growing with the workforce, and why. */
const NOT_LISTS: Record<string, string> = {
  periods: 'the appraisal periods BKPSDM defines (a few a year); paged',
  'cadences/:year/:opdCode': "one OPD's calendar, by its primary key",
  'dashboard/:year/:opdCode/export.xlsx': 'the same completion query as dashboard/:year/:opdCode (planned there), as a file',
  'skps/:id': 'one SKP by id',
  'skps/:id/achievement': "one SKP's indicators and reports",
  'skps/:id/document': 'one SKP as a PDF',
  'evaluations/:id': 'one evaluation by id',
  'evaluations/:id/document': 'one evaluation as a PDF',
  'evidence/:id': 'one evidence file',
  'documents/verify/:code': 'one issued document by its code',
  'health/live': 'platform: liveness',
  'health/ready': 'platform: readiness',
  metrics: 'platform: Prometheus metrics of this process',
  whoami: "the caller's token",
};


/** The city's year, one transaction: a load that fails leaves nothing half-written for the next run. */
async function load(dataSource: DataSource): Promise<void> {
  await dataSource.transaction(async (m) => {
    const opds = `SELECT DISTINCT ${OPD_SQL('i')} AS code FROM generate_series(0, ${EMPLOYEES - 1}) i`;
    await m.query(`INSERT INTO personnel_unit (id, code, name, kind, opd_code, level, status, effective_date, version, event_id)
      SELECT gen_random_uuid(), o.code || CASE WHEN u = 0 THEN '' ELSE '.' || u END, 'Unit ' || o.code || ' ' || u, CASE WHEN u = 0 THEN 'OPD' ELSE 'BIDANG' END,
             o.code, CASE WHEN u = 0 THEN 1 ELSE 2 END, 'AKTIF', '2020-01-01', now(), 'plans'
        FROM (${opds}) o CROSS JOIN generate_series(0, 5) u`);
    await m.query(
      `INSERT INTO personnel_employee (id, nip, name, jenis_asn, golongan, status, unit_id, unit_code, opd_code, opd_name, effective_date, core_version,
                                       penilai_id, penilai_nip, penilai_name, atasan_penilai_id, atasan_penilai_nip, atasan_penilai_name)
         SELECT md5('e' || i)::uuid, (${BASE_NIP} + i)::text, 'Pegawai ' || i, CASE WHEN i % 5 = 0 THEN 'PPPK' ELSE 'PNS' END, 'III/a',
                CASE WHEN i % 50 = 0 THEN 'CUTI' ELSE 'AKTIF' END, u.id, u.code, ${OPD_SQL('i')}, 'OPD', '2020-01-01', now(),
                md5('e' || (${PENILAI_SQL('i')}::bigint - ${BASE_NIP}))::uuid, ${PENILAI_SQL('i')}, 'Penilai',
                md5('e' || (${ATASAN_SQL('i')}::bigint - ${BASE_NIP}))::uuid, ${ATASAN_SQL('i')}, 'Atasan'
           FROM generate_series(0, ${EMPLOYEES - 1}) i
           JOIN personnel_unit u ON u.code = ${OPD_SQL('i')} || '.' || (1 + i % 5)`,
    );
    for (const year of [2025, 2026]) {
      await m.query(
        `INSERT INTO skp (id, lineage_id, version, employee_id, nip, year, start_date, end_date, status, opd_code, unit_id, penilai_nip, atasan_nip,
                          snapshot, content, set_on, created_at, updated_at)
           SELECT gen_random_uuid(), gen_random_uuid(), 1, e.id, e.nip, $1, make_date($1, 1, 1), make_date($1, 12, 31),
                  CASE WHEN $1 = 2025 THEN 'DITETAPKAN' WHEN i % 10 = 0 THEN 'DRAFT' WHEN i % 10 = 1 THEN 'DIAJUKAN' ELSE 'DITETAPKAN' END,
                  e.opd_code, e.unit_id, e.penilai_nip, e.atasan_penilai_nip,
                  jsonb_build_object('nip', e.nip, 'name', e.name, 'topOfOpd', false, 'opd', jsonb_build_object('code', e.opd_code, 'name', e.opd_name),
                                     'unit', jsonb_build_object('unitId', e.unit_id, 'code', e.unit_code, 'name', 'Unit'),
                                     'pejabatPenilai', jsonb_build_object('nip', e.penilai_nip, 'name', e.penilai_name),
                                     'atasanPejabatPenilai', jsonb_build_object('nip', e.atasan_penilai_nip, 'name', e.atasan_penilai_name)),
                  '{"pendekatan": "KUANTITATIF", "rhk": [], "annex": {}}'::jsonb,
                  CASE WHEN $1 = 2025 OR i % 10 > 1 THEN make_date($1, 1, 31) END, now(), now()
             FROM generate_series(0, ${EMPLOYEES - 1}) i JOIN personnel_employee e ON e.nip = (${BASE_NIP} + i)::text`,
        [year],
      );
    }
    await m.query(
      `INSERT INTO periodic_report (id, skp_id, period_no, start_date, end_date, report_due, feedback_due, status, updated_at)
         SELECT gen_random_uuid(), s.id, p, make_date(s.year, 3 * p - 2, 1), (make_date(s.year, 3 * p - 2, 1) + interval '3 months - 1 day')::date,
                (make_date(s.year, 3 * p - 2, 1) + interval '3 months 5 days')::date, (make_date(s.year, 3 * p - 2, 1) + interval '3 months 15 days')::date,
                CASE WHEN s.year = 2025 THEN 'TERKUNCI' WHEN p = 1 THEN 'DITANGGAPI' WHEN p = 2 THEN 'DILAPORKAN' ELSE 'TERBUKA' END, now()
           FROM skp s CROSS JOIN generate_series(1, 4) p WHERE s.status = 'DITETAPKAN'`,
    );
    await m.query(
      `INSERT INTO evaluation (id, skp_id, employee_id, nip, opd_code, year, status, rating_hasil_kerja, perilaku, rating_perilaku, predikat, objection_deadline, rated_by, rated_at, finalized_at, updated_at)
         SELECT gen_random_uuid(), s.id, s.employee_id, s.nip, s.opd_code, s.year, CASE WHEN right(s.nip, 1) = '0' THEN 'KEBERATAN' ELSE 'FINAL' END,
                'SESUAI_EKSPEKTASI', '{}'::jsonb, 'SESUAI_EKSPEKTASI', 'BAIK', '2026-01-20', s.penilai_nip, '2026-01-05', '2026-01-21', now()
           FROM skp s WHERE s.year = 2025`,
    );
    // A quarter of last year's evaluations objected to (3,000): a third still waiting, the rest decided.
    await m.query(
      `INSERT INTO objection (id, evaluation_id, employee_nip, atasan_nip, status, reason, decision, filed_at, decided_at)
         SELECT gen_random_uuid(), e.id, e.nip, s.atasan_nip, CASE WHEN k % 3 = 0 THEN 'DIAJUKAN' WHEN k % 3 = 1 THEN 'DITOLAK' ELSE 'DITERIMA' END,
                'Keberatan atas penilaian', CASE WHEN k % 3 <> 0 THEN 'Diputus' END, '2026-01-06'::timestamptz + k * interval '1 minute',
                CASE WHEN k % 3 <> 0 THEN '2026-01-15'::timestamptz END
           FROM (SELECT e.*, (e.nip::bigint - ${BASE_NIP})::int AS k FROM evaluation e) e JOIN skp s ON s.id = e.skp_id WHERE e.k % 4 = 1`,
    );
  });
}

describe('appraisal reads are answered from indexes (12,000 employees, 24,000 SKPs, 3,000 objections)', () => {
  let app: NestFastifyApplication;
  let dataSource: DataSource;
  let routes: HttpRoute[];
  const ctx: Context = { skp2026: '', skp2025: '' };

  beforeAll(async () => {
    await ensureDatabase(DATABASE, 'capaian_appraisal');
    const before = process.env.APPRAISAL_TEST_DB;
    process.env.APPRAISAL_TEST_DB = DATABASE;
    try {
      ({ app, dataSource } = await startAppraisalTestApp());
    } finally {
      if (before === undefined) delete process.env.APPRAISAL_TEST_DB;
      else process.env.APPRAISAL_TEST_DB = before;
    }
    // Loaded once: later runs find the rows and only bring the statistics up to date.
    const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM objection`);
    if (n === 0) await load(dataSource);
    await dataSource.query('VACUUM ANALYZE');
    const skps: { id: string; year: number }[] = await dataSource.query(`SELECT id, year FROM skp WHERE nip = $1`, [employee.nip]);
    ctx.skp2026 = skps.find((s) => s.year === 2026)!.id;
    ctx.skp2025 = skps.find((s) => s.year === 2025)!.id;
    routes = getRoutes(app);
  }, 600_000);

  afterAll(async () => {
    await app?.close();
  });

  it('knows every GET route: a read of a growing table has plan cases, anything else says why not', () => {
    expect(unlistedRoutes(routes, LIST_CASES, NOT_LISTS)).toEqual({ unknown: [], stale: [] });
  });

  for (const [path, cases] of Object.entries(LIST_CASES)) {
    describe(`GET ${path}`, () => {
      for (const c of cases) {
        it(`${c.name}: no sequential scan, sort or unbounded index walk of a large table`, async () => {
          expect(await listPlanProblems(dataSource, () => c.run(app, ctx), LARGE_ROWS, { unboundedIndexWalks: true })).toEqual([]);
        });
      }
    });
  }
});
