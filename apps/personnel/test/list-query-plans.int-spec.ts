import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { pangkatOf, SEMUA_GOLONGAN } from '@capaian/kinerja';
import type { Principal } from '@capaian/shared/auth';
import { JsonLogger, PageQuery } from '@capaian/shared/http';
import { runMigrations } from '@capaian/shared/persistence';
import { ensureDatabase, getRoutes, isPagedRoute, isRead, planOf, recordStatements, type HttpRoute, type RecordedStatement } from '@capaian/shared/testing';
import { DataSource } from 'typeorm';
import { InMemoryAccountDirectory } from '../src/accounts/infrastructure/in-memory-account-directory';
import { observePreparedQueries } from '../src/common/prepared';
import { personnelDataSourceOptions } from '../src/data-source';
import { DemoSeeder } from '../src/demo/demo-seeder';
import { DemoModule } from '../src/demo/demo.module';
import { EmployeeListQuery } from '../src/employee/dto/employee-list.query';
import { EmployeeQueries } from '../src/employee/employee.queries';
import { employeeSelect, toEmployeeView, type EmployeeRow, type EmployeeView } from '../src/employee/infrastructure/employee.read-model';
import type { ListPage } from '../src/common/paging';
import { ImportQueries } from '../src/import/import.queries';
import { UnitListQuery } from '../src/org-unit/dto/unit-list.query';
import { OrgUnitQueries } from '../src/org-unit/org-unit.queries';
import { PositionListQuery } from '../src/position/dto/position-list.query';
import { PositionQueries } from '../src/position/position.queries';
import { loadPersonnelConfig } from '../src/personnel.config';

/**
 * Issue 12 ("reads that scale"): every list endpoint of personnel answers a page from an index. The
 * test loads the 12,000-employee demo workforce of `npm start` into its own database
 * (capaian_personnel_plans; loaded once, reused by later runs), runs each list query the way its
 * endpoint does for every filter, sort and role the API offers, records the SQL it sends and fails
 * when PostgreSQL's plan reads a large table sequentially or sorts a large input.
 *
 * Every GET route of the service must be listed below, either with its plan cases or with the
 * reason it is not a list of a large table: a new list endpoint without cases fails the test.
 */
const DATABASE = 'capaian_personnel_plans';
const EMPLOYEES = 12_000;
/** A table or sort input of this many rows is "large": the demo city's units (~600) are not, its employees are. */
const LARGE_ROWS = 2_000;

const admin: Principal = { subject: 'plans-bkpsdm', username: 'plans-bkpsdm', roles: ['pegawai', 'admin-bkpsdm'], isServiceAccount: false, token: '' };
const opdAdmin: Principal = { subject: 'plans-opd', username: 'plans-opd', opd: 'DISKOMINFO', roles: ['pegawai', 'admin-opd'], isServiceAccount: false, token: '' };
const agencyApp: Principal = { subject: 'plans-sipd', username: 'service-account-sipd-reader', roles: ['integrasi-baca'], isServiceAccount: true, token: '' };

type Case = { name: string; run: (app: INestApplicationContext, ctx: Context) => Promise<unknown> };
interface Context {
  unitCode: string;
  cursor: string | null;
}

const employees = (q: Record<string, unknown>) => plainToInstance(EmployeeListQuery, q);
const units = (q: Record<string, unknown>) => plainToInstance(UnitListQuery, q);
const positions = (q: Record<string, unknown>) => plainToInstance(PositionListQuery, q);

