import { ELEVATED_ROLES } from '@capaian/contracts';
import { todayInJakarta } from '@capaian/kinerja';
import { DEMO_NIP, eventually, getToken } from '@capaian/shared/testing';
import type { ProjectedEmployeeView } from '@capaian/shared/projection';
import { supervisorIdsAt } from '../src/reporting/infrastructure/reporting.queries';
import { ReportingService } from '../src/reporting/reporting.service';
import { api, http, startPersonnelApp, type PersonnelTestApp } from './personnel-test-app';
import { freshDatabase, startProjectionConsumer, type ProjectionConsumer } from './projection-test-consumer';

/**
 * The read model of another service rebuilt from nothing: personnel's demo seeder loads the full
 * Palembang data (12,000 employees) into its own test database, BKPSDM republishes through the
 * API, a fresh consumer group feeds an empty scratch database through the real Kafka, and every
 * unit, position and employee of the projection is compared with what personnel answers (its API
 * for employees and roles, the queries behind its reporting endpoints for supervisors and
 * appraisers, its tables for units and positions).
 */
jest.setTimeout(600_000);

const PERSONNEL_DB = 'capaian_personnel_republish_test';
const PROJECTION_DB = 'capaian_projection_rebuild_test';
const EMPLOYEES = 12_000;

let t: PersonnelTestApp;
let consumer: ProjectionConsumer;
let hendra: string;

beforeAll(async () => {
  await freshDatabase(PERSONNEL_DB, 'capaian_personnel');
  t = await startPersonnelApp({ env: { DB_NAME: PERSONNEL_DB }, seed: { employees: EMPLOYEES, minFactor: 1, linkDemoAccounts: true } });
  hendra = await getToken(DEMO_NIP.hendra);
  // The seed's own events reach Kafka first, so the fresh group below starts after them: what the
  // projection receives is the republish (plus whatever other test runs publish meanwhile).
  await eventually(async () => (await t.dataSource.query(`SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NULL`))[0].n === 0, 300_000, 250);
  consumer = await startProjectionConsumer(PROJECTION_DB);
});

afterAll(async () => {
  await consumer?.close();
  await t?.close();
});

