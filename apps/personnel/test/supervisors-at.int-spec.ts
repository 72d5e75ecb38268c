import { randomUUID } from 'node:crypto';
import { runMigrations } from '@capaian/shared/persistence';
import { DataSource } from 'typeorm';
import { personnelDataSourceOptions } from '../src/data-source';
import { SupervisorsAtSetBased1765700000000 } from '../src/migrations/1765700000000-supervisors-at-set-based';

/**
 * The effective supervisor has one definition, the set-based SQL function personnel_supervisors_at;
 * personnel_supervisor_at answers for one employee through it. On a small tree with a vacancy, a
 * position holding two, an override whose target then leaves and a position re-pointed, both give the
 * expected supervisor on every date, and so did the per-employee walk they replaced (its definition,
 * restored by the migration's down(), inside a transaction rolled back).
 *
 * Its own scratch database (created as the local superuser `postgres`, trust auth), so that it runs
 * beside the other personnel int-specs.
 */
const DB = 'capaian_personnel_supervisors_test';
const db = {
  host: process.env.DB_HOST ?? '127.0.0.1',
  port: Number(process.env.DB_PORT ?? 5432),
  database: DB,
  username: process.env.PGUSER ?? 'postgres',
  password: process.env.PGPASSWORD ?? 'postgres',
  poolSize: 4,
};

type Name = 't' | 'm' | 'l1' | 'l2' | 'f' | 's';
const NAMES: Name[] = ['t', 'm', 'l1', 'l2', 'f', 's'];
const DATES = ['2025-12-01', '2026-02-01', '2026-03-15', '2026-04-15', '2026-05-15', '2026-06-15'] as const;

/**
 * Positions TOP ← MID ← LOW (two holders) ← LEAF, and SIDE ← TOP. Everyone starts on 2026-01-01;
 * on 2026-03-01 m leaves (MID vacant); on 2026-04-01 f's supervisor is overridden to s; on 2026-05-01
 * s leaves (the override's target no longer works); on 2026-06-01 LEAF reports to SIDE (vacant).
 */
const EXPECTED: Record<(typeof DATES)[number], Record<Name, Name | null>> = {
  '2025-12-01': { t: null, m: null, l1: null, l2: null, f: null, s: null },
  '2026-02-01': { t: null, m: 't', l1: 'm', l2: 'm', f: 'l2', s: 't' },
  '2026-03-15': { t: null, m: null, l1: 't', l2: 't', f: 'l2', s: 't' },
  '2026-04-15': { t: null, m: null, l1: 't', l2: 't', f: 's', s: 't' },
  '2026-05-15': { t: null, m: null, l1: 't', l2: 't', f: 'l2', s: null },
  '2026-06-15': { t: null, m: null, l1: 't', l2: 't', f: 't', s: null },
};

