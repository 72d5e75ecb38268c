import { loadServiceConfig } from '@capaian/shared/config';
import { createHttpAdapter, configureHttpApp } from '@capaian/shared/http';
import { watchTopic, type TopicWatcher } from '@capaian/shared/messaging';
import { runMigrations } from '@capaian/shared/persistence';
import { PersonnelProjection } from '@capaian/shared/projection';
import { Clock, Scheduler, TestClock } from '@capaian/shared/scheduling';
import { DEMO_NIP } from '@capaian/shared/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { appraisalDataSourceOptions } from '../src/data-source';
import { CreateSkp } from '../src/skp/use-cases/create-skp';
import { PEOPLE, seedPersonnel } from './personnel-stand-in';

/**
 * The two announcing jobs on a scratch database with the real Kafka, run by the shared scheduler
 * with a test clock: `planning-due` once per employee and year inside the OPD's own planning window,
 * `rating-due` once per ratable, unrated SKP inside the rating window, read back from Kafka and the
 * outbox. SKPs are drafted through CreateSkp; their later states are written directly (the workflow
 * has its own tests), which is all the jobs read.
 */
const DB = 'capaian_appraisal_deadline_notices_test';
jest.setTimeout(120_000);

describe('planning-due and rating-due announcements (real PostgreSQL, Kafka)', () => {
  let app: NestFastifyApplication;
  let ds: DataSource;
  let skpWatch: TopicWatcher;
  let evalWatch: TopicWatcher;
  const clock = new TestClock('2026-01-05T02:00:00Z');
  const ids: Record<string, string> = {};
  const tick = () => app.get(Scheduler).tick();
  const at7Wib = (date: string) => clock.set(`${date}T00:00:30Z`);
  const outboxNips = async (type: string) =>
    (await ds.query(`SELECT envelope->'data'->>'nip' AS nip FROM outbox WHERE type = $1 ORDER BY 1`, [type])).map((r: { nip: string }) => r.nip);
  const draft = async (who: keyof typeof DEMO_NIP) => {
    const skp = await app.get(CreateSkp).execute({ subject: who, username: DEMO_NIP[who], nip: DEMO_NIP[who], roles: [], isServiceAccount: false, token: '' }, { year: 2026, pendekatan: 'KUANTITATIF', rhk: [] } as never);
    return skp.id;
  };
  const setStatus = (id: string, status: string, setOn: string | null = null) => ds.query(`UPDATE skp SET status = $2, set_on = $3 WHERE id = $1`, [id, status, setOn]);

  beforeAll(async () => {
    const admin = new DataSource({ type: 'postgres', host: process.env.DB_HOST ?? '127.0.0.1', username: process.env.PGUSER ?? 'postgres', password: process.env.PGPASSWORD ?? 'postgres', database: 'postgres' });
    await admin.initialize();
    await admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${DB}`);
    await admin.destroy();
    const config = loadServiceConfig('appraisal', { ...process.env, DB_NAME: DB, DB_USER: process.env.PGUSER ?? 'postgres', DB_PASSWORD: process.env.PGPASSWORD ?? 'postgres', LOG_LEVEL: 'warn' });
    await runMigrations(appraisalDataSourceOptions(config));
    const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config, { scheduling: { enabled: false } })] })
      .overrideProvider(Clock)
      .useValue(clock)
      .compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(createHttpAdapter(), { logger: ['error', 'warn'] });
    configureHttpApp(app, 'appraisal', { title: 'appraisal (test)' });
    await app.init();
    ds = app.get(DataSource);
    const projection = app.get(PersonnelProjection);
    await seedPersonnel(ds, (event, m) => projection.apply(event, m));
    [skpWatch, evalWatch] = await Promise.all([watchTopic('appraisal.skp.v1'), watchTopic('appraisal.evaluation.v1')]);
  });

  afterAll(async () => {
    await Promise.all([skpWatch?.stop(), evalWatch?.stop()]);
    await app?.close();
  });

  it('announces planning once per employee and year, in the OPD\'s own window, to those without a submitted or set SKP', async () => {
    // DISKOMINFO plans until 10 February 2026 this year (the default would be 31 January).
    await ds.query(
      `INSERT INTO opd_cadence (opd_code, year, frequency, planning_deadline, report_days, feedback_days, rating_deadline, objection_days, updated_at, updated_by)
       VALUES ('DISKOMINFO', 2026, 'BULANAN', '2026-02-10', 5, 10, '2027-01-31', 14, now(), 'test')`,
    );
    ids.dimas = await draft('dimas'); // a draft still needs planning
    ids.putri = await draft('putri');
    await setStatus(ids.putri, 'DIAJUKAN'); // submitted: planned
    ids.rudi = await draft('rudi');
    await setStatus(ids.rudi, 'DIKEMBALIKAN'); // returned: still needs planning

    at7Wib('2026-01-25'); // the default window, not DISKOMINFO's
    expect(await tick()).toContainEqual(expect.objectContaining({ job: 'appraisal-announce-planning-due', outcome: 'succeeded' }));
    expect(await outboxNips('capaian.appraisal.skp.planning-due.v1')).toEqual([]);

    at7Wib('2026-02-03'); // 7 days before 10 February
    expect(await tick()).toContainEqual(expect.objectContaining({ job: 'appraisal-announce-planning-due', outcome: 'succeeded' }));
    const expected = [DEMO_NIP.ahmad, DEMO_NIP.siti, DEMO_NIP.dimas, DEMO_NIP.rudi].sort();
    expect(await outboxNips('capaian.appraisal.skp.planning-due.v1')).toEqual(expected);
    const published = await skpWatch.waitFor((m) => m.json<any>().type === 'capaian.appraisal.skp.planning-due.v1', { count: 4, timeoutMs: 30_000 });
    expect(published.find((m) => m.json<any>().data.nip === DEMO_NIP.dimas)!.json<any>().data).toEqual({
      employeeId: PEOPLE[2].id,
      nip: DEMO_NIP.dimas,
      opdCode: 'DISKOMINFO',
      year: 2026,
      planningDeadline: '2026-02-10',
      penilaiNip: DEMO_NIP.siti,
      atasanPenilaiNip: DEMO_NIP.ahmad,
    });

    // Run twice the same day, and the next days up to the deadline (another replica, a rerun): nobody twice.
    await tick();
    for (const day of ['2026-02-04', '2026-02-10']) {
      at7Wib(day);
      await tick();
    }
    expect(await outboxNips('capaian.appraisal.skp.planning-due.v1')).toEqual(expected);
  });

  it('announces a rating once per ratable, unrated SKP, from 14 days before the rating deadline, to its acting penilai', async () => {
    await setStatus(ids.dimas, 'DITETAPKAN', '2026-01-20');
    await setStatus(ids.putri, 'DITETAPKAN', '2026-01-20');
    await setStatus(ids.rudi, 'DITETAPKAN', '2026-01-20');
    ids.siti = await draft('siti');
    await ds.query(`UPDATE skp SET status = 'DITUTUP', end_date = '2026-06-30' WHERE id = $1`, [ids.siti]); // a draft closed on a transfer: never set
    // Putri's December waits for feedback; Rudi is rated already.
    await ds.query(
      `INSERT INTO periodic_report (id, skp_id, period_no, start_date, end_date, report_due, feedback_due, status, updated_at)
       VALUES (gen_random_uuid(), $1, 12, '2026-12-01', '2026-12-31', '2027-01-05', '2027-01-10', 'DILAPORKAN', now())`,
      [ids.putri],
    );
    await ds.query(
      `INSERT INTO evaluation (id, skp_id, employee_id, nip, opd_code, year, status, rating_hasil_kerja, perilaku, rating_perilaku, predikat, objection_deadline, rated_by, rated_at, updated_at)
       VALUES (gen_random_uuid(), $1, $2, $3, 'DISKOMINFO', 2026, 'DINILAI', 'SESUAI', '{}', 'SESUAI', 'BAIK', '2027-01-30', $4, now(), now())`,
      [ids.rudi, PEOPLE[4].id, DEMO_NIP.rudi, DEMO_NIP.ahmad],
    );
    const ratingDue = () => outboxNips('capaian.appraisal.evaluation.rating-due.v1');

    at7Wib('2027-01-16'); // one day before the window
    expect(await tick()).toContainEqual(expect.objectContaining({ job: 'appraisal-announce-ratings-due', outcome: 'succeeded' }));
    expect(await ratingDue()).toEqual([]);

    at7Wib('2027-01-17');
    await tick();
    expect(await ratingDue()).toEqual([DEMO_NIP.dimas]);
    const [dimas] = await evalWatch.waitFor((m) => m.json<any>().type === 'capaian.appraisal.evaluation.rating-due.v1', { timeoutMs: 30_000 });
    expect(dimas.json<any>().subject).toBe(ids.dimas);
    expect(dimas.json<any>().data).toEqual({
      skpId: ids.dimas,
      employeeId: PEOPLE[2].id,
      nip: DEMO_NIP.dimas,
      opdCode: 'DISKOMINFO',
      year: 2026,
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      penilaiNip: DEMO_NIP.siti,
      atasanPenilaiNip: DEMO_NIP.ahmad,
      ratingDeadline: '2027-01-31',
    });

    // Siti answers Putri's December: Putri's SKP is announced the next morning; Dimas's never again.
    await ds.query(`UPDATE periodic_report SET status = 'DITANGGAPI' WHERE skp_id = $1`, [ids.putri]);
    await tick(); // the same slot again: nothing new until the next day
    expect(await ratingDue()).toEqual([DEMO_NIP.dimas]);
    at7Wib('2027-01-18');
    await tick();
    expect(await ratingDue()).toEqual([DEMO_NIP.dimas, DEMO_NIP.putri].sort());

    // After the deadline nothing is announced, even what would have been.
    await ds.query(`UPDATE skp SET rating_due_noticed_at = NULL WHERE id = $1`, [ids.putri]);
    at7Wib('2027-02-01');
    await tick();
    expect(await ratingDue()).toEqual([DEMO_NIP.dimas, DEMO_NIP.putri].sort());
  });
});
