import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { loadServiceConfig, loadSmtpConfig } from '@capaian/shared/config';
import { configureHttpApp, createHttpAdapter } from '@capaian/shared/http';
import { runMigrations } from '@capaian/shared/persistence';
import { ensureDatabase, getRoutes, listPlanProblems, unlistedRoutes, type HttpRoute } from '@capaian/shared/testing';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { Clock, MovableClock } from '../src/clock/clock';
import { notificationDataSourceOptions } from '../src/data-source';
import { InboxQueries } from '../src/inbox/inbox.queries';
import { InboxStreamHub } from '../src/inbox/infrastructure/inbox-stream.hub';
import { InboxRepository } from '../src/inbox/infrastructure/inbox.repository';
import { loadNotificationSettings } from '../src/notification.config';
import { PreferencesQueries } from '../src/preferences/preferences.queries';
import { StatisticsQueries } from '../src/statistics/statistics.queries';

/**
 * Issue 12 ("reads that scale") for notification: the inbox, its unread count, the live stream's
 * reads, the preferences and the statistics answer from an index. The test runs in its own database
 * (capaian_notification_plans, kept between runs), fills it once with a city's year: 372,000 inbox
 * items across 12,000 people (30 each, and 12,000 for one BKPSDM admin who is told of every move),
 * 240,000 queued e-mails, 3,650 dispatch issues, 24,000 preferences and the OPDs of the personnel
 * projection. It records the SQL each read sends and fails when PostgreSQL's plan reads a large
 * table sequentially or sorts a large input, or scans any table once per row of the outer query (the
 * statistics once looked each row's OPD name up that way, reading every unit of the city per row).
 * Every GET route must be listed below, with plan cases or with the reason it is not such a read, so
 * a new list endpoint without cases fails.
 */
const DATABASE = 'capaian_notification_plans';
const PEOPLE = 12_000;
const PER_PERSON = 30;
const HEAVY_ITEMS = 12_000;
const LARGE_ROWS = 2_000;
const BASE_NIP = 100000000000000000n;
const nipOf = (i: number) => (BASE_NIP + BigInt(i)).toString();
/** The city's year of notices: 2026, seen from 1 December. */
const NOW = '2026-12-01T03:00:00Z';

const someone = nipOf(4_242);
/** The BKPSDM admin told of every transfer between OPDs: 12,000 items, a third unread. */
const heavy = nipOf(7);

interface Context {
  hub: InboxStreamHub;
}
type Case = { name: string; run: (app: NestFastifyApplication, ctx: Context) => Promise<unknown> };

const inbox = (a: NestFastifyApplication, nip: string, q: { page?: number; size?: number; belumDibaca?: boolean }) =>
  a.get(InboxQueries).page(nip, { page: q.page ?? 1, size: q.size ?? 20, belumDibaca: q.belumDibaca ?? false });

const LIST_CASES: Record<string, Case[]> = {
  inbox: [
    { name: 'an employee: first page with the unread count', run: (a) => inbox(a, someone, {}) },
    { name: 'an employee: unread only (belumDibaca=true)', run: (a) => inbox(a, someone, { belumDibaca: true }) },
    { name: 'a BKPSDM admin with 12,000 items: first page', run: (a) => inbox(a, heavy, { size: 100 }) },
    { name: 'a BKPSDM admin: page 50', run: (a) => inbox(a, heavy, { page: 50 }) },
    { name: 'a BKPSDM admin: unread only', run: (a) => inbox(a, heavy, { belumDibaca: true }) },
    { name: 'a BKPSDM admin: unread only, page 100', run: (a) => inbox(a, heavy, { belumDibaca: true, page: 100 }) },
  ],
  stream: [
    {
      name: "opening a stream: the caller's unread count",
      run: async (_a, c) => {
        const close = await c.hub.open(heavy, { write: () => undefined, end: () => undefined }, new Date(NOW));
        close();
      },
    },
    {
      name: 'after a notify: the items the stream has not shown yet',
      run: (a) => a.get(InboxRepository).createdAfter(a.get(DataSource).manager, heavy, new Date('2026-11-30T00:00:00Z')),
    },
  ],
  preferensi: [
    { name: "an employee's choices", run: (a) => a.get(PreferencesQueries).ofPerson(someone) },
    { name: "a BKPSDM admin's choices", run: (a) => a.get(PreferencesQueries).ofPerson(heavy) },
  ],
  statistik: [
    { name: 'the last 30 days (default)', run: (a) => a.get(StatisticsQueries).summary({}) },
    { name: 'one week', run: (a) => a.get(StatisticsQueries).summary({ dari: '2026-11-01T00:00:00Z', sampai: '2026-11-08T00:00:00Z' }) },
    { name: 'one month', run: (a) => a.get(StatisticsQueries).summary({ dari: '2026-06-01T00:00:00Z', sampai: '2026-07-01T00:00:00Z' }) },
  ],
};

