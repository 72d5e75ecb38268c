import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import ExcelJS from 'exceljs';
import { loadServiceConfig } from '@capaian/shared/config';
import { configureHttpApp, createHttpAdapter } from '@capaian/shared/http';
import { watchTopic, type TopicWatcher } from '@capaian/shared/messaging';
import { runMigrations } from '@capaian/shared/persistence';
import { PersonnelProjection } from '@capaian/shared/projection';
import { Clock, Scheduler, TestClock } from '@capaian/shared/scheduling';
import { OBJECT_STORE, type ObjectStore } from '@capaian/shared/storage';
import { DEMO_NIP, startGatewayHarness, type GatewayHarness } from '@capaian/shared/testing';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { careerDataSourceOptions } from '../src/data-source';
import { extraPeople, seedPersonnel } from './personnel-stand-in';

/**
 * Development programs end to end through the real gateway with real Keycloak tokens, on a scratch
 * database, the real Kafka and the real S3Proxy: partner and agreement, program and session, budget,
 * nomination by the supervisor, self-registration, waitlist, verification, approval against the
 * budget, attendance, pass, certificate in S3, JP recognised once, evaluation and follow-up,
 * scorecard, exports, the events read back from Kafka — and 50 concurrent approvals against a
 * budget that affords 10.
 */
const DB = 'capaian_career_path_test';
jest.setTimeout(240_000);