/** Paged list routes and the query each runs, per filter, sort and role the API offers. */
const LIST_CASES: Record<string, Case[]> = {
  employees: [
    { name: 'admin-bkpsdm, first page', run: (a) => a.get(EmployeeQueries).list(admin, employees({ size: 20 })) },
    { name: 'admin-bkpsdm, first page with total', run: (a) => a.get(EmployeeQueries).list(admin, employees({ size: 20, total: 'true' })) },
    { name: 'admin-bkpsdm, page 400 (offset)', run: (a) => a.get(EmployeeQueries).list(admin, employees({ size: 20, page: 400 })) },
    { name: 'admin-bkpsdm, next page by cursor', run: (a, c) => a.get(EmployeeQueries).list(admin, employees({ size: 20, after: c.cursor })) },
    { name: 'agency app (integrasi-baca)', run: (a) => a.get(EmployeeQueries).list(agencyApp, employees({ size: 100 })) },
    { name: 'admin-opd, own OPD', run: (a) => a.get(EmployeeQueries).list(opdAdmin, employees({ size: 20 })) },
    { name: 'admin-opd, own OPD with total', run: (a) => a.get(EmployeeQueries).list(opdAdmin, employees({ size: 20, total: 'true' })) },
    { name: 'admin-opd, cursor', run: (a, c) => a.get(EmployeeQueries).list(opdAdmin, employees({ size: 20, after: c.cursor })) },
    { name: 'OPD filter', run: (a) => a.get(EmployeeQueries).list(admin, employees({ opd: 'DINKES', total: 'true' })) },
    { name: 'unit filter', run: (a, c) => a.get(EmployeeQueries).list(admin, employees({ unitId: c.unitCode, total: 'true' })) },
    { name: 'jenis jabatan filter', run: (a) => a.get(EmployeeQueries).list(admin, employees({ jenisJabatan: 'FUNGSIONAL', total: 'true' })) },
    { name: 'golongan filter', run: (a) => a.get(EmployeeQueries).list(admin, employees({ golongan: 'III/a', total: 'true' })) },
    { name: 'jenis ASN filter', run: (a) => a.get(EmployeeQueries).list(admin, employees({ jenisAsn: 'PPPK', total: 'true' })) },
    { name: 'status filter (PENSIUN)', run: (a) => a.get(EmployeeQueries).list(admin, employees({ status: 'PENSIUN', total: 'true' })) },
    { name: 'status filter (AKTIF)', run: (a) => a.get(EmployeeQueries).list(admin, employees({ status: 'AKTIF', total: 'true' })) },
    { name: 'name search (word)', run: (a) => a.get(EmployeeQueries).list(admin, employees({ q: 'rahma', total: 'true' })) },
    { name: 'name search (two letters)', run: (a) => a.get(EmployeeQueries).list(admin, employees({ q: 'si' })) },
    { name: 'name search, admin-opd', run: (a) => a.get(EmployeeQueries).list(opdAdmin, employees({ q: 'putri', total: 'true' })) },
    { name: 'NIP prefix', run: (a) => a.get(EmployeeQueries).list(admin, employees({ q: '1985', total: 'true' })) },
    { name: 'as of a past date', run: (a) => a.get(EmployeeQueries).list(admin, employees({ asOf: '2021-06-30', total: 'true' })) },
    { name: 'as of a past date, OPD', run: (a) => a.get(EmployeeQueries).list(opdAdmin, employees({ asOf: '2021-06-30' })) },
  ],
  units: [
    { name: 'first page', run: (a) => a.get(OrgUnitQueries).list(units({ total: 'true' })) },
    { name: 'OPD filter', run: (a) => a.get(OrgUnitQueries).list(units({ opd: 'DISKOMINFO', total: 'true' })) },
    { name: 'search', run: (a) => a.get(OrgUnitQueries).list(units({ q: 'bidang' })) },
    { name: 'as of a past date', run: (a) => a.get(OrgUnitQueries).list(units({ asOf: '2021-06-30' })) },
  ],
  positions: [
    { name: 'first page', run: (a) => a.get(PositionQueries).list(positions({ total: 'true' })) },
    { name: 'OPD filter', run: (a) => a.get(PositionQueries).list(positions({ opd: 'DISKOMINFO', total: 'true' })) },
    { name: 'unit filter', run: (a, c) => a.get(PositionQueries).list(positions({ unitId: c.unitCode })) },
    { name: 'jenis jabatan filter', run: (a) => a.get(PositionQueries).list(positions({ jenisJabatan: 'STRUKTURAL', total: 'true' })) },
    { name: 'vacant only', run: (a) => a.get(PositionQueries).list(positions({ vacant: true, total: 'true' })) },
    { name: 'search', run: (a) => a.get(PositionQueries).list(positions({ q: 'analis' })) },
    { name: 'as of a past date', run: (a) => a.get(PositionQueries).list(positions({ asOf: '2021-06-30' })) },
  ],
  imports: [{ name: 'first page', run: (a) => a.get(ImportQueries).list(admin, plainToInstance(PageQuery, { size: 20 })) }],
};