/** GET routes that are not reads of a table growing with the workforce, and why. */
const NOT_LISTS: Record<string, string> = {
  'berhenti-langganan': 'an unsubscribe link: one signed token, one preference written',
  'health/live': 'platform: liveness',
  'health/ready': 'platform: readiness',
  metrics: 'platform: Prometheus metrics of this process',
  whoami: "the caller's token",
};


/** The city's year, one transaction: a load that fails leaves nothing half-written for the next run. */
async function load(dataSource: DataSource): Promise<void> {
  await dataSource.transaction(async (m) => {
    await m.query(`INSERT INTO personnel_unit (id, code, name, kind, opd_code, level, status, effective_date, version, event_id)
      SELECT md5('opd' || o)::uuid, 'OPD' || o, 'Dinas ' || o, 'OPD', 'OPD' || o, 1, 'AKTIF', '2020-01-01', now(), 'plans' FROM generate_series(0, 39) o`);
    const kategori = `(ARRAY['kepegawaian', 'skp', 'kompetensi', 'pengingat', 'tim', 'administrasi-opd'])[1 + k % 6]`;
    // Person i's OPD is i % 40; k numbers the items, created through 2026 (newest first by k).
    await m.query(
      `INSERT INTO notification (recipient_nip, kategori, judul, isi, tautan, source_event_id, opd_id, mandatory, created_at, read_at)
         SELECT (${BASE_NIP} + k % ${PEOPLE})::text, ${kategori}, 'Pemberitahuan ' || k, 'Isi pemberitahuan', '/skp', 'ev-' || k,
                md5('opd' || (k % ${PEOPLE}) % 40)::uuid::text, k % 6 < 4, '2026-12-01'::timestamptz - (k * interval '1 day' * 335 / ${PEOPLE * PER_PERSON}),
                CASE WHEN k % 5 <> 0 THEN '2026-12-01'::timestamptz - (k * interval '1 day' * 335 / ${PEOPLE * PER_PERSON}) + interval '2 hours' END
           FROM generate_series(1, ${PEOPLE * PER_PERSON}) k`,
    );
    await m.query(
      `INSERT INTO notification (recipient_nip, kategori, judul, isi, tautan, source_event_id, opd_id, mandatory, created_at, read_at)
         SELECT $1, 'administrasi-bkpsdm', 'Mutasi ' || k, 'Pegawai pindah OPD', '/pegawai', 'mutasi-' || k, NULL, false,
                '2026-12-01'::timestamptz - k * interval '40 minutes', CASE WHEN k % 3 <> 0 THEN '2026-12-01'::timestamptz - k * interval '40 minutes' + interval '1 day' END
           FROM generate_series(1, ${HEAVY_ITEMS}) k`,
      [heavy],
    );
    // Two e-mails in three notices: most sent, some failed, waiting or folded into a daily digest.
    await m.query(
      `INSERT INTO delivery (event_id, event_type, kategori, channel, recipient_key, recipient_nip, opd_id, address, subject, body_text, body_html, mandatory,
                             status, attempts, next_attempt_at, created_at, sent_at)
         SELECT 'ev-' || k, 'capaian.event', ${kategori}, 'email', 'nip:' || (${BASE_NIP} + k % ${PEOPLE}), (${BASE_NIP} + k % ${PEOPLE})::text,
                md5('opd' || (k % ${PEOPLE}) % 40)::uuid::text, 'pegawai' || k % ${PEOPLE} || '@example.test', 'Pemberitahuan', 'Isi', '<p>Isi</p>', k % 6 < 4,
                CASE WHEN k % 50 = 0 THEN 'failed' WHEN k % 97 = 0 THEN 'pending' WHEN k % 7 = 0 THEN 'digested' ELSE 'sent' END, 1,
                '2026-12-01'::timestamptz - (k * interval '1 day' * 335 / ${PEOPLE * PER_PERSON}),
                '2026-12-01'::timestamptz - (k * interval '1 day' * 335 / ${PEOPLE * PER_PERSON}),
                CASE WHEN k % 50 <> 0 AND k % 97 <> 0 THEN '2026-12-01'::timestamptz - (k * interval '1 day' * 335 / ${PEOPLE * PER_PERSON}) END
           FROM generate_series(1, ${PEOPLE * PER_PERSON}) k WHERE k % 3 <> 0`,
    );
    await m.query(
      `INSERT INTO dispatch_issue (event_id, event_type, recipient_role, recipient_nip, code, detail, created_at)
         SELECT 'ev-' || k, 'capaian.event', 'atasan', NULL, (ARRAY['PENERIMA_TIDAK_DIKENAL', 'EMAIL_KOSONG'])[1 + k % 2], 'Tidak ada penerima',
                '2026-12-01'::timestamptz - k * interval '12 hours' / 5
           FROM generate_series(1, 3650) k`,
    );
    await m.query(
      `INSERT INTO preference (nip, kategori, email)
         SELECT (${BASE_NIP} + i)::text, c, i % 4 <> 0 FROM generate_series(0, ${PEOPLE - 1}) i CROSS JOIN unnest(ARRAY['tim', 'administrasi-opd']) c`,
    );
  });
}

