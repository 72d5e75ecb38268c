import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { BERAKHLAK_CODES } from '@capaian/kinerja';
import { loadServiceConfig } from '@capaian/shared/config';
import { createHttpAdapter, configureHttpApp } from '@capaian/shared/http';
import { watchTopic, type TopicWatcher } from '@capaian/shared/messaging';
import { runMigrations } from '@capaian/shared/persistence';
import { Clock, Scheduler, TestClock } from '@capaian/shared/scheduling';
import { DEMO_NIP, startGatewayHarness, type GatewayHarness } from '@capaian/shared/testing';
import { OBJECT_STORE, type ObjectStore } from '@capaian/shared/storage';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { appraisalDataSourceOptions } from '../src/data-source';
import { PersonnelProjection } from '@capaian/shared/projection';
import { AppraisersChangedV1, EmployeeTransferredV1 } from '@capaian/contracts';
import { FollowPersonnelChanges } from '../src/skp/use-cases/follow-personnel-changes';
import { employeeData, PEOPLE, personnelEvent, seedPersonnel, UNIT } from './personnel-stand-in';

/**
 * A penilai (Siti) and two subordinates (Dimas, Putri) through a whole year, through the real
 * gateway with real Keycloak tokens, on a scratch database, the real Kafka and the real S3Proxy:
 * cascading SKPs, monthly reports with evidence, feedback, locking, year-end ratings, one
 * objection decided by the atasan penilai (Ahmad), and the events read back from Kafka.
 */
const DB = 'capaian_appraisal_skp_year_test';
jest.setTimeout(240_000);

