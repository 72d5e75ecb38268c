import { loadServiceConfig } from '@capaian/shared/config';
import { dataSourceOptions, runMigrations } from '@capaian/shared/persistence';
import { DataSource } from 'typeorm';
import { careerEntities, careerMigrations, careerDataSourceOptions } from '../src/data-source';

/**
 * Today's program rows (dates, quota and cost on the program) become program + one session when
 * the sessions migration runs — on a scratch database migrated to the step before it.
 */
const DB = 'capaian_career_migration_test';

describe('migrating program rows to program + one session (real PostgreSQL)', () => {
  it('creates one session per existing program with its dates, quota and cost, registration closing the day before', async () => {
    const admin = new DataSource({ type: 'postgres', host: process.env.DB_HOST ?? '127.0.0.1', username: process.env.PGUSER ?? 'postgres', password: process.env.PGPASSWORD ?? 'postgres', database: 'postgres' });
    await admin.initialize();
    await admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${DB}`);
    await admin.destroy();
    const config = loadServiceConfig('career', { ...process.env, DB_NAME: DB, DB_USER: process.env.PGUSER ?? 'postgres', DB_PASSWORD: process.env.PGPASSWORD ?? 'postgres', LOG_LEVEL: 'warn' });
    const sessions = careerMigrations.findIndex((m) => m.name === 'CareerDevelopment1765400000000');
    // Later migrations (indexes and so on) run after the old rows are in, with the rest below.
    expect(sessions).toBeGreaterThan(0);
    await runMigrations(dataSourceOptions(config.database, careerEntities, careerMigrations.slice(0, sessions)));

    const ds = new DataSource(careerDataSourceOptions(config));
    await ds.initialize();
    try {
      await ds.query(
        `INSERT INTO development_program (name, form, scope, organizer, jp, start_date, end_date, quota, budget_ceiling, cost_per_participant, created_at, created_by)
         VALUES ('PKA Angkatan I', 'pka', 'nasional', 'BPSDM Sumsel', 480, '2026-06-01', '2026-09-30', 40, 1500000000, 37500000, '2026-01-10T02:00:00Z', 'seed'),
                ('Seminar Kearsipan', 'seminar', 'nasional', 'Dinas Perpustakaan', 8, '2026-03-10', '2026-03-11', 100, 0, 0, '2026-03-20T02:00:00Z', 'seed')`,
      );
      await runMigrations(careerDataSourceOptions(config));
      const rows = await ds.query(
        `SELECT p.name, s.start_date::text AS start, s.end_date::text AS "end", s.quota, s.cost_per_participant::float8 AS cost, s.seats_taken AS taken,
                s.registration_opens::text AS opens, s.registration_closes::text AS closes, p.competencies, p.eligible_position_kinds AS kinds
           FROM program_session s JOIN development_program p ON p.id = s.program_id ORDER BY p.name`,
      );
      expect(rows).toEqual([
        { name: 'PKA Angkatan I', start: '2026-06-01', end: '2026-09-30', quota: 40, cost: 37_500_000, taken: 0, opens: '2026-01-10', closes: '2026-05-31', competencies: [], kinds: [] },
        // Created after its start: the window is the day before the start.
        { name: 'Seminar Kearsipan', start: '2026-03-10', end: '2026-03-11', quota: 100, cost: 0, taken: 0, opens: '2026-03-09', closes: '2026-03-09', competencies: [], kinds: [] },
      ]);
    } finally {
      await ds.destroy();
    }
  });
});