describe('notification reads are answered from indexes (372,000 inbox items, 240,000 e-mails, 12,000 people)', () => {
  let app: NestFastifyApplication;
  let dataSource: DataSource;
  let routes: HttpRoute[];
  const ctx = {} as Context;

  beforeAll(async () => {
    await ensureDatabase(DATABASE, 'capaian_notification');
    const env = { ...process.env, DB_NAME: DATABASE, DB_USER: process.env.PGUSER ?? 'postgres', DB_PASSWORD: process.env.PGPASSWORD ?? 'postgres', LOG_LEVEL: 'warn' };
    const config = loadServiceConfig('notification', env);
    await runMigrations(notificationDataSourceOptions(config));
    const clock = new MovableClock().set(NOW);
    // No consumer, worker or scheduler: only the queries run, on this database's rows.
    const moduleRef = await Test.createTestingModule({
      imports: [AppModule.forRoot(config, { smtp: loadSmtpConfig({}), settings: loadNotificationSettings(env), clock, projectionConsumer: false, scheduler: false, deliveryWorker: false })],
    })
      .overrideProvider(Clock)
      .useValue(clock)
      .compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(createHttpAdapter(), { logger: ['error', 'warn'] });
    configureHttpApp(app, 'notification', { title: 'notification (plans)' });
    await app.init();
    dataSource = app.get(DataSource);
    // Loaded once: later runs find the rows and only bring the statistics up to date.
    const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM preference`);
    if (n === 0) await load(dataSource);
    await dataSource.query('VACUUM ANALYZE');
    ctx.hub = app.get(InboxStreamHub);
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
        it(`${c.name}: no sequential scan, sort or unbounded index walk of a large table, no scan per row`, async () => {
          expect(await listPlanProblems(dataSource, () => c.run(app, ctx), LARGE_ROWS, { unboundedIndexWalks: true, perRowScans: true })).toEqual([]);
        });
      }
    });
  }
});