describe('development programs through the gateway (real PostgreSQL, Kafka, Keycloak, S3Proxy)', () => {
  let app: NestFastifyApplication;
  let harness: GatewayHarness;
  let ds: DataSource;
  const clock = new TestClock('2026-03-02T03:00:00Z');
  let enrolmentWatch: TopicWatcher;
  let jpWatch: TopicWatcher;
  let budgetWatch: TopicWatcher;
  const extra = extraPeople(50);

  const call: GatewayHarness['call'] = (...args) => harness.call(...args);
  const expectProblem = (res: { status: number; body: any; headers: Headers }, status: number, code: string) => {
    expect([res.status, res.body?.code]).toEqual([status, code]);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  };
  const at = (iso: string) => clock.set(`${iso}T03:00:00Z`);
  const pdf = (n = 2048) => Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(n)]);
  const count = async (sql: string, params: unknown[] = []) => Number((await ds.query(sql, params))[0].n);

  beforeAll(async () => {
    const admin = new DataSource({ type: 'postgres', host: process.env.DB_HOST ?? '127.0.0.1', username: process.env.PGUSER ?? 'postgres', password: process.env.PGPASSWORD ?? 'postgres', database: 'postgres' });
    await admin.initialize();
    await admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${DB}`);
    await admin.destroy();
    const config = loadServiceConfig('career', { ...process.env, DB_NAME: DB, DB_USER: process.env.PGUSER ?? 'postgres', DB_PASSWORD: process.env.PGPASSWORD ?? 'postgres', LOG_LEVEL: 'warn' });
    await runMigrations(careerDataSourceOptions(config));
    const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config, { scheduling: { enabled: false } })] })
      .overrideProvider(Clock)
      .useValue(clock)
      .compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(createHttpAdapter(), { logger: ['error', 'warn'] });
    configureHttpApp(app, 'career', { title: 'career (test)' });
    await app.listen(0, '127.0.0.1');
    ds = app.get(DataSource);
    const projection = app.get(PersonnelProjection);
    await seedPersonnel(ds, (event, m) => projection.apply(event, m), extra);
    harness = await startGatewayHarness({
      service: 'career',
      serviceUrl: await app.getUrl(),
      // eslint-disable-next-line @nx/enforce-module-boundaries
      gateway: { ...(await import('../../gateway/src/gateway.app')), ...(await import('../../gateway/src/gateway.config')) },
    });
    [enrolmentWatch, jpWatch, budgetWatch] = await Promise.all([watchTopic('career.enrolment.v1'), watchTopic('career.jp.v1'), watchTopic('career.budget.v1')]);
  });

  afterAll(async () => {
    await Promise.all([enrolmentWatch?.stop(), jpWatch?.stop(), budgetWatch?.stop()]);
    await harness?.close();
    await app?.close();
  });

  const ids: Record<string, string> = {};

  it('sets up a partner with an agreement, a program with a session inside it, and the OPD budget', async () => {
    const partner = await call('POST', '/partners', 'hendra', { name: 'Universitas Sriwijaya', kind: 'LEMBAGA_PENDIDIKAN', city: 'Palembang' });
    expect(partner.status).toBe(201);
    ids.partner = partner.body.id;
    const agreement = await call('POST', `/partners/${ids.partner}/agreements`, 'hendra', { kind: 'PKS', number: 'PKS/001/BKPSDM/2026', validFrom: '2026-01-01', validUntil: '2026-06-30', quota: 100 });
    expect(agreement.status).toBe(201);
    ids.agreement = agreement.body.id;
    expectProblem(await call('POST', `/partners/${ids.partner}/agreements`, 'hendra', { kind: 'PKS', number: 'PKS/001/BKPSDM/2026', validFrom: '2026-01-01', validUntil: '2026-06-30', quota: 100 }), 409, 'NOMOR_PERJANJIAN_GANDA');
    expectProblem(await call('POST', '/partners', 'dimas', { name: 'X', kind: 'LEMBAGA_PENDIDIKAN' }), 403, 'PERAN_TIDAK_MEMADAI');

    const program = await call('POST', '/programs', 'hendra', {
      name: 'Pelatihan Analisis Data Pemerintahan', form: 'pelatihan_klasikal', organizer: 'Universitas Sriwijaya', jp: 30,
      startDate: '2026-05-04', endDate: '2026-05-06', quota: 2, budgetCeiling: 4_000_000, costPerParticipant: 2_000_000,
      competencies: ['analisis data', 'literasi digital'], stages: ['pembelajaran klasikal', 'aktualisasi'],
    });
    expect(program.status).toBe(201);
    expect(program.body).toMatchObject({ competencies: ['analisis data', 'literasi digital'], eligiblePositionKinds: [] });
    ids.program = program.body.id;
    const session = { startDate: '2026-05-04', endDate: '2026-05-06', registrationOpens: '2026-03-01', registrationCloses: '2026-04-20', location: 'Kampus Unsri Bukit Besar', quota: 2, costPerParticipant: 2_000_000, partnerId: ids.partner, agreementId: ids.agreement };
    // A session outside the partner's agreement dates is refused, and nothing is written.
    const before = await count(`SELECT count(*) AS n FROM program_session`);
    expectProblem(await call('POST', `/programs/${ids.program}/sessions`, 'hendra', { ...session, startDate: '2026-06-29', endDate: '2026-07-01' }), 422, 'SESI_DI_LUAR_PERJANJIAN');
    expect(await count(`SELECT count(*) AS n FROM program_session`)).toBe(before);
    const created = await call('POST', `/programs/${ids.program}/sessions`, 'hendra', session);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ quota: 2, seatsTaken: 0, partnerId: ids.partner, programName: 'Pelatihan Analisis Data Pemerintahan' });
    ids.session = created.body.id;
    // A second session of another program on overlapping dates, for the overlap rule.
    const other = await call('POST', '/programs', 'hendra', { name: 'Seminar Keamanan Siber', form: 'seminar', organizer: 'BKPSDM', jp: 8, startDate: '2026-05-05', endDate: '2026-05-06', quota: 50, budgetCeiling: 0, costPerParticipant: 0 });
    ids.otherSession = (await call('POST', `/programs/${other.body.id}/sessions`, 'hendra', { ...session, partnerId: undefined, agreementId: undefined, startDate: '2026-05-05', endDate: '2026-05-06', quota: 50, costPerParticipant: 0 })).body.id;
    // PKP: only pengawas.
    const pkp = await call('POST', '/programs', 'hendra', { name: 'PKP Angkatan I', form: 'pkp', organizer: 'BPSDM Sumsel', jp: 40, startDate: '2026-07-06', endDate: '2026-07-31', quota: 30, budgetCeiling: 900_000_000, costPerParticipant: 30_000_000 });
    ids.pkpSession = (await call('POST', `/programs/${pkp.body.id}/sessions`, 'hendra', { ...session, partnerId: undefined, agreementId: undefined, startDate: '2026-07-06', endDate: '2026-07-31', quota: 30, costPerParticipant: 30_000_000 })).body.id;

    const budget = await call('POST', '/budgets/allocations', 'rudi', { fiscalYear: 2026, ownerCode: 'DISKOMINFO', change: 10_000_000, note: 'DPA 2026' });
    expect(budget.status).toBe(200);
    expect(budget.body).toMatchObject({ allocated: 10_000_000, balance: 10_000_000, committed: 0 });
    ids.budget = budget.body.id;
    expectProblem(await call('POST', '/budgets/allocations', 'rudi', { fiscalYear: 2026, ownerCode: 'BKPSDM', change: 1 }), 403, 'AKSES_ANGGARAN_DITOLAK');
    expectProblem(await call('POST', '/budgets/allocations', 'hendra', { fiscalYear: 2026, ownerCode: 'DISKOMINFO', change: -10_000_001 }), 422, 'PENGURANGAN_MELEBIHI_SISA');
    expectProblem(await call('POST', '/budgets/allocations', 'hendra', { fiscalYear: 2026, ownerCode: 'DISKOMINFO', change: 1.5 }), 400, 'VALIDASI_GAGAL');
  });

  it('takes nominations and self-registrations, refuses what the rules refuse, and offers the waitlist when full', async () => {
    expectProblem(await call('POST', `/sessions/${ids.pkpSession}/enrolments`, 'siti', { nip: DEMO_NIP.dimas }), 422, 'TIDAK_MEMENUHI_SYARAT_JABATAN');
    expectProblem(await call('POST', `/sessions/${ids.session}/enrolments`, 'dimas', { nip: DEMO_NIP.putri }), 403, 'BUKAN_ATASAN');

    const dimas = await call('POST', `/sessions/${ids.session}/enrolments`, 'siti', { nip: DEMO_NIP.dimas });
    expect([dimas.status, dimas.body.status]).toEqual([201, 'DIAJUKAN']);
    ids.dimas = dimas.body.id;
    expectProblem(await call('POST', `/sessions/${ids.session}/enrolments`, 'dimas', {}), 409, 'SUDAH_TERDAFTAR');
    expectProblem(await call('POST', `/sessions/${ids.otherSession}/enrolments`, 'dimas', {}), 409, 'JADWAL_BENTROK');

    // Putri is PPPK: 30 JP would take her beyond the yearly ceiling of 24.
    expectProblem(await call('POST', `/sessions/${ids.session}/enrolments`, 'putri', {}), 422, 'BATAS_JP_PPPK_TERLAMPAUI');
    const ahmad = await call('POST', `/sessions/${ids.session}/enrolments`, 'ahmad', {});
    expect([ahmad.status, ahmad.body.status]).toEqual([201, 'DIAJUKAN']);
    ids.ahmad = ahmad.body.id;
    const full = await call('POST', `/sessions/${ids.session}/enrolments`, 'rudi', {});
    expectProblem(full, 409, 'SESI_PENUH');
    expect(full.body.detail ?? full.body.title).toMatch(/daftar tunggu/);
    const waiting = await call('POST', `/sessions/${ids.session}/enrolments`, 'rudi', { joinWaitlist: true });
    expect([waiting.status, waiting.body.status]).toEqual([201, 'DAFTAR_TUNGGU']);
    ids.rudi = waiting.body.id;
    expect((await ds.query(`SELECT seats_taken FROM program_session WHERE id = $1`, [ids.session]))[0].seats_taken).toBe(2);

    // Two registrations of one person for overlapping sessions at the same moment: one passes, one is refused.
    const twin = await call('POST', '/programs', 'hendra', { name: 'Workshop Manajemen Risiko', form: 'workshop', organizer: 'BKPSDM', jp: 10, startDate: '2026-09-01', endDate: '2026-09-02', quota: 20, budgetCeiling: 0, costPerParticipant: 0 });
    const slot = { registrationOpens: '2026-03-01', registrationCloses: '2026-08-20', location: 'Aula BKPSDM', quota: 20, costPerParticipant: 0 };
    const a = await call('POST', `/programs/${twin.body.id}/sessions`, 'hendra', { ...slot, startDate: '2026-09-01', endDate: '2026-09-02' });
    const b = await call('POST', `/programs/${twin.body.id}/sessions`, 'hendra', { ...slot, startDate: '2026-09-02', endDate: '2026-09-03' });
    const both = await Promise.all([a.body.id, b.body.id].map((sid) => call('POST', `/sessions/${sid}/enrolments`, 'siti', {})));
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(both.find((r) => r.status === 409)!.body.code).toBe('JADWAL_BENTROK');

    // Visibility: Siti sees her reports' places, Dimas only his own.
    const sitiSees = await call('GET', `/enrolments?sessionId=${ids.session}`, 'siti');
    expect(sitiSees.body.map((e: { nip: string }) => e.nip)).toEqual([DEMO_NIP.dimas]);
    expect((await call('GET', `/enrolments/${ids.ahmad}`, 'dimas')).status).toBe(403);
    expect((await call('GET', `/enrolments/${ids.dimas}`, 'rudi')).status).toBe(200);
  });

  it('verifies and approves against the budget; a cancellation releases the seat to the waitlist', async () => {
    expect((await call('POST', `/enrolments/${ids.dimas}/approve`, 'hendra', { fundedBy: 'OPD' })).body.code).toBe('TRANSISI_PENDAFTARAN_TIDAK_DIIZINKAN');
    expect((await call('POST', `/enrolments/${ids.dimas}/verify`, 'rudi')).status).toBe(403);
    expect((await call('POST', `/enrolments/${ids.dimas}/verify`, 'hendra')).body.status).toBe('DIVERIFIKASI');
    expectProblem(await call('POST', `/enrolments/${ids.dimas}/approve`, 'hendra', { fundedBy: 'BKPSDM' }), 422, 'ANGGARAN_BELUM_DIALOKASIKAN');
    const approved = await call('POST', `/enrolments/${ids.dimas}/approve`, 'rudi', { fundedBy: 'OPD' });
    expect(approved.body).toMatchObject({ status: 'DISETUJUI', committedAmount: 2_000_000, budgetId: ids.budget });

    expectProblem(await call('POST', `/enrolments/${ids.ahmad}/cancel`, 'dimas', { reason: 'x' }), 403, 'AKSES_PENDAFTARAN_DITOLAK');
    const cancelled = await call('POST', `/enrolments/${ids.ahmad}/cancel`, 'ahmad', { reason: 'Tugas dinas ke luar kota' });
    expect(cancelled.body.status).toBe('DIBATALKAN');
    expect((await call('GET', `/enrolments/${ids.rudi}`, 'rudi')).body.status).toBe('DIAJUKAN');
    expect((await ds.query(`SELECT seats_taken FROM program_session WHERE id = $1`, [ids.session]))[0].seats_taken).toBe(2);
  });

  it('records attendance per day, passes, stores the certificate in S3 and recognises the JP once', async () => {
    at('2026-05-04');
    expectProblem(await call('PUT', `/enrolments/${ids.dimas}/attendance/2026-05-07`, 'hendra', { present: true }), 400, 'TANGGAL_DI_LUAR_SESI');
    for (const day of ['2026-05-04', '2026-05-05', '2026-05-06']) expect((await call('PUT', `/enrolments/${ids.dimas}/attendance/${day}`, 'hendra', { present: true })).status).toBe(200);
    expect((await call('PUT', `/enrolments/${ids.dimas}/attendance/2026-05-06`, 'hendra', { present: true })).body.daysPresent).toBe(3);
    at('2026-05-07');
    expect((await call('POST', `/enrolments/${ids.dimas}/complete`, 'hendra', { passed: true })).body.status).toBe('LULUS');
    expectProblem(await call('POST', `/enrolments/${ids.dimas}/certificate/verify`, 'hendra'), 422, 'SERTIFIKAT_BELUM_DIUNGGAH');
    expectProblem(await call('POST', `/enrolments/${ids.rudi}/feedback`, 'rudi', { content: 5, facilitator: 5, organisation: 5 }), 422, 'BELUM_MENGIKUTI_SESI');

    // A file that is not what it claims leaves no object and no change.
    const fake = await call('PUT', `/enrolments/${ids.dimas}/certificate?jp=30&fileName=sttpp.pdf`, 'dimas', Buffer.from('not a pdf at all'), { 'content-type': 'application/pdf' });
    expect(fake.status).toBe(400);
    expect(await app.get<ObjectStore>(OBJECT_STORE).list(`certificates/${ids.dimas}/`)).toEqual([]);
    const file = pdf();
    const uploaded = await call('PUT', `/enrolments/${ids.dimas}/certificate?jp=30&fileName=sttpp.pdf`, 'dimas', file, { 'content-type': 'application/pdf' });
    expect(uploaded.body.status).toBe('SERTIFIKAT_DIUNGGAH');
    expect(await app.get<ObjectStore>(OBJECT_STORE).exists(uploaded.body.certificateKey)).toBe(true);
    const download = await call('GET', `/enrolments/${ids.dimas}/certificate`, 'siti');
    expect(Buffer.compare(download.body, file)).toBe(0);

    const verified = await call('POST', `/enrolments/${ids.dimas}/certificate/verify`, 'hendra');
    expect(verified.body).toMatchObject({ status: 'SELESAI', recognisedJp: 30 });
    expect((await call('POST', `/enrolments/${ids.dimas}/certificate/verify`, 'hendra')).body.code).toBe('TRANSISI_PENDAFTARAN_TIDAK_DIIZINKAN');
    expect(await count(`SELECT count(*) AS n FROM jp_ledger WHERE source_id = $1`, [ids.dimas])).toBe(1);

    const mine = await call('GET', '/jp/me?year=2026', 'dimas');
    expect(mine.body).toMatchObject({ totalJp: 30, compliant: true, minimumJp: 20, atRisk: false });
    const putri = await call('GET', `/jp/employees/${DEMO_NIP.putri}?year=2026`, 'siti');
    expect(putri.body).toMatchObject({ totalJp: 0, compliant: true, minimumJp: null, maximumJp: 24, atRisk: false });
    expect((await call('GET', `/jp/employees/${DEMO_NIP.putri}?year=2026`, 'dimas')).status).toBe(403);
    const compliance = await call('GET', '/jp/compliance?year=2026', 'rudi');
    expect(compliance.body).toEqual([expect.objectContaining({ opdCode: 'DISKOMINFO', compliant: 1 })]);
    const atRisk = await call('GET', '/jp/at-risk?year=2026&opd=DISKOMINFO', 'hendra');
    const riskNips = atRisk.body.map((r: { nip: string }) => r.nip);
    expect(riskNips).toEqual(expect.arrayContaining([DEMO_NIP.ahmad, DEMO_NIP.siti, DEMO_NIP.rudi]));
    expect(riskNips).not.toContain(DEMO_NIP.dimas);
    expect(riskNips).not.toContain(DEMO_NIP.putri);

    const budget = await call('GET', `/budgets/${ids.budget}`, 'rudi');
    expect(budget.body).toMatchObject({ allocated: 10_000_000, committed: 0, realized: 2_000_000, balance: 8_000_000, ledgerSum: 8_000_000 });
    expect(budget.body.ledger.map((r: { kind: string }) => r.kind)).toEqual(['ALOKASI', 'KOMITMEN', 'REALISASI']);
    // The realization moves nothing on the balance; its note says how much, as users read amounts.
    expect(budget.body.ledger[2].note).toMatch(/^Realisasi Rp\s2\.000\.000: komitmen menjadi belanja, sisa anggaran tetap$/);
  });

  it('takes the participant’s feedback once and the supervisor’s follow-up months later, into the partner scorecard', async () => {
    expectProblem(await call('POST', `/enrolments/${ids.dimas}/feedback`, 'siti', { content: 5, facilitator: 4, organisation: 3 }), 403, 'BUKAN_PESERTA');
    expect((await call('GET', `/enrolments/${ids.dimas}`, 'dimas')).body.feedbackGiven).toBe(false);
    expect((await call('POST', `/enrolments/${ids.dimas}/feedback`, 'dimas', { content: 5, facilitator: 4, organisation: 3, comment: 'Materi relevan' })).status).toBe(201);
    // The place says so, so that the portal does not offer the form again.
    expect((await call('GET', `/enrolments/${ids.dimas}`, 'dimas')).body.feedbackGiven).toBe(true);
    expectProblem(await call('POST', `/enrolments/${ids.dimas}/feedback`, 'dimas', { content: 1, facilitator: 1, organisation: 1 }), 409, 'UMPAN_BALIK_SUDAH_ADA');
    expectProblem(await call('POST', `/enrolments/${ids.dimas}/follow-up`, 'siti', { application: 4 }), 422, 'TINDAK_LANJUT_TERLALU_DINI');
    at('2026-08-10');
    expectProblem(await call('POST', `/enrolments/${ids.dimas}/follow-up`, 'ahmad', { application: 4 }), 403, 'BUKAN_ATASAN_PESERTA');
    expect((await call('POST', `/enrolments/${ids.dimas}/follow-up`, 'siti', { application: 3 })).status).toBe(201);
    const card = await call('GET', `/partners/${ids.partner}/scorecard`, 'rudi');
    expect(card.body).toMatchObject({ responses: 1, followUps: 1, content: 5, facilitator: 4, organisation: 3, application: 3, overall: 3.5 });
    expect((await call('GET', `/partners/${ids.partner}/scorecard`, 'dimas')).status).toBe(403);
  });

  it('exports the session’s enrolment list and the JP recap per OPD as XLSX', async () => {
    const list = await call('GET', `/sessions/${ids.session}/enrolments.xlsx`, 'hendra');
    expect(list.status).toBe(200);
    expect(list.headers.get('content-type')).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(list.body);
    const rows = book.worksheets[0].getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
    expect(rows[0]).toEqual(['NIP', 'Nama', 'OPD', 'Jabatan', 'Jalur', 'Status', 'Hari hadir', 'JP diakui']);
    expect(rows.slice(1).map((r) => r[5]).sort()).toEqual(['DIAJUKAN', 'DIBATALKAN', 'SELESAI']);
    const recap = await call('GET', '/jp/recap.xlsx?year=2026', 'hendra');
    const recapBook = new ExcelJS.Workbook();
    await recapBook.xlsx.load(recap.body);
    expect(recapBook.worksheets[0].getRow(2).getCell(1).value).toBe('BKPSDM');
    expect((await call('GET', '/jp/recap.xlsx?year=2026', 'dimas')).status).toBe(403);
  });

  it('recognises JP claimed from outside the platform only with a certificate verified by BKPSDM, and takes corrections', async () => {
    const claim = { title: 'Kursus Daring Literasi Data', form: 'e_learning', organizer: 'LAN RI', endDate: '2026-07-20', jp: 12 };
    expectProblem(await call('POST', '/jp/claims', 'putri', { ...claim, endDate: '2026-09-01' }), 400, 'TANGGAL_KLAIM_TIDAK_VALID');
    const created = await call('POST', '/jp/claims', 'putri', claim);
    expect(created.body).toMatchObject({ status: 'DIAJUKAN', jp: 12, nip: DEMO_NIP.putri });
    ids.claim = created.body.id;
    expectProblem(await call('POST', `/jp/claims/${ids.claim}/verify`, 'hendra'), 422, 'KLAIM_TANPA_SERTIFIKAT');
    expectProblem(await call('PUT', `/jp/claims/${ids.claim}/certificate?fileName=e.pdf`, 'dimas', pdf(), { 'content-type': 'application/pdf' }), 403, 'AKSES_KLAIM_DITOLAK');
    expect((await call('PUT', `/jp/claims/${ids.claim}/certificate?fileName=e.pdf`, 'putri', pdf(), { 'content-type': 'application/pdf' })).status).toBe(200);
    expect((await call('POST', `/jp/claims/${ids.claim}/verify`, 'dimas')).status).toBe(403);
    expect((await call('POST', `/jp/claims/${ids.claim}/verify`, 'hendra')).body.status).toBe('DIVERIFIKASI');
    expectProblem(await call('POST', `/jp/claims/${ids.claim}/verify`, 'hendra'), 422, 'KLAIM_SUDAH_DIPUTUS');
    expect((await call('GET', '/jp/me?year=2026', 'putri')).body).toMatchObject({ totalJp: 12, compliant: true, remainingAllowanceJp: 12 });

    const corrected = await call('POST', '/jp/corrections', 'hendra', { nip: DEMO_NIP.dimas, year: 2026, jp: -4, note: 'JP sertifikat tercatat lebih' });
    expect(corrected.body).toMatchObject({ jp: -4, yearTotalJp: 26 });
    expectProblem(await call('POST', '/jp/corrections', 'hendra', { nip: DEMO_NIP.dimas, year: 2026, jp: 0, note: 'nol' }), 400, 'KOREKSI_NOL');
    expect((await call('GET', '/jp/me?year=2026', 'dimas')).body.totalJp).toBe(26);
    const [claimEvent] = await jpWatch.waitFor((m) => m.json<{ data: { sourceId: string } }>().data.sourceId === ids.claim);
    expect(claimEvent.json()).toMatchObject({ data: { source: 'KLAIM_EKSTERNAL', jp: 12, nip: DEMO_NIP.putri } });
    const [correction] = await jpWatch.waitFor((m) => m.json<{ type: string }>().type === 'capaian.career.jp.corrected.v1');
    expect(correction.json()).toMatchObject({ data: { jp: -4, yearTotalJp: 26, nip: DEMO_NIP.dimas } });
  });

  it('keeps an audit trail and publishes every transition, the JP and the budget on Kafka', async () => {
    const audits = await ds.query(`SELECT action FROM audit_trail WHERE entity_id = $1 ORDER BY id`, [ids.dimas]);
    expect(audits.map((a: { action: string }) => a.action)).toEqual(expect.arrayContaining(['enrolment.nominated', 'enrolment.verified', 'enrolment.approved', 'enrolment.passed', 'enrolment.jp-recognised', 'enrolment.feedback-given']));
    expect(await count(`SELECT count(*) AS n FROM audit_trail WHERE entity_type = 'budget' AND entity_id = $1`, [ids.budget])).toBeGreaterThanOrEqual(3);

    const events = await enrolmentWatch.waitFor((m) => m.key === ids.dimas && m.json<{ data: { transition: string } }>().data.transition === 'jp-recognised');
    expect(events).toHaveLength(1);
    const dimas = enrolmentWatch.matching((m) => m.key === ids.dimas).map((m) => m.json<{ type: string; data: { transition: string; nip: string } }>());
    expect(dimas.map((e) => e.data.transition)).toEqual(['registered', 'verified', 'approved', 'attendance-recorded', 'attendance-recorded', 'attendance-recorded', 'attendance-recorded', 'passed', 'certificate-uploaded', 'jp-recognised']);
    expect(dimas[0]).toMatchObject({ type: 'capaian.career.enrolment.changed.v1', data: { nip: DEMO_NIP.dimas } });
    await enrolmentWatch.waitFor((m) => m.key === ids.rudi && m.json<{ data: { transition: string } }>().data.transition === 'promoted');
    const [jp] = await jpWatch.waitFor((m) => m.json<{ data: { sourceId: string } }>().data.sourceId === ids.dimas);
    expect(jp.json()).toMatchObject({ type: 'capaian.career.jp.recognised.v1', data: { nip: DEMO_NIP.dimas, jp: 30, year: 2026, yearTotalJp: 30, source: 'PENDAFTARAN' } });
    const [alloc] = await budgetWatch.waitFor((m) => m.key === ids.budget);
    expect(alloc.json()).toMatchObject({ type: 'capaian.career.budget.allocation-changed.v1', data: { ownerCode: 'DISKOMINFO', change: 10_000_000 } });
  });

  it('lets exactly as many of 50 concurrent approvals through as the budget affords, and the ledger sums to the balance', async () => {
    at('2026-03-10');
    const program = await call('POST', '/programs', 'hendra', { name: 'Pelatihan Pelayanan Publik', form: 'pelatihan_klasikal', organizer: 'BKPSDM', jp: 20, startDate: '2026-06-01', endDate: '2026-06-03', quota: 50, budgetCeiling: 50_000_000, costPerParticipant: 1_000_000 });
    const session = await call('POST', `/programs/${program.body.id}/sessions`, 'hendra', { startDate: '2026-06-01', endDate: '2026-06-03', registrationOpens: '2026-03-01', registrationCloses: '2026-05-20', location: 'Aula BKPSDM', quota: 50, costPerParticipant: 1_000_000 });
    const budget = await call('POST', '/budgets/allocations', 'hendra', { fiscalYear: 2026, ownerCode: 'BKPSDM', change: 10_000_000 });
    const placeIds: string[] = [];
    for (const p of extra) {
      const r = await call('POST', `/sessions/${session.body.id}/enrolments`, 'hendra', { nip: p.nip });
      expect(r.status).toBe(201);
      placeIds.push(r.body.id);
    }
    for (const id of placeIds) expect((await call('POST', `/enrolments/${id}/verify`, 'hendra')).status).toBe(200);

    const results = await Promise.all(placeIds.map((id) => call('POST', `/enrolments/${id}/approve`, 'hendra', { fundedBy: 'BKPSDM' })));
    const ok = results.filter((r) => r.status === 200);
    const refused = results.filter((r) => r.status !== 200);
    expect(ok).toHaveLength(10);
    expect(refused).toHaveLength(40);
    for (const r of refused) expectProblem(r, 422, 'ANGGARAN_TIDAK_MENCUKUPI');

    const after = await call('GET', `/budgets/${budget.body.id}`, 'hendra');
    expect(after.body).toMatchObject({ allocated: 10_000_000, committed: 10_000_000, balance: 0, ledgerSum: 0 });
    expect(after.body.ledger.filter((r: { kind: string }) => r.kind === 'KOMITMEN')).toHaveLength(10);
    expect(await count(`SELECT count(*) AS n FROM enrolment WHERE session_id = $1 AND status = 'DISETUJUI'`, [session.body.id])).toBe(10);
    expect(await count(`SELECT count(*) AS n FROM enrolment WHERE session_id = $1 AND status = 'DIVERIFIKASI'`, [session.body.id])).toBe(40);
    // The warning threshold (20% left) was crossed once.
    const thresholds = await budgetWatch.waitFor((m) => m.key === budget.body.id && m.json<{ type: string }>().type.endsWith('threshold-reached.v1'));
    expect(thresholds).toHaveLength(1);
  });
  it('announces who is at risk of missing the yearly JP on 1 October, once per slot', async () => {
    clock.set('2026-10-01T00:30:00Z'); // 07.30 WIB
    await app.get(Scheduler).tick();
    type AtRisk = { type: string; data: { nip: string; year: number; shortfallJp: number; minimumJp: number } };
    const isAtRisk = (m: { json<T>(): T }) => m.json<AtRisk>().type === 'capaian.career.jp.at-risk.v1';
    const announced = await count(`SELECT count(*) AS n FROM outbox WHERE type = 'capaian.career.jp.at-risk.v1'`);
    const events = (await jpWatch.waitFor(isAtRisk, { count: announced })).map((m) => m.json<AtRisk>());
    const nips = events.map((e) => e.data.nip);
    expect(nips).toEqual(expect.arrayContaining([DEMO_NIP.ahmad, DEMO_NIP.siti, DEMO_NIP.rudi]));
    expect(events.find((e) => e.data.nip === DEMO_NIP.rudi)).toMatchObject({ data: { year: 2026, minimumJp: 20, shortfallJp: 20 } });
    expect(nips).not.toContain(DEMO_NIP.dimas);
    expect(nips).not.toContain(DEMO_NIP.putri);
    // The ten approved places of the concurrency test count as planned JP: those people are not at risk.
    expect(nips.filter((n) => extra.some((p) => p.nip === n))).toHaveLength(40);
    await app.get(Scheduler).tick();
    expect(await count(`SELECT count(*) AS n FROM outbox WHERE type = 'capaian.career.jp.at-risk.v1'`)).toBe(announced);
  });
});