/** GET routes that are not lists of a large table, and why. */
const NOT_LISTS: Record<string, string> = {
  me: 'one employee',
  'employees/:ref': 'one employee',
  'employees/:ref/history': "one employee's history intervals (by employee_history_employee_idx)",
  'employees/:ref/account': 'one SSO account',
  'employees/:ref/supervisor': 'one employee',
  'employees/:ref/chain': 'the reporting chain up: a handful of positions, walked by index in personnel_supervisor_at',
  'employees/:ref/appraisers': 'two or three people',
  'employees/:ref/direct-reports': "one position's direct reports, by position_history_reports_to_idx in personnel_direct_reports_at",
  'me/supervisor': 'one employee',
  'me/chain': 'the reporting chain up',
  'me/appraisers': 'two or three people',
  'me/direct-reports': "one position's direct reports",
  'units/tree': 'the whole organisation tree by design (~600 units in the demo city, one answer cached by clients)',
  'units/:ref': 'one unit',
  'positions/:ref': 'one position with its holders (by employee_position_idx)',
  'imports/:id': 'one import job',
  'health/live': 'platform: liveness',
  'health/ready': 'platform: readiness',
  metrics: 'platform: Prometheus metrics of this process',
  whoami: "the caller's token",
};

const isCount = (sql: string) => /^\s*SELECT count\(\*\)(::int)? AS total\b/i.test(sql);

/**
 * The statements a case sends: through TypeORM, and as prepared statements (common/prepared.ts).
 * A prepared statement may run with PostgreSQL's generic plan (made without the values), so that
 * plan is checked as well as the one for the values.
 */
async function recordReads(dataSource: DataSource, run: () => Promise<unknown>): Promise<(RecordedStatement & { prepared: boolean })[]> {
  const prepared: RecordedStatement[] = [];
  const stop = observePreparedQueries((sql, params) => prepared.push({ sql, params: [...params] }));
  try {
    const { statements } = await recordStatements(dataSource, run);
    return [...statements.map((s) => ({ ...s, prepared: false })), ...prepared.map((s) => ({ ...s, prepared: true }))].filter((s) => isRead(s.sql));
  } finally {
    stop();
  }
}

/** The generic plan of a statement: the one a prepared statement keeps once PostgreSQL finds it no dearer. */
async function genericPlanOf(dataSource: DataSource, statement: RecordedStatement): Promise<ReturnType<typeof planOf>> {
  const runner = dataSource.createQueryRunner();
  await runner.startTransaction();
  try {
    await runner.query(`SET LOCAL plan_cache_mode = force_generic_plan`);
    return await planOf({ query: (sql: string, params?: unknown[]) => runner.query(sql, params) } as unknown as DataSource, statement, LARGE_ROWS);
  } finally {
    await runner.rollbackTransaction();
    await runner.release();
  }
}