describe('rebuilding a read model from the republish (12,000 employees, real Kafka)', () => {
  let result: { units: number; positions: number; employees: number; roles: number; time: string; ms: Record<string, number> };

  it('republishes every unit, position and employee in seconds', async () => {
    const res = await http('POST', `${api(t)}/republish`, { token: hendra });
    expect(res.status).toBe(200);
    result = res.body;
    const [counts] = await t.dataSource.query(
      `SELECT (SELECT count(*) FROM org_unit)::int AS units, (SELECT count(*) FROM position)::int AS positions, (SELECT count(*) FROM employee)::int AS employees`,
    );
    expect(result).toMatchObject({ units: counts.units, positions: counts.positions, employees: counts.employees });
    expect(result.employees).toBeGreaterThanOrEqual(EMPLOYEES);
    expect(result.units + result.positions).toBeGreaterThan(1_000);
    // The demo admins and pimpinan hold elevated roles.
    expect(result.roles).toBeGreaterThanOrEqual(4);
    process.stdout.write(`republish: ${JSON.stringify(result)}\n`);
  });

  it('the projection receives all of it', async () => {
    await eventually(
      async () => {
        const [row] = await consumer.dataSource.query(
          `SELECT (SELECT count(*) FROM personnel_unit WHERE version >= $1::timestamptz)::int AS units,
                  (SELECT count(*) FROM personnel_position WHERE version >= $1::timestamptz)::int AS positions,
                  (SELECT count(*) FROM personnel_employee WHERE core_version >= $1::timestamptz AND appraisers_version >= $1::timestamptz)::int AS employees`,
          [result.time],
        );
        return row.units >= result.units && row.positions >= result.positions && row.employees >= result.employees;
      },
      300_000,
      250,
    );
  });

  it('holds the same units and positions as personnel', async () => {
    const units = await t.dataSource.query(`SELECT id, code, name, kind, parent_id, opd_id, level, head_position_id, status FROM org_unit ORDER BY id`);
    const projected = await consumer.dataSource.query(
      `SELECT id, code, name, kind, parent_id, opd_id, level, head_position_id, status FROM personnel_unit WHERE id = ANY($1::uuid[]) ORDER BY id`,
      [units.map((u: { id: string }) => u.id)],
    );
    expect(projected).toEqual(units);
    const positions = await t.dataSource.query(
      `SELECT p.id, p.code, p.name, p.jenis_jabatan, p.jenjang, p.kelas_jabatan, p.unit_id, p.opd_id, p.reports_to_id, p.capacity, p.status,
              (u.head_position_id IS NOT NULL AND u.head_position_id = p.id) AS head
         FROM position p JOIN org_unit u ON u.id = p.unit_id ORDER BY p.id`,
    );
    const projectedPositions = await consumer.dataSource.query(
      `SELECT id, code, name, jenis_jabatan, jenjang, kelas_jabatan, unit_id, opd_id, reports_to_id, capacity, status, head
         FROM personnel_position WHERE id = ANY($1::uuid[]) ORDER BY id`,
      [positions.map((p: { id: string }) => p.id)],
    );
    expect(projectedPositions).toEqual(positions);
  });

  it('holds every employee as personnel’s API shows them, with supervisor and appraisers, row by row', async () => {
    // Employees from the API, page by page.
    const listed: any[] = [];
    for (let after = ''; ; ) {
      const res = await http('GET', `${api(t)}/employees?size=100${after ? `&after=${after}` : ''}`, { token: hendra });
      expect(res.status).toBe(200);
      listed.push(...res.body.items);
      if (!res.body.next) break;
      after = res.body.next;
    }
    expect(listed.length).toBe(result.employees);

    const today = todayInJakarta();
    const ids = listed.map((e) => e.id);
    const supervisors = await supervisorIdsAt(t.dataSource.manager, ids, today);
    const reporting = t.app.get(ReportingService);
    const projected = new Map<string, ProjectedEmployeeView>();
    for (const e of listed) {
      const view = await consumer.directory.employeeById(e.id);
      if (view) projected.set(e.id, view);
    }
    expect(projected.size).toBe(listed.length);

    const mismatches: string[] = [];
    const active = listed.filter((e) => e.status === 'AKTIF' || e.status === 'CUTI');
    // The appraisers as GET /employees/{id}/appraisers computes them, a few employees at a time.
    const appraisers = new Map<string, { penilai: string | null; atasan: string | null; basis: string | null }>();
    let next = 0;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (next < active.length) {
          const e = active[next++];
          const a = await reporting.appraisers(e.id, today);
          appraisers.set(e.id, { penilai: a.pejabatPenilai?.id ?? null, atasan: a.atasanPejabatPenilai?.id ?? null, basis: a.basis });
        }
      }),
    );
    for (const e of listed) {
      const p = projected.get(e.id)!;
      const expected = {
        nip: e.nip,
        name: e.name,
        jenisAsn: e.jenisAsn,
        golongan: e.golongan,
        pangkat: e.pangkat,
        status: e.status,
        email: e.email,
        position: e.position ? { id: e.position.id, code: e.position.code, jenisJabatan: e.position.jenisJabatan, kelasJabatan: e.position.kelasJabatan, unitHead: e.unitHead } : null,
        unit: e.unit?.id ?? null,
        opd: e.opd ? { id: e.opd.id, code: e.opd.code } : null,
        supervisor: supervisors.get(e.id) ?? null,
        appraisers: appraisers.get(e.id) ?? { penilai: null, atasan: null, basis: null },
      };
      const actual = {
        nip: p.nip,
        name: p.name,
        jenisAsn: p.jenisAsn,
        golongan: p.golongan,
        pangkat: p.pangkat,
        status: p.status,
        email: p.email,
        position: p.position ? { id: p.position.id, code: p.position.code, jenisJabatan: p.position.jenisJabatan, kelasJabatan: p.position.kelasJabatan, unitHead: p.position.unitHead } : null,
        unit: p.unit?.unitId ?? null,
        opd: p.opd ? { id: p.opd.unitId, code: p.opd.code } : null,
        supervisor: p.supervisor?.employeeId ?? null,
        appraisers: { penilai: p.pejabatPenilai?.employeeId ?? null, atasan: p.atasanPejabatPenilai?.employeeId ?? null, basis: p.penilaiBasis },
      };
      if (JSON.stringify(actual) !== JSON.stringify(expected)) mismatches.push(`${e.nip}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
    // The data has real appraisal structure, not only nulls.
    expect([...appraisers.values()].filter((a) => a.penilai).length).toBeGreaterThan(active.length * 0.9);
    expect(listed.filter((e) => e.unitHead).length).toBeGreaterThan(100);
  });

  it('holds the elevated roles of the demo accounts as personnel reports them', async () => {
    for (const nip of Object.values(DEMO_NIP)) {
      const account = await http('GET', `${api(t)}/employees/${nip}/account`, { token: hendra });
      expect(account.status).toBe(200);
      const expected = (account.body.roles as string[]).filter((r) => (ELEVATED_ROLES as readonly string[]).includes(r)).sort();
      const projected = (await consumer.directory.rolesOf(nip)).map((r) => r.role).sort();
      expect({ nip, roles: projected }).toEqual({ nip, roles: expected });
    }
    const rudi = await consumer.directory.rolesOf(DEMO_NIP.rudi);
    expect(rudi).toEqual([{ role: 'admin-opd', opd: expect.objectContaining({ code: 'DISKOMINFO' }) }]);
  });

  it('answers the questions appraisal will ask: who appraises Dimas, whom Siti appraises', async () => {
    const dimas = await consumer.directory.employeeByNip(DEMO_NIP.dimas);
    expect(dimas?.pejabatPenilai?.nip).toBe(DEMO_NIP.siti);
    expect(dimas?.atasanPejabatPenilai?.nip).toBe(DEMO_NIP.ahmad);
    const siti = await consumer.directory.employeeByNip(DEMO_NIP.siti);
    const appraisees = await consumer.directory.appraiseesOf(siti!.id);
    expect(appraisees.map((e) => e.nip)).toEqual(expect.arrayContaining([DEMO_NIP.dimas, DEMO_NIP.putri]));
  });
});
