import { Test } from '@nestjs/testing';
import { loadServiceConfig } from '@capaian/shared/config';
import { createHttpAdapter } from '@capaian/shared/http';
import { runMigrations } from '@capaian/shared/persistence';
import { EmployeeSnapshotV1 } from '@capaian/contracts';
import { PersonnelProjection } from '@capaian/shared/projection';
import { Clock, TestClock } from '@capaian/shared/scheduling';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { appraisalDataSourceOptions } from '../src/data-source';
import { AppraisalDemoModule } from '../src/demo/appraisal-demo.module';
import { AppraisalDemoSeeder } from '../src/demo/appraisal-demo-seeder';
import { employeeData, PEOPLE, personnelEvent, seedPersonnel } from './personnel-stand-in';

/** The demo seed on a scratch database: waits while the projection lacks DISKOMINFO's demo people, then loads once, then again without effect. */
const DB = 'capaian_appraisal_demo_seed_test';

/** The appraisal app on a fresh scratch database, with the demo module and the clock in January 2026. */
async function startOn(db: string) {
  const admin = new DataSource({ type: 'postgres', host: process.env.DB_HOST ?? '127.0.0.1', username: process.env.PGUSER ?? 'postgres', password: process.env.PGPASSWORD ?? 'postgres', database: 'postgres' });
  await admin.initialize();
  await admin.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${db}`);
  await admin.destroy();
  const config = loadServiceConfig('appraisal', { ...process.env, DB_NAME: db, DB_USER: process.env.PGUSER ?? 'postgres', DB_PASSWORD: process.env.PGPASSWORD ?? 'postgres', LOG_LEVEL: 'warn' });
  await runMigrations(appraisalDataSourceOptions(config));
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config, { scheduling: { enabled: false } }), AppraisalDemoModule] })
    .overrideProvider(Clock)
    .useValue(new TestClock('2026-01-12T03:00:00Z'))
    .compile();
  const app = moduleRef.createNestApplication(createHttpAdapter(), { logger: ['error', 'warn'] });
  await app.init();
  return app;
}

describe('appraisal demo seed (real PostgreSQL)', () => {
  it('sets the cadences and the demo cascade once', async () => {
    const app = await startOn(DB);
    try {
      const ds = app.get(DataSource);
      const seeder = app.get(AppraisalDemoSeeder);
      // A first start: the projection is still empty; the wait reports its progress and gives up when told to.
      const heard: string[][] = [];
      expect(await seeder.waitForPersonnel(250, (r) => heard.push(r.waitingFor), 50)).toBe(false);
      expect(heard[0]).toEqual(['Ahmad Fauzi', 'Siti Rahmawati', 'Dimas Pratama', 'Putri Lestari']);
      expect(await seeder.cascadePresent()).toBe(false);
      const projection = app.get(PersonnelProjection);
      await seedPersonnel(ds, (event, m) => projection.apply(event, m));
      expect(await seeder.waitForPersonnel(0)).toBe(true);
      expect(await seeder.run()).toEqual({ year: 2026, cadences: 1, skps: 4 });
      expect(await seeder.cascadePresent()).toBe(true);
      expect(await seeder.run()).toEqual({ year: 2026, cadences: 0, skps: 0 });
      const rows = await ds.query(`SELECT nip, status FROM skp ORDER BY nip`);
      expect(rows.map((r: { status: string }) => r.status).sort()).toEqual(['DIAJUKAN', 'DITETAPKAN', 'DITETAPKAN', 'DITETAPKAN']);
    } finally {
      await app.close();
    }
  }, 60_000);

  it('has the OPD head’s SKP set by his penilai when the projection already names one (the Sekda of the demo city)', async () => {
    const app = await startOn(`${DB}_sekda`);
    try {
      const ds = app.get(DataSource);
      const projection = app.get(PersonnelProjection);
      const sekda = { employeeId: '00000000-0000-4000-8000-000000000009', nip: '198611152007102459', name: 'Desi Permata' };
      await seedPersonnel(ds, (event, m) => {
        if (event.type !== EmployeeSnapshotV1 || event.subject !== PEOPLE[0].id) return projection.apply(event, m);
        const data = { ...(event.data as object), supervisor: sekda, pejabatPenilai: sekda, basis: 'ATASAN_LANGSUNG' };
        return projection.apply(personnelEvent(EmployeeSnapshotV1, event.subject, data), m);
      });
      expect(await app.get(AppraisalDemoSeeder).run()).toEqual({ year: 2026, cadences: 1, skps: 4 });
      const [ahmad] = await ds.query(`SELECT status, penilai_nip FROM skp WHERE nip = $1`, [PEOPLE[0].nip]);
      expect(ahmad).toEqual({ status: 'DITETAPKAN', penilai_nip: sekda.nip });
    } finally {
      await app.close();
    }
  }, 60_000);

  it('waits while the newest copy of Siti lacks her penilai, even when an older copy (another stack’s, same NIP) has it', async () => {
    const app = await startOn(`${DB}_copies`);
    try {
      const ds = app.get(DataSource);
      const projection = app.get(PersonnelProjection);
      const seeder = app.get(AppraisalDemoSeeder);
      // The newest copy of Siti, under another id and without her penilai yet, stored first; the city's
      // copies (older events, penilai known) after it.
      const copy = { ...employeeData(PEOPLE[1]), employeeId: '00000000-0000-4000-8000-0000000000c2', pejabatPenilai: null, supervisor: null, atasanPejabatPenilai: null, basis: null };
      await ds.transaction((m) => projection.apply(personnelEvent(EmployeeSnapshotV1, copy.employeeId, copy, new Date('2026-01-02T00:00:00Z')), m));
      await seedPersonnel(ds, (event, m) => projection.apply(event, m));
      expect((await seeder.readiness()).waitingFor).toEqual(['Siti Rahmawati (penilai)']);
    } finally {
      await app.close();
    }
  }, 60_000);
});