describe('personnel list queries are answered from indexes (12,000-employee demo data)', () => {
  let app: INestApplicationContext;
  let dataSource: DataSource;
  let routes: HttpRoute[];
  const ctx: Context = { unitCode: '', cursor: null };
  /** A page of employees as the endpoint sends it (JSON text), parsed. */
  const listed = async (p: Principal, q: Record<string, unknown>) => JSON.parse(await app.get(EmployeeQueries).list(p, employees(q))) as ListPage<EmployeeView>;
  /** Each employee's stored view_json next to what toEmployeeView makes of its row now, for the ids given (all when none). */
  const views = async (m: Pick<DataSource, 'query'>, ids?: string[]) => {
    const rows: EmployeeRow[] = await m.query(`${employeeSelect('current', '$1')} WHERE $2::uuid[] IS NULL OR e.id = ANY ($2::uuid[])`, ['2026-01-01', ids ?? null]);
    const stored: { id: string; view_json: string }[] = await m.query(`SELECT id, view_json::text AS view_json FROM employee WHERE $1::uuid[] IS NULL OR id = ANY ($1::uuid[])`, [ids ?? null]);
    const byId = new Map(stored.map((r) => [r.id, JSON.parse(r.view_json) as EmployeeView]));
    return rows.map((row) => ({ id: row.id, stored: byId.get(row.id), expected: toEmployeeView(row) }));
  };

  beforeAll(async () => {
    const config = loadPersonnelConfig({ ...process.env, DB_NAME: DATABASE, LOG_LEVEL: 'warn' });
    await ensureDatabase(DATABASE, config.service.database.username);
    await runMigrations(personnelDataSourceOptions(config.service.database));
    app = await NestFactory.createApplicationContext(
      DemoModule.forRoot(config, { accountDirectory: new InMemoryAccountDirectory(), messaging: { relay: false } }),
      { logger: new JsonLogger('personnel-plans', 'warn') },
    );
    dataSource = app.get(DataSource);
    // Loaded once: later runs find the workforce and only bring the statistics up to date.
    const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM employee`);
    if (n < EMPLOYEES) {
      await app.get(DemoSeeder).run({ employees: EMPLOYEES, linkDemoAccounts: false });
      // The outbox of the load is not what lists read, and a relay never runs here.
      await dataSource.query(`DELETE FROM outbox`);
    }
    await dataSource.query('VACUUM ANALYZE');
    routes = getRoutes(app);
    const [unit] = await dataSource.query(`SELECT u.code FROM org_unit u WHERE u.level = 2 ORDER BY u.code LIMIT 1`);
    ctx.unitCode = unit.code;
    const first = await listed(admin, { size: 20 });
    ctx.cursor = first.next ?? null;
  }, 600_000);

  afterAll(async () => {
    await app?.close();
  });

  it('finds the demo workforce loaded', async () => {
    const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM employee`);
    expect(n).toBeGreaterThanOrEqual(EMPLOYEES);
    expect(ctx.cursor).toEqual(expect.any(String));
  });

  it('pages by cursor as by offset, counts only when asked, and scopes an admin-opd to their OPD', async () => {
    const page1 = await listed(admin, { size: 50 });
    const page2 = await listed(admin, { size: 50, page: 2 });
    const next = await listed(admin, { size: 50, after: page1.next });
    expect(page1.total).toBeUndefined();
    expect(next.items.map((e) => e.id)).toEqual(page2.items.map((e) => e.id));
    // Each row comes after the one before it in the database's own order of (name, nip).
    const rows = [...page1.items, ...next.items];
    const [a, b] = [rows.slice(0, -1), rows.slice(1)];
    const [{ sorted }] = await dataSource.query(`SELECT bool_and((n1, p1) < (n2, p2)) AS sorted FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS t (n1, p1, n2, p2)`, [
      a.map((e) => e.name),
      a.map((e) => e.nip),
      b.map((e) => e.name),
      b.map((e) => e.nip),
    ]);
    expect(sorted).toBe(true);
    const [{ working }] = await dataSource.query(`SELECT count(*)::int AS working FROM employee WHERE status IN ('AKTIF', 'CUTI')`);
    expect((await listed(admin, { size: 1, total: 'true' })).total).toBe(working);
    const own = await listed(opdAdmin, { size: 100 });
    expect(own.items.length).toBeGreaterThan(0);
    expect(own.items.every((e) => e.opd?.code === 'DISKOMINFO')).toBe(true);
    const last = await listed(admin, { size: 100, page: Math.ceil(working / 100) });
    expect(last.next).toBeNull();
    // As of a past date the page is made from the rows then, in the same shape.
    const then = await listed(admin, { size: 20, asOf: '2021-06-30' });
    expect(then.items.length).toBeGreaterThan(0);
    expect(Object.keys(then.items[0]).sort()).toEqual(Object.keys(page1.items[0]).sort());
  });

  it("keeps each employee's view_json the object toEmployeeView makes of its row, for the whole city", async () => {
    const all = await views(dataSource);
    expect(all.length).toBeGreaterThanOrEqual(EMPLOYEES);
    const differing = all.filter((v) => JSON.stringify(v.stored) !== JSON.stringify(v.expected));
    expect(differing.slice(0, 3)).toEqual([]);
    const golongan = [...SEMUA_GOLONGAN, 'X/z'];
    const rows: { g: string; pangkat: string | null }[] = await dataSource.query(`SELECT g, personnel_pangkat(g) AS pangkat FROM unnest($1::text[]) g`, [golongan]);
    expect(rows.map((r) => [r.g, r.pangkat])).toEqual(golongan.map((g) => [g, pangkatOf(g)]));
  });

  it('writes view_json anew when the employee, their position, unit or OPD changes (and nothing else)', async () => {
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      const m = runner.manager;
      const [e] = await m.query(
        `SELECT e.id, e.position_id, e.unit_id, e.opd_id FROM employee e WHERE e.status = 'AKTIF' AND e.unit_id <> e.opd_id
            AND NOT EXISTS (SELECT 1 FROM org_unit u WHERE u.head_position_id = e.position_id) ORDER BY e.nip LIMIT 1`,
      );
      const check = async () => {
        const [v] = await views(m, [e.id]);
        expect(v.stored).toEqual(v.expected);
        return v.stored!;
      };
      await m.query(`UPDATE position SET name = name || ' (uji)', kelas_jabatan = 9 WHERE id = $1`, [e.position_id]);
      expect((await check()).position).toMatchObject({ name: expect.stringMatching(/ \(uji\)$/), kelasJabatan: 9 });
      await m.query(`UPDATE org_unit SET name = 'Bidang Uji', head_position_id = $2 WHERE id = $1`, [e.unit_id, e.position_id]);
      expect(await check()).toMatchObject({ unit: { name: 'Bidang Uji' }, unitHead: true, opdHead: false });
      await m.query(`UPDATE org_unit SET code = 'OPD-UJI' WHERE id = $1`, [e.opd_id]);
      expect((await check()).opd).toMatchObject({ code: 'OPD-UJI' });
      await m.query(`UPDATE employee SET email = 'uji@palembang.go.id' WHERE id = $1`, [e.id]);
      expect(await check()).toMatchObject({ email: 'uji@palembang.go.id' });
      await m.query(`UPDATE employee SET supervisor_override_id = (SELECT id FROM employee WHERE id <> $1 ORDER BY nip LIMIT 1), supervisor_override_reason = 'uji' WHERE id = $1`, [e.id]);
      expect((await check()).supervisorOverride).toMatchObject({ reason: 'uji' });
      // A change the text does not show (the position's capacity) rewrites no employee: the row
      // version (ctid) stays where it was.
      const version = async () => (await m.query(`SELECT ctid::text FROM employee WHERE id = $1`, [e.id]))[0].ctid;
      const before = await version();
      await m.query(`UPDATE position SET capacity = capacity + 1 WHERE id = $1`, [e.position_id]);
      expect(await version()).toBe(before);
      // Retired: no position, unit or OPD, and no pangkat for a PPPK golongan.
      await m.query(`UPDATE employee SET status = 'PENSIUN', position_id = NULL, unit_id = NULL, opd_id = NULL, jenis_asn = 'PPPK', golongan = 'IX' WHERE id = $1`, [e.id]);
      expect(await check()).toMatchObject({ position: null, unit: null, opd: null, pangkat: null, golongan: 'IX' });
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
  });

  it('keeps one plan for the usual pages: PostgreSQL stops planning them on every request', async () => {
    const pages: [string, Principal, Record<string, unknown>][] = [
      ['first page', admin, { size: 20 }],
      ['next page by cursor', admin, { size: 20, after: ctx.cursor }],
      ["an admin-opd's first page", opdAdmin, { size: 20 }],
    ];
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    // The pg client of this runner's own connection: prepared statements belong to their session.
    const client = (runner as unknown as { databaseConnection: { query(q: { name?: string; text: string; values?: unknown[] }): Promise<{ rows: any[] }> } }).databaseConnection;
    const plans: Record<string, { generic_plans: number; custom_plans: number }> = {};
    try {
      for (const [index, [name, principal, query]] of pages.entries()) {
        const statement = `capaian_plan_check_${index}`;
        const sent: RecordedStatement[] = [];
        const stop = observePreparedQueries((sql, params) => sent.push({ sql, params: [...params] }));
        try {
          await app.get(EmployeeQueries).list(principal, employees(query));
        } finally {
          stop();
        }
        expect(sent).toHaveLength(1);
        // As the service sends it: a named statement run again and again on one connection.
        for (let i = 0; i < 8; i++) await client.query({ name: statement, text: sent[0].sql, values: sent[0].params });
        const { rows } = await client.query({ text: `SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE name = $1`, values: [statement] });
        plans[name] = rows[0];
        await client.query({ text: `DEALLOCATE ${statement}` });
      }
    } finally {
      await runner.release();
    }
    // PostgreSQL plans the first five runs for their values, then keeps the plan made without them
    // only if it is no dearer (a statement without parameters has only that plan); a statement
    // planned on every run never gets there.
    for (const [name] of pages) expect({ name, generic: Number(plans[name].generic_plans) >= 3 }).toEqual({ name, generic: true });
  });

  it('knows every GET route: a paged list has plan cases, anything else says why it is not a list', () => {
    const unknown = routes.filter((r) => !(r.path in LIST_CASES) && !(r.path in NOT_LISTS));
    expect(unknown.map((r) => `${r.controller}.${r.handler} GET ${r.path}`)).toEqual([]);
    const pagedWithoutCases = routes.filter((r) => isPagedRoute(r, PageQuery) && !(r.path in LIST_CASES));
    expect(pagedWithoutCases.map((r) => r.path)).toEqual([]);
    const stale = [...Object.keys(LIST_CASES), ...Object.keys(NOT_LISTS)].filter((path) => !routes.some((r) => r.path === path));
    expect(stale).toEqual([]);
  });

  for (const [path, cases] of Object.entries(LIST_CASES)) {
    describe(`GET ${path}`, () => {
      for (const c of cases) {
        it(`${c.name}: no sequential scan or sort of a large table`, async () => {
          const reads = await recordReads(dataSource, () => c.run(app, ctx));
          expect(reads.length).toBeGreaterThan(0);
          const problems: string[] = [];
          for (const s of reads) {
            for (const plan of [await planOf(dataSource, s, LARGE_ROWS), ...(s.prepared ? [await genericPlanOf(dataSource, s)] : [])]) {
              // `total` is counted only when asked (?total=true) and counting reads every match, by
              // whatever path is cheapest; it must still not sort them.
              if (isCount(s.sql)) plan.findings = plan.findings.filter((f) => f.node !== 'Seq Scan');
              if (plan.findings.length > 0) problems.push(`${plan.findings.map((f) => f.detail).join('; ')}\n${s.sql}\n${plan.text}`);
            }
          }
          expect(problems).toEqual([]);
        });
      }
    });
  }
});