describe('the SKP year through the gateway (real PostgreSQL, Kafka, Keycloak, S3Proxy)', () => {
  let app: NestFastifyApplication;
  let harness: GatewayHarness;
  let ds: DataSource;
  const clock = new TestClock('2026-01-05T02:00:00Z');
  let skpWatch: TopicWatcher;
  let evalWatch: TopicWatcher;

  const call: GatewayHarness['call'] = (...args) => harness.call(...args);
  const at = (iso: string) => clock.set(`${iso}T03:00:00Z`); // 10:00 WIB
  const perilaku = (r: string) => Object.fromEntries(BERAKHLAK_CODES.map((c) => [c, r]));
  const expectations = Object.fromEntries(BERAKHLAK_CODES.map((c) => [c, `Ekspektasi ${c}`]));
  const pdf = (n = 2048) => Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(n)]);
  const tick = () => app.get(Scheduler).tick();

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
    await app.listen(0, '127.0.0.1');
    ds = app.get(DataSource);
    const projection = app.get(PersonnelProjection);
    await seedPersonnel(ds, (event, m) => projection.apply(event, m));
    harness = await startGatewayHarness({
      service: 'appraisal',
      serviceUrl: await app.getUrl(),
      // eslint-disable-next-line @nx/enforce-module-boundaries
      gateway: { ...(await import('../../gateway/src/gateway.app')), ...(await import('../../gateway/src/gateway.config')) },
    });
    [skpWatch, evalWatch] = await Promise.all([watchTopic('appraisal.skp.v1'), watchTopic('appraisal.evaluation.v1')]);
  });

  afterAll(async () => {
    await Promise.all([skpWatch?.stop(), evalWatch?.stop()]);
    await harness?.close();
    await app?.close();
  });

  const ids: Record<string, string> = {};
  const rhk = (description: string, parentRhkId: string | null, indicator: Record<string, unknown>) => ({
    kind: 'UTAMA',
    description,
    parentRhkId,
    indicators: [{ description: `${description} (indikator)`, aspek: 'KUANTITAS', target: 120, unit: 'kegiatan', direction: 'NAIK', evidenceRequired: true, ...indicator }],
  });

  it('lets BKPSDM set the OPD calendar and refuses others and impossible dates', async () => {
    const body = { frequency: 'BULANAN', planningDeadline: '2026-01-31', reportDays: 5, feedbackDays: 10, ratingDeadline: '2027-01-31', objectionDays: 14 };
    const set = await call('PUT', '/cadences/2026/DISKOMINFO', 'hendra', body);
    expect(set.status).toBe(200);
    expect(set.body.periods).toHaveLength(12);
    expect(set.body.periods[0]).toMatchObject({ number: 1, name: 'Januari 2026', reportDue: '2026-02-05', feedbackDue: '2026-02-10' });
    expect((await call('PUT', '/cadences/2026/DISKOMINFO', 'rudi', body)).status).toBe(403);
    const bad = await call('PUT', '/cadences/2026/DISKOMINFO', 'hendra', { ...body, planningDeadline: '2025-12-31', ratingDeadline: '2026-06-30' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: any) => e.code).sort()).toEqual(['BATAS_PENILAIAN_TIDAK_VALID', 'TANGGAL_JADWAL_DI_LUAR_TAHUN']);
    expect((await call('PUT', '/cadences/2026/TIDAK-ADA', 'hendra', body)).body.code).toBe('OPD_TIDAK_DIKENAL');
    const quarterly = await call('GET', '/cadences/2026/BAPPEDA', 'dimas');
    expect(quarterly.body).toMatchObject({ frequency: 'BULANAN' }); // an OPD without a calendar follows the default
  });

  it('plans the cascade: the OPD head, the penilai, then her two subordinates (draft before link, return, set)', async () => {
    const ahmad = await call('POST', '/skps', 'ahmad', { year: 2026, pendekatan: 'KUANTITATIF', rhk: [rhk('Meningkatnya layanan informasi publik', null, { description: 'Indeks kepuasan masyarakat', aspek: 'KUALITAS', target: 85, unit: 'indeks' })] });
    expect(ahmad.status).toBe(201);
    expect(ahmad.body.snapshot).toMatchObject({ nip: DEMO_NIP.ahmad, topOfOpd: true });
    expect((await call('POST', `/skps/${ahmad.body.id}/submit`, 'ahmad')).status).toBe(200);
    const setAhmad = await call('POST', `/skps/${ahmad.body.id}/set`, 'hendra', { expectations });
    expect(setAhmad.body.status).toBe('DITETAPKAN');
    const ahmadRhk = setAhmad.body.rhk[0].id;

    const siti = await call('POST', '/skps', 'siti', { year: 2026, pendekatan: 'KUANTITATIF', rhk: [rhk('Pengaduan masyarakat tertangani tuntas', ahmadRhk, { description: 'Pengaduan tertangani' })] });
    expect(siti.status).toBe(201);
    expect(siti.body.snapshot.pejabatPenilai.nip).toBe(DEMO_NIP.ahmad);
    ids.siti = siti.body.id;

    // Dimas drafts before Siti's SKP is set: drafting works, submitting with a link does not yet.
    const dimasDraft = await call('POST', '/skps', 'dimas', { year: 2026, pendekatan: 'KUANTITATIF', rhk: [rhk('Aplikasi pengaduan tersedia', null, { target: 12, unit: 'laporan' })] });
    expect(dimasDraft.status).toBe(201);
    ids.dimas = dimasDraft.body.id;
    const unlinked = await call('POST', `/skps/${ids.dimas}/submit`, 'dimas');
    expect(unlinked.status).toBe(422);
    expect(unlinked.headers.get('content-type')).toContain('application/problem+json');
    expect(unlinked.body.code).toBe('INTERVENSI_WAJIB');

    // Ahmad acting as Siti's penilai before she submitted: not allowed from DRAFT.
    expect((await call('POST', `/skps/${ids.siti}/set`, 'ahmad', { expectations })).body.code).toBe('TRANSISI_SKP_TIDAK_DIIZINKAN');
    await call('POST', `/skps/${ids.siti}/submit`, 'siti');
    // Dimas cannot set his penilai's SKP.
    expect((await call('POST', `/skps/${ids.siti}/set`, 'dimas', { expectations })).body.code).toBe('BUKAN_PEJABAT_PENILAI');
    const sitiSet = await call('POST', `/skps/${ids.siti}/set`, 'ahmad', { expectations });
    expect(sitiSet.body.status).toBe('DITETAPKAN');
    const sitiRhk = sitiSet.body.rhk[0].id;

    // Dimas links, submits; Siti returns with notes; Dimas corrects and resubmits; Siti sets.
    const content = { pendekatan: 'KUANTITATIF', rhk: [{ ...rhk('Aplikasi pengaduan tersedia', sitiRhk, { target: 12, unit: 'laporan' }), id: dimasDraft.body.rhk[0].id }] };
    expect((await call('PUT', `/skps/${ids.dimas}/content`, 'dimas', content)).status).toBe(200);
    expect((await call('POST', `/skps/${ids.dimas}/submit`, 'dimas')).body.status).toBe('DIAJUKAN');
    const returned = await call('POST', `/skps/${ids.dimas}/return`, 'siti', { reason: 'Perjelas satuan target' });
    expect(returned.body).toMatchObject({ status: 'DIKEMBALIKAN', returnNotes: 'Perjelas satuan target' });
    await call('PUT', `/skps/${ids.dimas}/content`, 'dimas', { ...content, rhk: [{ ...content.rhk[0], indicators: [{ ...content.rhk[0].indicators[0], unit: 'laporan bulanan' }] }] });
    await call('POST', `/skps/${ids.dimas}/submit`, 'dimas');
    expect((await call('POST', `/skps/${ids.dimas}/set`, 'siti', { expectations })).body.status).toBe('DITETAPKAN');

    const putri = await call('POST', '/skps', 'putri', { year: 2026, pendekatan: 'KUANTITATIF', rhk: [rhk('Pengaduan diverifikasi', sitiRhk, { target: 240, unit: 'pengaduan', evidenceRequired: false })] });
    ids.putri = putri.body.id;
    await call('POST', `/skps/${ids.putri}/submit`, 'putri');
    expect((await call('POST', `/skps/${ids.putri}/set`, 'siti', { expectations })).body.status).toBe('DITETAPKAN');

    // Personnel says Putri's penilai is now Rudi: her open SKP follows; then back to Siti.
    const follow = app.get(FollowPersonnelChanges);
    const [sitiP, putriP, rudiP, ahmadP] = [PEOPLE[1], PEOPLE[3], PEOPLE[4], PEOPLE[0]];
    const appraisers = (penilai: typeof sitiP, previous: typeof sitiP, time: string) =>
      personnelEvent(
        AppraisersChangedV1,
        putriP.id,
        {
          employeeId: putriP.id,
          nip: putriP.nip,
          pejabatPenilai: { employeeId: penilai.id, nip: penilai.nip, name: penilai.name },
          atasanPejabatPenilai: { employeeId: ahmadP.id, nip: ahmadP.nip, name: ahmadP.name },
          basis: 'PENUNJUKAN',
          previousPejabatPenilai: { employeeId: previous.id, nip: previous.nip, name: previous.name },
          previousAtasanPejabatPenilai: { employeeId: ahmadP.id, nip: ahmadP.nip, name: ahmadP.name },
          reason: 'Penunjukan sementara',
          effectiveDate: '2026-01-05',
        },
        new Date(time),
      );
    await ds.transaction((m) => follow.apply(appraisers(rudiP, sitiP, '2026-01-05T03:00:00Z'), m));
    expect((await call('GET', `/skps/${ids.putri}`, 'rudi')).body.penilaiNip).toBe(DEMO_NIP.rudi);
    const moved = await ds.query(`SELECT actor, details FROM audit_trail WHERE entity_id = $1 AND action = 'skp.penilai-changed'`, [ids.putri]);
    expect(moved).toEqual([{ actor: 'system', details: { previousPenilaiNip: DEMO_NIP.siti, penilaiNip: DEMO_NIP.rudi } }]);
    await ds.transaction((m) => follow.apply(appraisers(sitiP, rudiP, '2026-01-05T04:00:00Z'), m));
    expect((await call('GET', `/skps/${ids.putri}`, 'putri')).body.penilaiNip).toBe(DEMO_NIP.siti);

    // An overlapping second SKP is refused; the audit trail has every transition with who and why.
    expect((await call('POST', '/skps', 'putri', { year: 2026, pendekatan: 'KUANTITATIF', rhk: [] })).body.code).toBe('SKP_TUMPANG_TINDIH');
    const trail = await ds.query(`SELECT action, actor_nip, from_state, to_state, reason FROM audit_trail WHERE entity_id = $1 ORDER BY occurred_at, action`, [ids.dimas]);
    expect(trail.map((t: any) => t.action)).toEqual(expect.arrayContaining(['skp.created', 'skp.submitted', 'skp.returned', 'skp.set']));
    expect(trail.find((t: any) => t.action === 'skp.returned')).toMatchObject({ actor_nip: DEMO_NIP.siti, from_state: 'DIAJUKAN', to_state: 'DIKEMBALIKAN', reason: 'Perjelas satuan target' });

    // Access: Putri cannot read Dimas's SKP; the OPD admin and BKPSDM can.
    expect((await call('GET', `/skps/${ids.dimas}`, 'putri')).body.code).toBe('AKSES_SKP_DITOLAK');
    expect((await call('GET', `/skps/${ids.dimas}`, 'rudi')).status).toBe(200);
    expect((await call('GET', `/skps/${ids.dimas}`, 'hendra')).status).toBe(200);

    // Siti's SKP printed (v1), then revised after a dialogue: v1 is kept but no longer current, and
    // her subordinates are told that the RHK they support changed.
    const v1 = await call('GET', `/skps/${ids.siti}/document`, 'siti');
    expect(v1.status).toBe(200);
    expect(v1.headers.get('content-type')).toBe('application/pdf');
    expect(v1.headers.get('content-disposition')).toContain('attachment');
    expect(v1.body.subarray(0, 5).toString()).toBe('%PDF-');
    const code = v1.headers.get('x-verification-code')!;
    const check = await call('GET', `/documents/verify/${code.toLowerCase()}`, null);
    expect(check.status).toBe(200);
    expect(check.body).toEqual({ document: 'SKP', employee: { name: 'Siti Rahmawati', nip: `**************${DEMO_NIP.siti.slice(-4)}` }, version: 1, issuedAt: expect.any(String), current: true });
    expect((await call('GET', '/documents/verify/ZZZZ-ZZZZ-ZZZZ-ZZZZ', null)).body.code).toBe('DOKUMEN_TIDAK_DITEMUKAN');
    const v2 = await call('POST', `/skps/${ids.siti}/revise`, 'siti', { reason: 'Dialog kinerja triwulan: target dipertajam' });
    expect(v2.body).toMatchObject({ version: 2, status: 'DRAFT', lineageId: ids.siti });
    await call('PUT', `/skps/${v2.body.id}/content`, 'siti', { pendekatan: 'KUANTITATIF', rhk: [{ ...v2.body.rhk[0], description: 'Pengaduan masyarakat tertangani tuntas dalam 5 hari kerja' }] });
    await call('POST', `/skps/${v2.body.id}/submit`, 'siti');
    expect((await call('POST', `/skps/${v2.body.id}/set`, 'ahmad', {})).body.status).toBe('DITETAPKAN');
    expect((await call('GET', `/documents/verify/${code}`, null)).body.current).toBe(false);
    expect((await call('GET', `/skps/${ids.siti}`, 'siti')).body.status).toBe('DIGANTI');
    const told = await skpWatch.waitFor((m) => m.json<any>().type === 'capaian.appraisal.skp.linked-rhk-changed.v1', { count: 2, timeoutMs: 30_000 });
    expect(told.map((m) => m.json<any>().data.nip).sort()).toEqual([DEMO_NIP.dimas, DEMO_NIP.putri].sort());
    expect(told[0].json<any>().data).toMatchObject({ penilaiSkpId: v2.body.id, changedRhkIds: [v2.body.rhk[0].id] });
  });

  it('reports every month with evidence in S3, gets feedback, and locks the periods', async () => {
    const dimasIndicator = (await call('GET', `/skps/${ids.dimas}`, 'dimas')).body.rhk[0].indicators[0].id;
    const putriIndicator = (await call('GET', `/skps/${ids.putri}`, 'putri')).body.rhk[0].indicators[0].id;
    const periods = await call('GET', `/skps/${ids.dimas}/periods`, 'dimas');
    expect(periods.body).toHaveLength(12);

    for (let month = 1; month <= 12; month++) {
      const end = periods.body[month - 1].end;
      at(end);
      if (month === 1) {
        // Bad input first: a realization without its required evidence, a PDF that is not one.
        const noEvidence = await call('PUT', `/skps/${ids.dimas}/periods/1/realization`, 'dimas', { realizations: [{ indicatorId: dimasIndicator, value: 1 }] });
        expect(noEvidence.status).toBe(422);
        expect(noEvidence.body.code).toBe('BUKTI_DUKUNG_WAJIB');
        const before = await ds.query(`SELECT count(*)::int AS n FROM evidence`);
        const fake = await call('POST', `/skps/${ids.dimas}/periods/1/evidence?indicatorId=${dimasIndicator}&fileName=palsu.pdf`, 'dimas', Buffer.from('<html>bukan pdf</html>'), { 'content-type': 'application/pdf' });
        expect(fake.status).toBe(400);
        expect(fake.body.code).toBe('ISI_BERKAS_TIDAK_SESUAI');
        expect(await ds.query(`SELECT count(*)::int AS n FROM evidence`)).toEqual(before);
        const refusedType = await call('POST', `/skps/${ids.dimas}/periods/1/evidence?indicatorId=${dimasIndicator}&fileName=x.exe`, 'dimas', Buffer.from('MZ'), { 'content-type': 'application/x-msdownload' });
        expect([400, 415]).toContain(refusedType.status);
        const tooLarge = await call('POST', `/skps/${ids.dimas}/periods/1/evidence?indicatorId=${dimasIndicator}&fileName=besar.pdf`, 'dimas', pdf(10 * 1024 * 1024), { 'content-type': 'application/pdf' });
        expect(tooLarge.status).toBe(413);
        expect(tooLarge.body.code).toBe('BERKAS_TERLALU_BESAR');
        expect(await ds.query(`SELECT count(*)::int AS n FROM evidence`)).toEqual(before);
        expect(await app.get<ObjectStore>(OBJECT_STORE).list(`skp/${ids.dimas}/`)).toEqual([]); // and no object in S3
      }
      if (month === 2) {
        // The OPD's completion at the end of February: Rudi never planned; Ahmad and Siti did not report January.
        const dash = await call('GET', '/dashboard/2026/DISKOMINFO', 'rudi');
        expect(dash.status).toBe(200);
        expect(dash.body.totals).toEqual({ employees: 5, notPlanned: 1, notReported: 2, notRated: 0 });
        expect(dash.body.planning).toEqual({ deadline: '2026-01-31', passed: true });
        expect(dash.body.notPlanned.map((p: any) => p.nip)).toEqual([DEMO_NIP.rudi]);
        expect(dash.body.notReported.map((p: any) => [p.nip, p.missingPeriods])).toEqual(expect.arrayContaining([[DEMO_NIP.ahmad, [1]], [DEMO_NIP.siti, [1]]]));
        expect(dash.body.units.find((u: any) => u.code === 'DISKOMINFO-APTIKA')).toMatchObject({ employees: 3, notPlanned: 0, notReported: 1 });
        expect((await call('GET', '/dashboard/2026/DISKOMINFO', 'putri')).status).toBe(403);
        expect((await call('GET', '/dashboard/2026/BAPPEDA', 'rudi')).body.code).toBe('AKSES_DASBOR_DITOLAK');
        // Ahmad reports January after its deadline (5 February): refused, nothing written.
        const ahmadSkp = (await call('GET', '/skps/mine?year=2026', 'ahmad')).body.own[0];
        const ahmadIndicator = (await call('GET', `/skps/${ahmadSkp.id}`, 'ahmad')).body.rhk[0].indicators[0].id;
        const late = await call('PUT', `/skps/${ahmadSkp.id}/periods/1/realization`, 'ahmad', { realizations: [{ indicatorId: ahmadIndicator, value: 80 }] });
        expect(late.status).toBe(422);
        expect(late.body.code).toBe('BATAS_WAKTU_LAPORAN_TERLEWATI');
        // A quantitative plan without a target is refused at submission (Rudi's draft).
        const rudiDraft = await call('POST', '/skps', 'rudi', { year: 2026, startDate: '2026-12-01', pendekatan: 'KUANTITATIF', rhk: [{ kind: 'UTAMA', description: 'Data kepegawaian mutakhir', parentRhkId: null, indicators: [{ description: 'Data dimutakhirkan', aspek: 'KUANTITAS', direction: 'NAIK' }] }] });
        const noTarget = await call('POST', `/skps/${rudiDraft.body.id}/submit`, 'rudi');
        expect(noTarget.status).toBe(422);
        expect(noTarget.body.errors.map((e: any) => e.code).sort()).toEqual(['INTERVENSI_WAJIB', 'SATUAN_WAJIB', 'TARGET_WAJIB']);
      }
      if (month === 1) {
        // 07.00 WIB on 2 February, three days before January's deadline: the daily job announces January's
        // report to everyone with a set SKP who has not reported it (Ahmad, Siti, Dimas, Putri), once.
        clock.set('2026-02-02T00:00:30Z');
        expect(await tick()).toContainEqual(expect.objectContaining({ job: 'appraisal-announce-reports-due', outcome: 'succeeded' }));
        const isDue = (m: { json<T>(): T }) => m.json<any>().type === 'capaian.appraisal.evaluation.report-due.v1' && [ids.dimas, ids.putri].includes(m.json<any>().data.skpId);
        const announced = await evalWatch.waitFor(isDue, { count: 2, timeoutMs: 30_000 });
        expect(announced.find((m) => m.json<any>().data.skpId === ids.dimas)!.json<any>().data).toEqual({
          skpId: ids.dimas,
          employeeId: PEOPLE[2].id,
          nip: DEMO_NIP.dimas,
          opdCode: 'DISKOMINFO',
          year: 2026,
          period: 1,
          periodName: 'Januari 2026',
          periodStart: '2026-01-01',
          periodEnd: '2026-01-31',
          reportDue: '2026-02-05',
          penilaiNip: DEMO_NIP.siti,
        });
        const dueEvents = () => ds.query(`SELECT envelope->'data'->>'nip' AS nip FROM outbox WHERE type = 'capaian.appraisal.evaluation.report-due.v1' ORDER BY 1`);
        expect((await dueEvents()).map((r: any) => r.nip)).toEqual([DEMO_NIP.ahmad, DEMO_NIP.siti, DEMO_NIP.dimas, DEMO_NIP.putri].sort());
        // The next day's run (another replica, a rerun) announces nothing again; the open report rows do not count as reported.
        clock.set('2026-02-03T00:00:30Z');
        await tick();
        expect(await dueEvents()).toHaveLength(4);
      }
      const file = pdf();
      const up = await call('POST', `/skps/${ids.dimas}/periods/${month}/evidence?indicatorId=${dimasIndicator}&fileName=laporan-${month}.pdf`, 'dimas', file, { 'content-type': 'application/pdf' });
      expect(up.status).toBe(201);
      expect(up.body).toMatchObject({ period: month, size: file.length, contentType: 'application/pdf' });
      if (month === 1) {
        const down = await call('GET', `/evidence/${up.body.id}`, 'siti');
        expect(down.status).toBe(200);
        expect(down.headers.get('content-disposition')).toContain('attachment');
        expect(Buffer.compare(down.body, file)).toBe(0);
        expect((await call('GET', `/evidence/${up.body.id}`, 'putri')).status).toBe(403);
      }
      const value = month === 12 ? 2 : 1; // 13 reports against a target of 12
      expect((await call('PUT', `/skps/${ids.dimas}/periods/${month}/realization`, 'dimas', { realizations: [{ indicatorId: dimasIndicator, value }] })).body.status).toBe('DILAPORKAN');
      expect((await call('PUT', `/skps/${ids.putri}/periods/${month}/realization`, 'putri', { realizations: [{ indicatorId: putriIndicator, value: 20 }] })).body.status).toBe('DILAPORKAN');
      if (month === 1) expect((await call('POST', `/skps/${ids.dimas}/periods/1/feedback`, 'putri', { feedback: 'Bagus' })).body.code).toBe('BUKAN_PEJABAT_PENILAI');
      for (const s of [ids.dimas, ids.putri]) expect((await call('POST', `/skps/${s}/periods/${month}/feedback`, 'siti', { feedback: `Umpan balik bulan ${month}` })).body.status).toBe('DITANGGAPI');
    }
    // A report after its deadline is refused; after the feedback deadlines the job locks every period.
    at('2027-01-06');
    expect((await call('PUT', `/skps/${ids.putri}/periods/12/realization`, 'putri', { realizations: [{ indicatorId: putriIndicator, value: 20 }] })).body.code).toBe('TRANSISI_LAPORAN_TIDAK_DIIZINKAN');
    at('2027-01-11');
    await tick();
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM periodic_report WHERE status = 'TERKUNCI'`);
    expect(n).toBe(24);
  });

  it('rates the year, handles one objection, finalizes, and publishes the events', async () => {
    at('2027-01-12');
    const achievement = await call('GET', `/skps/${ids.dimas}/achievement`, 'siti');
    expect(achievement.body.indicators[0]).toMatchObject({ realization: 13, target: 12 });
    expect(achievement.body.suggestedRatingHasilKerja).toBe('SESUAI');
    expect((await call('POST', `/skps/${ids.dimas}/evaluation`, 'siti', { ratingHasilKerja: 'DI_ATAS', perilaku: perilaku('DI_ATAS') })).body.code).toBe('ALASAN_PENYIMPANGAN_WAJIB');
    const dimas = await call('POST', `/skps/${ids.dimas}/evaluation`, 'siti', { ratingHasilKerja: 'DI_ATAS', reason: 'Aplikasi dipakai seluruh kecamatan', perilaku: perilaku('DI_ATAS') });
    expect(dimas.body).toMatchObject({ status: 'DINILAI', predikat: 'SANGAT_BAIK', suggestedHasilKerja: 'SESUAI' });
    const putri = await call('POST', `/skps/${ids.putri}/evaluation`, 'siti', { ratingHasilKerja: 'SESUAI', perilaku: perilaku('DI_BAWAH') });
    expect(putri.body).toMatchObject({ predikat: 'KURANG', ratingPerilaku: 'DI_BAWAH' });

    // Putri objects within the window; Siti may not decide it, Ahmad (atasan penilai) accepts it.
    expect((await call('POST', `/evaluations/${putri.body.id}/objection`, 'dimas', { reason: 'x' })).body.code).toBe('HANYA_PEGAWAI_YANG_DINILAI');
    const objection = await call('POST', `/evaluations/${putri.body.id}/objection`, 'putri', { reason: 'Perilaku dinilai tanpa catatan dialog' });
    expect(objection.status).toBe(201);
    expect((await call('POST', `/objections/${objection.body.id}/decision`, 'siti', { accepted: false, decision: 'x' })).body.code).toBe('BUKAN_ATASAN_PEJABAT_PENILAI');
    const decided = await call('POST', `/objections/${objection.body.id}/decision`, 'ahmad', { accepted: true, decision: 'Catatan dialog menunjukkan perilaku sesuai', ratingHasilKerja: 'SESUAI', ratingPerilaku: 'SESUAI' });
    expect(decided.body.status).toBe('DITERIMA');
    expect((await call('GET', `/evaluations/${putri.body.id}`, 'putri')).body).toMatchObject({ status: 'FINAL', predikat: 'BAIK' });

    // Dimas's window lapses: the job finalizes his rating.
    at('2027-01-27');
    await tick();
    expect((await call('GET', `/evaluations/${dimas.body.id}`, 'dimas')).body.status).toBe('FINAL');

    // Year end: Siti has rated everyone she appraises; Ahmad still holds Siti's rating up.
    const end = await call('GET', '/dashboard/2026/DISKOMINFO', 'hendra');
    expect(end.body.notRated.map((p: any) => p.nip).sort()).toEqual([DEMO_NIP.ahmad, DEMO_NIP.siti].sort());
    expect(end.body.penilai).toEqual([{ nip: DEMO_NIP.ahmad, name: 'Ahmad Fauzi', skpToSet: 0, reportsToAnswer: 0, toRate: 1, peopleWaiting: 1 }]);

    // The year-end document, its code checked without a token through the gateway.
    const doc = await call('GET', `/evaluations/${dimas.body.id}/document`, 'dimas');
    expect(doc.status).toBe(200);
    expect(doc.body.subarray(0, 5).toString()).toBe('%PDF-');
    const again = await call('GET', `/evaluations/${dimas.body.id}/document`, 'siti');
    expect(again.headers.get('x-verification-code')).toBe(doc.headers.get('x-verification-code'));
    expect((await call('GET', `/documents/verify/${doc.headers.get('x-verification-code')}`, null)).body).toMatchObject({ document: 'EVALUASI_KINERJA', version: 1, current: true });
    expect((await call('GET', `/evaluations/${dimas.body.id}/document`, 'putri')).status).toBe(403);

    // A transfer mid-2027 closes Rudi's 2027 SKP the day before and opens a new draft for his new position.
    const rudiSkp = await call('POST', '/skps', 'rudi', { year: 2027, pendekatan: 'KUANTITATIF', rhk: [] });
    expect(rudiSkp.status).toBe(201);
    const rudiP = PEOPLE[4];
    const movedRudi = { ...employeeData(rudiP), position: { positionId: '00000000-0000-4000-8000-0000000000b9', code: 'DISKOMINFO-APTIKA-JF9', name: 'Pranata Komputer Ahli Muda', jenisJabatan: 'FUNGSIONAL_KEAHLIAN', jenjang: null, kelasJabatan: null, unitHead: false }, unit: { unitId: UNIT.bidang, code: 'DISKOMINFO-APTIKA', name: 'Bidang Aplikasi Informatika' }, effectiveDate: '2027-04-01' };
    const { pejabatPenilai: _p, atasanPejabatPenilai: _a, basis: _b, supervisorOverride: _s, roles: _r, ...core } = movedRudi;
    const transfer = personnelEvent(EmployeeTransferredV1, rudiP.id, { ...core, from: { position: employeeData(rudiP).position, unit: employeeData(rudiP).unit, opd: employeeData(rudiP).opd }, betweenOpd: false, nomorSk: '800/123/2027', reason: 'Rotasi' }, new Date('2027-01-27T03:00:00Z'));
    await ds.transaction((m) => app.get(FollowPersonnelChanges).apply(transfer, m));
    const closed = await call('GET', `/skps/${rudiSkp.body.id}`, 'rudi');
    expect(closed.body).toMatchObject({ status: 'DITUTUP', endDate: '2027-03-31' });
    const mine = await call('GET', '/skps/mine?year=2027', 'rudi');
    const opened = mine.body.own.find((x: any) => x.status === 'DRAFT');
    expect(opened).toMatchObject({ startDate: '2027-04-01', endDate: '2027-12-31' });
    expect((await call('GET', `/skps/${opened.id}`, 'rudi')).body.snapshot.jabatan.name).toBe('Pranata Komputer Ahli Muda');
    await skpWatch.waitFor((m) => m.json<any>().type === 'capaian.appraisal.skp.closed.v1' && m.json<any>().data.nip === DEMO_NIP.rudi, { timeoutMs: 30_000 });

    const skpEvents = await skpWatch.waitFor((m) => m.json<any>().data.nip === DEMO_NIP.dimas, { count: 4, timeoutMs: 30_000 });
    expect(skpEvents.map((m) => m.json<any>().type)).toEqual(
      expect.arrayContaining(['capaian.appraisal.skp.submitted.v1', 'capaian.appraisal.skp.returned.v1', 'capaian.appraisal.skp.set.v1']),
    );
    const finals = await evalWatch.waitFor((m) => m.json<any>().type === 'capaian.appraisal.evaluation.finalized.v1', { count: 2, timeoutMs: 30_000 });
    const byNip = Object.fromEntries(finals.map((m) => [m.json<any>().data.nip, m.json<any>().data]));
    expect(byNip[DEMO_NIP.dimas]).toMatchObject({ opdCode: 'DISKOMINFO', year: 2026, ratingHasilKerja: 'DI_ATAS', ratingPerilaku: 'DI_ATAS', predikat: 'SANGAT_BAIK' });
    expect(byNip[DEMO_NIP.putri]).toMatchObject({ predikat: 'BAIK' });
    const kinds = new Set(evalWatch.messages.map((m) => m.json<any>().type));
    for (const t of ['realization-reported', 'feedback-given', 'rated', 'objection-filed', 'objection-decided', 'finalized']) expect(kinds).toContain(`capaian.appraisal.evaluation.${t}.v1`);
  });
});