describe('personnel_supervisors_at and personnel_supervisor_at (real PostgreSQL)', () => {
  let ds: DataSource;
  const id = Object.fromEntries(NAMES.map((n) => [n, randomUUID()])) as Record<Name, string>;
  const nameOf = new Map(NAMES.map((n) => [id[n], n]));

  beforeAll(async () => {
    const admin = new DataSource({ type: 'postgres', host: db.host, port: db.port, username: db.username, password: db.password, database: 'postgres' });
    await admin.initialize();
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${DB}`);
    } finally {
      await admin.destroy();
    }
    await runMigrations(personnelDataSourceOptions(db));
    ds = new DataSource({ ...personnelDataSourceOptions(db), entities: [], migrations: [] });
    await ds.initialize();
    await seed(ds, id);
  }, 60_000);

  afterAll(async () => {
    await ds?.destroy();
  });

  /** Per date, each employee's supervisor by name, from a query returning (employee_id, supervisor_id). */
  async function answers(run: (date: string) => Promise<{ employee_id: string; supervisor_id: string | null }[]>) {
    const out: Record<string, Record<string, string | null>> = {};
    for (const date of DATES) {
      const rows = await run(date);
      out[date] = Object.fromEntries(NAMES.map((n) => [n, null]));
      for (const r of rows) out[date][nameOf.get(r.employee_id)!] = r.supervisor_id ? nameOf.get(r.supervisor_id)! : null;
    }
    return out;
  }

  const ids = () => NAMES.map((n) => id[n]);

  it('the set-based function gives the expected supervisor of everyone on every date', async () => {
    const got = await answers((date) => ds.query(`SELECT employee_id, supervisor_id FROM personnel_supervisors_at($1::uuid[], $2::date)`, [ids(), date]));
    expect(got).toEqual(EXPECTED);
  });

  it('the per-employee function agrees with it', async () => {
    const got = await answers((date) =>
      ds.query(`SELECT c.id AS employee_id, personnel_supervisor_at(c.id, $2::date) AS supervisor_id FROM unnest($1::uuid[]) AS c(id)`, [ids(), date]),
    );
    expect(got).toEqual(EXPECTED);
  });

  it('answers only for the ids asked, once each', async () => {
    const rows: { employee_id: string }[] = await ds.query(`SELECT employee_id FROM personnel_supervisors_at($1::uuid[], '2026-02-01')`, [[id.f, id.f, id.m, randomUUID()]]);
    expect(rows.map((r) => nameOf.get(r.employee_id)).sort()).toEqual(['f', 'm']);
  });

  it('the per-employee walk it replaced gave the same answers (down() restores it)', async () => {
    const runner = ds.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      await new SupervisorsAtSetBased1765700000000().down(runner);
      const [{ lang }] = await runner.query(`SELECT l.lanname AS lang FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang WHERE p.proname = 'personnel_supervisor_at'`);
      expect(lang).toBe('plpgsql');
      expect(await runner.query(`SELECT 1 FROM pg_proc WHERE proname = 'personnel_supervisors_at'`)).toEqual([]);
      const got = await answers((date) =>
        runner.query(`SELECT c.id AS employee_id, personnel_supervisor_at(c.id, $2::date) AS supervisor_id FROM unnest($1::uuid[]) AS c(id)`, [ids(), date]),
      );
      expect(got).toEqual(EXPECTED);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });

  it('direct reports, confirmed with the per-employee function, stay consistent with it', async () => {
    const reports = async (n: Name, date: string) =>
      ((await ds.query(`SELECT employee_id FROM personnel_direct_reports_at($1::uuid, $2::date)`, [id[n], date])) as { employee_id: string }[])
        .map((r) => nameOf.get(r.employee_id))
        .sort();
    expect(await reports('t', '2026-03-15')).toEqual(['l1', 'l2', 's']);
    expect(await reports('l2', '2026-04-15')).toEqual([]);
    expect(await reports('s', '2026-04-15')).toEqual(['f']);
    expect(await reports('t', '2026-06-15')).toEqual(['f', 'l1', 'l2']);
  });
});

async function seed(ds: DataSource, id: Record<Name, string>): Promise<void> {
  const unit = randomUUID();
  const pos = { TOP: randomUUID(), MID: randomUUID(), LOW: randomUUID(), LEAF: randomUUID(), SIDE: randomUUID() };
  const start = '2026-01-01';
  await ds.query(`INSERT INTO org_unit (id, code, name, kind, level, valid_from) VALUES ($1, 'KOTA', 'Kota', 'PEMDA', 0, $2)`, [unit, start]);
  const positions: [keyof typeof pos, string | null, number][] = [
    ['TOP', null, 1],
    ['MID', pos.TOP, 1],
    ['LOW', pos.MID, 2],
    ['SIDE', pos.TOP, 1],
    ['LEAF', pos.LOW, 1],
  ];
  for (const [code, reportsTo, capacity] of positions) {
    const current = code === 'LEAF' ? pos.SIDE : reportsTo;
    await ds.query(
      `INSERT INTO position (id, code, name, jenis_jabatan, unit_id, reports_to_id, capacity, valid_from) VALUES ($1, $2, $2, 'PELAKSANA', $3, $4, $5, $6)`,
      [pos[code], code, unit, current, capacity, start],
    );
    await ds.query(
      `INSERT INTO position_history (position_id, valid_from, valid_to, code, name, jenis_jabatan, unit_id, reports_to_id, capacity, status)
       VALUES ($1, $2, $3, $4, $4, 'PELAKSANA', $5, $6, $7, 'AKTIF')`,
      [pos[code], start, code === 'LEAF' ? '2026-06-01' : null, code, unit, reportsTo, capacity],
    );
  }
  await ds.query(
    `INSERT INTO position_history (position_id, valid_from, code, name, jenis_jabatan, unit_id, reports_to_id, capacity, status)
     VALUES ($1, '2026-06-01', 'LEAF', 'LEAF', 'PELAKSANA', $2, $3, 1, 'AKTIF')`,
    [pos.LEAF, unit, pos.SIDE],
  );
  // NIPs fix the order among the holders of LOW: l2 comes first. s before f, the target of its override.
  const people: [Name, keyof typeof pos, string, string | null][] = [
    ['t', 'TOP', '198001012006041001', null],
    ['m', 'MID', '198001012006041002', '2026-03-01'],
    ['l2', 'LOW', '198001012006041003', null],
    ['l1', 'LOW', '198001012006041004', null],
    ['s', 'SIDE', '198001012006041006', '2026-05-01'],
    ['f', 'LEAF', '198001012006041005', null],
  ];
  for (const [n, p, nip, left] of people) {
    await ds.query(
      `INSERT INTO employee (id, nip, name, jenis_asn, birth_date, sex, position_id, status, supervisor_override_id, valid_from)
       VALUES ($1, $2, $3, 'PNS', '1980-01-01', 'L', $4, $5, $6, $7)`,
      [id[n], nip, `Pegawai ${n}`, left ? null : pos[p], left ? 'KELUAR' : 'AKTIF', n === 'f' ? id.s : null, start],
    );
  }
  const history = (n: Name, from: string, to: string | null, position: string | null, status: string, override: string | null) =>
    ds.query(
      `INSERT INTO employee_history (employee_id, valid_from, valid_to, position_id, jenis_asn, status, supervisor_override_id) VALUES ($1, $2, $3, $4, 'PNS', $5, $6)`,
      [id[n], from, to, position, status, override],
    );
  for (const [n, p, , left] of people) {
    if (n === 'f') {
      await history('f', start, '2026-04-01', pos.LEAF, 'AKTIF', null);
      await history('f', '2026-04-01', null, pos.LEAF, 'AKTIF', id.s);
    } else if (left) {
      await history(n, start, left, pos[p], 'AKTIF', null);
      await history(n, left, null, null, 'KELUAR', null);
    } else {
      await history(n, start, null, pos[p], 'AKTIF', null);
    }
  }
}
