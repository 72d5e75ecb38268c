import { loadServiceConfig } from '@capaian/shared/config';
import { runMigrations } from '@capaian/shared/persistence';
import { DataSource } from 'typeorm';
import { careerDataSourceOptions } from '../src/data-source';
import { loadCareerDemo } from '../src/demo/career-demo';

/** The demo data of `npm start` on a scratch database: loads once, sessions open for registration today, budget ledgers sum. */
const DB = 'capaian_career_demo_test';

describe('career demo data (real PostgreSQL)', () => {
  it('loads partners, programs with open sessions and budgets once', async () => {
    const admin = new DataSource({ type: 'postgres', host: process.env.DB_HOST ?? '127.0.0.1', username: process.env.PGUSER ?? 'postgres', password: process.env.PGPASSWORD ?? 'postgres', database: 'postgres' });
    await admin.initialize();
    await admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${DB}`);
    await admin.destroy();
    const config = loadServiceConfig('career', { ...process.env, DB_NAME: DB, DB_USER: process.env.PGUSER ?? 'postgres', DB_PASSWORD: process.env.PGPASSWORD ?? 'postgres', LOG_LEVEL: 'warn' });
    await runMigrations(careerDataSourceOptions(config));
    const ds = new DataSource(careerDataSourceOptions(config));
    await ds.initialize();
    try {
      const now = new Date('2026-12-03T03:00:00Z');
      expect(await loadCareerDemo(ds, '2026-12-03', now)).toEqual({ loaded: true, programs: 6, budgets: 12 });
      expect(await loadCareerDemo(ds, '2026-12-03', now)).toMatchObject({ loaded: false });
      const [open] = await ds.query(`SELECT count(*)::int AS n FROM program_session WHERE registration_opens <= '2026-12-03' AND registration_closes >= '2026-12-03'`);
      expect(open.n).toBe(6);
      const budgets = await ds.query(`SELECT b.balance::float8 AS balance, (SELECT sum(amount) FROM budget_ledger l WHERE l.budget_id = b.id)::float8 AS ledger FROM budget b`);
      expect(budgets).toHaveLength(12);
      for (const b of budgets) expect(b.ledger).toBe(b.balance);
    } finally {
      await ds.destroy();
    }
  });
});
