import { randomUUID } from 'node:crypto';
import {
  AppraisersChangedV1,
  EvaluationRatedV1,
  ObjectionFiledV1,
  SkpSetV1,
  SkpSubmittedV1,
  type EvaluationEventData,
  type SkpEventData,
  EmployeeHiredV1,
  EmployeeLeftV1,
  EmployeePromotedV1,
  EmployeeTransferredV1,
  ReportingLineChangedV1,
  Topics,
  type AppraisersChangedData,
  type EmployeeLeftData,
  type EmployeePromotedData,
  type EmployeeTransferredData,
  type ReportingLineChangedData,
} from '@capaian/contracts';
import { produceRawMessages, watchTopic, type TopicWatcher } from '@capaian/shared/messaging';
import { DEMO_NIP, eventually, getToken } from '@capaian/shared/testing';
import request from 'supertest';
import { mailSource, mailsTo, startNotificationTestApp, type NotificationTestApp } from './notification-test-app';
import { employee, employeeIdOf, freshNip, OPD_BAPPEDA, OPD_DISKOMINFO, personnelEvent, publishEvents, publishPersonnel, roleGranted } from './personnel-fixtures';

/**
 * Personnel events → the right notice to the right people, read back from the real SMTP sink
 * (maildev) and the inbox; duplicates, bad input and poison events. Scratch database
 * capaian_notification_test_dispatch, a fresh consumer group, real Kafka and Keycloak.
 */
jest.setTimeout(240_000);

describe('notification: personnel events to recipients (real PostgreSQL, Kafka, SMTP)', () => {
  let t: NotificationTestApp;
  const runId = randomUUID().slice(0, 8);
  const address = (name: string) => `${name}-${runId}@contoh.palembang.go.id`;
  const http = () => request(t.app.getHttpServer());

  const atasan = { nip: freshNip(), name: 'Ahmad Atasan', email: address('ahmad') };
  const penilai = { nip: freshNip(), name: 'Siti Penilai', email: address('siti') };
  const penilaiBaru = { nip: freshNip(), name: 'Bambang Penilai', email: address('bambang') };
  const adminOpd = { nip: freshNip(), name: 'Rudi Admin', email: address('rudi') };
  const adminBappeda = { nip: freshNip(), name: 'Wati Admin', email: address('wati') };
  const adminBkpsdm = { nip: freshNip(), name: 'Hendra BKPSDM', email: address('hendra') };
  const pegawai = { nip: freshNip(), name: 'Dimas Pegawai', email: address('dimas') };

  const itemsOf = (nip: string) =>
    t.dataSource.query(`SELECT kategori, judul, isi, tautan, source_event_id FROM notification WHERE recipient_nip = $1 ORDER BY created_at`, [nip]);

  /** Waits until every event id has been consumed by the service (its inbox row exists). */
  const consumed = (...ids: string[]) =>
    eventually(async () => {
      const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM inbox WHERE event_id = ANY($1)`, [ids]);
      return n === ids.length;
      // Generous: other suites may be flooding the shared topic (a republish of 12,000 employees) ahead of us.
    }, 120_000);

  const mailWith = (to: string, subject: string, eventId?: string) =>
    eventually(async () => {
      const found = (await mailsTo(to)).filter((m) => m.subject === subject && (!eventId || m.headers['x-capaian-event-id'] === eventId));
      return found.length > 0 ? found : null;
      // As generous as `consumed`: the event may wait behind a flood on the shared topic.
    }, 120_000);

  beforeAll(async () => {
    t = await startNotificationTestApp({ database: 'capaian_notification_test_dispatch', settings: { PORTAL_BASE_URL: 'https://capaian.palembang.go.id', DIGEST_THRESHOLD: '1000' } });
    await t.dataSource.query('TRUNCATE notification, delivery, delivery_attempt, dispatch_issue, personnel_employee, personnel_role, preference, reminder, inbox, outbox CASCADE');
    const seed = [
      personnelEvent(EmployeeHiredV1, employee({ ...atasan, position: 'Kepala Bidang Aplikasi Informatika' }), atasan.nip),
      personnelEvent(EmployeeHiredV1, employee({ ...penilai, supervisor: atasan, position: 'Kepala Seksi' }), penilai.nip),
      personnelEvent(EmployeeHiredV1, employee({ ...penilaiBaru, opd: OPD_BAPPEDA, position: 'Kepala Sub Bidang' }), penilaiBaru.nip),
      personnelEvent(EmployeeHiredV1, employee({ ...adminOpd, supervisor: atasan }), adminOpd.nip),
      personnelEvent(EmployeeHiredV1, employee({ ...adminBappeda, opd: OPD_BAPPEDA }), adminBappeda.nip),
      personnelEvent(EmployeeHiredV1, employee({ ...adminBkpsdm }), adminBkpsdm.nip),
    ];
    const roles = [roleGranted(adminOpd.nip, 'admin-opd', OPD_DISKOMINFO), roleGranted(adminBappeda.nip, 'admin-opd', OPD_BAPPEDA), roleGranted(adminBkpsdm.nip, 'admin-bkpsdm', null)];
    await publishPersonnel(...seed, ...roles);
    await consumed(...seed.map((e) => e.id), ...roles.map((e) => e.id));
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  const hired = () => personnelEvent(EmployeeHiredV1, employee({ ...pegawai, supervisor: penilai }), pegawai.nip);
  let hiredEvent: ReturnType<typeof hired>;

  it('employee hired: the employee (with an SKP deadline), the penilai by mail, the admin OPD in the inbox only', async () => {
    hiredEvent = hired();
    await publishPersonnel(hiredEvent);

    const [welcome] = await mailWith(pegawai.email, '[Capaian] Selamat bergabung di Capaian');
    expect(welcome.text).toContain(`Yth. ${pegawai.name}, Anda tercatat sebagai pegawai pada Bidang Aplikasi Informatika, Dinas Komunikasi dan Informatika`);
    expect(welcome.text).toContain('Buka di Capaian: https://capaian.palembang.go.id/skp/rencana');
    expect(welcome.text).toContain('bersifat wajib');
    expect(welcome.text).not.toContain('Berhenti berlangganan');
    expect(welcome.html).toContain('href="https://capaian.palembang.go.id/skp/rencana"');
    expect(welcome.headers['x-capaian-event-id']).toBe(hiredEvent.id);

    const [forPenilai] = await mailWith(penilai.email, `[Capaian] Pegawai baru yang Anda nilai: ${pegawai.name}`);
    expect(forPenilai.text).toContain(`https://capaian.palembang.go.id/tim/${pegawai.nip}`);
    expect(forPenilai.text).toMatch(/Berhenti berlangganan: http:\/\/127\.0\.0\.1:3000\/api\/v1\/notification\/berhenti-langganan\?token=[\w-]+\.[\w-]+/);
    expect(await mailSource(forPenilai.id)).toMatch(/List-Unsubscribe:\s+<http:\/\/127\.0\.0\.1:3000\/api\/v1\/notification\/berhenti-langganan\?token=/);

    const adminItems = (await itemsOf(adminOpd.nip)).filter((i: { source_event_id: string }) => i.source_event_id === hiredEvent.id);
    expect(adminItems).toEqual([
      expect.objectContaining({ kategori: 'administrasi-opd', judul: `Pegawai baru di ${OPD_DISKOMINFO.name}: ${pegawai.name}`, source_event_id: hiredEvent.id }),
    ]);
    const [{ n: adminMails }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM delivery WHERE recipient_nip = $1 AND event_id = $2`, [adminOpd.nip, hiredEvent.id]);
    expect(adminMails).toBe(0);

    const [reminder] = await t.dataSource.query(`SELECT recipient_nip, kategori, step FROM reminder WHERE recipient_nip = $1`, [pegawai.nip]);
    expect(reminder).toEqual({ recipient_nip: pegawai.nip, kategori: 'skp', step: 0 });
  });

  it('a duplicate delivery of the event tells nobody twice', async () => {
    const marker = personnelEvent(EmployeePromotedV1, { ...employee({ ...pegawai, supervisor: penilai }), fromGolongan: 'II/d', fromPangkat: 'Pengatur Tingkat I', nomorSk: null, golongan: 'III/a' } as EmployeePromotedData, pegawai.nip);
    await publishPersonnel(hiredEvent, hiredEvent, marker);
    await consumed(marker.id);
    await mailWith(pegawai.email, '[Capaian] Kenaikan pangkat: Penata Muda (III/a)');
    expect((await mailsTo(pegawai.email)).filter((m) => m.subject === '[Capaian] Selamat bergabung di Capaian')).toHaveLength(1);
    expect((await mailsTo(penilai.email)).filter((m) => m.headers['x-capaian-event-id'] === hiredEvent.id)).toHaveLength(1);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM notification WHERE source_event_id = $1`, [hiredEvent.id]);
    expect(n).toBe(3);
    // The promotion: the employee by mail, the penilai in the inbox only.
    const penilaiItems = await itemsOf(penilai.nip);
    expect(penilaiItems.map((i: { judul: string }) => i.judul)).toContain(`${pegawai.name} naik pangkat`);
  });

  it('transfer between OPD: the employee, the new penilai, the new admin OPD and BKPSDM', async () => {
    const moved = employee({ ...pegawai, opd: OPD_BAPPEDA, supervisor: penilaiBaru, position: 'Perencana Ahli Pertama' });
    const event = personnelEvent<EmployeeTransferredData>(
      EmployeeTransferredV1,
      { ...moved, from: { position: null, unit: null, opd: OPD_DISKOMINFO }, betweenOpd: true, nomorSk: '821/123/BKPSDM/2026', reason: null },
      pegawai.nip,
    );
    await publishPersonnel(event);
    const [mail] = await mailWith(pegawai.email, '[Capaian] Anda dimutasi ke jabatan baru');
    expect(mail.text).toContain('Anda dimutasi ke Perencana Ahli Pertama pada Bidang Aplikasi Informatika, Badan Perencanaan Pembangunan Daerah, terhitung mulai 1 Desember 2026 (SK 821/123/BKPSDM/2026).');
    await mailWith(penilaiBaru.email, `[Capaian] Pegawai baru yang Anda nilai: ${pegawai.name}`);
    await mailWith(adminBkpsdm.email, `[Capaian] Mutasi antar OPD: ${pegawai.name}`);
    expect((await itemsOf(adminBappeda.nip)).filter((i: { source_event_id: string }) => i.source_event_id === event.id).map((i: { judul: string }) => i.judul)).toEqual([
      `Pegawai pindahan di ${OPD_BAPPEDA.name}: ${pegawai.name}`,
    ]);
    // The old admin OPD is not told about the move in (only the admin of the OPD the employee joined).
    expect((await itemsOf(adminOpd.nip)).filter((i: { source_event_id: string }) => i.source_event_id === event.id)).toHaveLength(0);
  });

  it('reporting line changed: the employee and the new penilai', async () => {
    const event = personnelEvent<ReportingLineChangedData>(
      ReportingLineChangedV1,
      {
        employeeId: employeeIdOf(pegawai.nip),
        nip: pegawai.nip,
        supervisor: { employeeId: employeeIdOf(penilai.nip), nip: penilai.nip, name: penilai.name },
        previousSupervisor: { employeeId: employeeIdOf(penilaiBaru.nip), nip: penilaiBaru.nip, name: penilaiBaru.name },
        override: true,
        reason: 'Penugasan khusus',
        effectiveDate: '2026-12-02',
      },
      pegawai.nip,
    );
    await publishPersonnel(event);
    const [mail] = await mailWith(pegawai.email, '[Capaian] Atasan langsung Anda berubah');
    expect(mail.text).toContain(`mulai 2 Desember 2026 atasan langsung (pejabat penilai) Anda adalah ${penilai.name}.`);
    await mailWith(penilai.email, `[Capaian] Pegawai baru yang Anda nilai: ${pegawai.name}`, event.id);
  });

  it('the pejabat penilai named by personnel (appraisers changed) is told instead of the direct supervisor', async () => {
    const subjectNip = freshNip();
    const subject = { nip: subjectNip, name: 'Joko Pegawai', email: address('joko') };
    const hire = personnelEvent(EmployeeHiredV1, employee({ ...subject, supervisor: penilai }), subjectNip);
    const appraisers = personnelEvent<AppraisersChangedData>(
      AppraisersChangedV1,
      {
        employeeId: employeeIdOf(subjectNip),
        nip: subjectNip,
        pejabatPenilai: { employeeId: employeeIdOf(atasan.nip), nip: atasan.nip, name: atasan.name },
        atasanPejabatPenilai: null,
        basis: 'PENUNJUKAN',
        previousPejabatPenilai: null,
        previousAtasanPejabatPenilai: null,
        reason: 'Penunjukan pejabat penilai',
        effectiveDate: '2026-12-01',
      },
      subjectNip,
    );
    const promoted = personnelEvent(EmployeePromotedV1, { ...employee({ ...subject, supervisor: penilai }), fromGolongan: 'II/d', fromPangkat: 'Pengatur Tingkat I', nomorSk: null } as EmployeePromotedData, subjectNip);
    await publishPersonnel(hire, appraisers, promoted);
    await consumed(hire.id, appraisers.id, promoted.id);
    expect((await itemsOf(atasan.nip)).filter((i: { source_event_id: string }) => i.source_event_id === promoted.id)).toHaveLength(1);
    expect((await itemsOf(penilai.nip)).filter((i: { source_event_id: string }) => i.source_event_id === promoted.id)).toHaveLength(0);
  });

  it('appraisal events: an SKP submitted tells its penilai (with a deadline), a rating tells the employee, an objection the atasan penilai', async () => {
    const skp = (penilaiNip: string): SkpEventData => ({
      skpId: randomUUID(),
      lineageId: randomUUID(),
      version: 1,
      employeeId: employeeIdOf(pegawai.nip),
      nip: pegawai.nip,
      opdCode: 'DISKOMINFO',
      year: 2026,
      startDate: '2026-01-02',
      endDate: '2026-12-31',
      status: 'DIAJUKAN',
      penilaiNip,
      reason: null,
    });
    const submitted = personnelEvent<SkpEventData>(SkpSubmittedV1, skp(penilai.nip), pegawai.nip);
    const evaluation = (predikat: EvaluationEventData['predikat']): EvaluationEventData => ({
      skpId: submitted.data.skpId,
      employeeId: employeeIdOf(pegawai.nip),
      nip: pegawai.nip,
      opdCode: 'DISKOMINFO',
      year: 2026,
      period: null,
      evaluationId: randomUUID(),
      ratingHasilKerja: 'SESUAI',
      ratingPerilaku: 'SESUAI',
      predikat,
      penilaiNip: penilai.nip,
    });
    const rated = personnelEvent<EvaluationEventData>(EvaluationRatedV1, evaluation('BAIK'), submitted.data.skpId);
    const objection = personnelEvent<EvaluationEventData>(ObjectionFiledV1, { ...evaluation('BAIK'), objectionId: randomUUID() }, submitted.data.skpId);
    await publishEvents(Topics.appraisalSkp, submitted);
    await publishEvents(Topics.appraisalEvaluation, rated, objection);

    const [toPenilai] = await mailWith(penilai.email, `[Capaian] SKP 2026 ${pegawai.name} menunggu persetujuan Anda`, submitted.id);
    expect(toPenilai.text).toContain(`${pegawai.name} (NIP ${pegawai.nip}) mengajukan SKP tahun 2026 untuk periode 2 Januari 2026 s.d. 31 Desember 2026.`);
    expect(toPenilai.text).toContain(`https://capaian.palembang.go.id/tim/${pegawai.nip}/skp`);
    const reminderOf = async (eventId: string) =>
      (
        await t.dataSource.query(
          `SELECT r.step, r.resolved_at IS NOT NULL AS resolved FROM reminder r JOIN notification n ON n.id = r.notification_id WHERE n.source_event_id = $1`,
          [eventId],
        )
      )[0];
    expect(await reminderOf(submitted.id)).toEqual({ step: 0, resolved: false });
    // Submitting the SKP was what the welcome notice asked for: its reminder ends.
    expect(await reminderOf(hiredEvent.id)).toEqual({ step: 0, resolved: true });
    await mailWith(pegawai.email, '[Capaian] Hasil penilaian kinerja tahun 2026: Baik', rated.id);
    // The penilai's own penilai (Ahmad) decides objections.
    await mailWith(atasan.email, `[Capaian] Keberatan atas penilaian ${pegawai.name} menunggu keputusan Anda`, objection.id);

    // The penilai sets the SKP: the employee is told, and the penilai's reminder ends.
    const set = personnelEvent<SkpEventData>(SkpSetV1, { ...submitted.data, status: 'DITETAPKAN' }, pegawai.nip);
    await publishEvents(Topics.appraisalSkp, set);
    await mailWith(pegawai.email, '[Capaian] SKP 2026 Anda telah ditetapkan', set.id);
    expect(await reminderOf(submitted.id)).toEqual({ step: 0, resolved: true });
  });

  it('bad input is recorded and the rest keeps flowing: unknown penilai, a missing template value, a poison message, a refused address', async () => {
    const dlq: TopicWatcher = await watchTopic(`${Topics.personnelEmployee}.dlq`);
    try {
      const ghost = { nip: freshNip(), name: 'Tidak Dikenal' };
      const lonely = { nip: freshNip(), name: 'Lina Pegawai', email: address('lina') };
      const noPosition = { ...employee({ ...lonely, supervisor: ghost }), position: null };
      const event = personnelEvent(EmployeeHiredV1, noPosition, lonely.nip);
      const refused = { nip: freshNip(), name: 'Alamat Ditolak', email: `${'x'.repeat(300)}-${runId}@contoh.palembang.go.id` };
      const refusedEvent = personnelEvent(EmployeeHiredV1, employee({ ...refused, supervisor: penilai }), refused.nip);
      await produceRawMessages(Topics.personnelEmployee, [{ key: lonely.nip, value: '{"bukan": "cloudevent"' }]);
      await publishPersonnel(event, refusedEvent);
      await consumed(event.id, refusedEvent.id);

      const issues = await t.dataSource.query(`SELECT recipient_role, code FROM dispatch_issue WHERE event_id = $1 ORDER BY recipient_role`, [event.id]);
      expect(issues).toEqual([
        { recipient_role: 'employee', code: 'NILAI_TEMPLAT_KOSONG' },
        { recipient_role: 'opd-admin', code: 'NILAI_TEMPLAT_KOSONG' },
        { recipient_role: 'supervisor', code: 'PENERIMA_TIDAK_DIKENAL' },
      ]);
      const [detail] = await t.dataSource.query(`SELECT detail FROM dispatch_issue WHERE event_id = $1 AND recipient_role = 'supervisor'`, [event.id]);
      expect(detail.detail).toBe(`Penerima pejabat penilai (NIP ${ghost.nip}) tidak ada di direktori pegawai`);

      const [poison] = await dlq.waitFor((m) => m.headers.dlq_reason === 'invalid-json');
      expect(poison.text()).toBe('{"bukan": "cloudevent"');

      const failed = await eventually(async () => {
        const rows = await t.dataSource.query(`SELECT status, attempts, last_error FROM delivery WHERE event_id = $1 AND recipient_nip = $2 AND status = 'failed'`, [
          refusedEvent.id,
          refused.nip,
        ]);
        return rows.length > 0 ? rows : null;
      });
      expect(failed[0]).toMatchObject({ status: 'failed', attempts: 1 });
      expect(failed[0].last_error).toMatch(/501|rejected/);
      // The penilai of the refused employee was still told.
      await mailWith(penilai.email, `[Capaian] Pegawai baru yang Anda nilai: ${refused.name}`);
    } finally {
      await dlq.stop();
    }
  }, 60_000);

  it('employee left: the penilai by mail and the admin OPD in the inbox', async () => {
    const leaver = { nip: freshNip(), name: 'Yusuf Pensiun', email: address('yusuf') };
    const hiredLeaver = personnelEvent(EmployeeHiredV1, employee({ ...leaver, supervisor: penilai }), leaver.nip);
    const left = personnelEvent<EmployeeLeftData>(
      EmployeeLeftV1,
      { ...employee({ ...leaver, supervisor: penilai }), status: 'PENSIUN', reason: 'Batas usia pensiun', lastPosition: null, lastOpd: OPD_DISKOMINFO },
      leaver.nip,
    );
    await publishPersonnel(hiredLeaver, left);
    await mailWith(penilai.email, `[Capaian] ${leaver.name} tidak lagi aktif`);
    expect((await itemsOf(adminOpd.nip)).map((i: { judul: string }) => i.judul)).toContain(`Pegawai keluar dari ${OPD_DISKOMINFO.name}: ${leaver.name}`);
  });

  describe('preferences and unsubscribe', () => {
    let unsubscribeUrl: string;

    beforeAll(async () => {
      const [mail] = await mailWith(penilai.email, `[Capaian] Pegawai baru yang Anda nilai: ${pegawai.name}`, hiredEvent.id);
      unsubscribeUrl = /Berhenti berlangganan: (\S+)/.exec(mail.text)![1];
    });

    it('refuses a forged, altered, malformed or expired link with 4xx problem+json and changes nothing', async () => {
      const token = new URL(unsubscribeUrl).searchParams.get('token')!;
      const [payload, signature] = token.split('.');
      const otherPayload = Buffer.from(JSON.stringify({ n: DEMO_NIP.dimas, k: 'tim', e: 4102444800 })).toString('base64url');
      const forged = await http().get(`/api/v1/notification/berhenti-langganan?token=${otherPayload}.${signature}`).expect(403);
      expect(forged.headers['content-type']).toContain('application/problem+json');
      expect(forged.body.code).toBe('TAUTAN_PALSU');
      const malformed = await http().get(`/api/v1/notification/berhenti-langganan?token=${payload}`).expect(400);
      expect(malformed.body.code).toBe('TAUTAN_TIDAK_VALID');
      // A repeated parameter is refused (at the platform edge, or by the use case), never a 500.
      await http().get(`/api/v1/notification/berhenti-langganan?token=${token}&token=${token}`).expect(400);
      // A genuine link after its expiry (60 days) no longer works.
      t.clock.advance(61 * 24 * 3_600_000);
      try {
        const expired = await http().get(`/api/v1/notification/berhenti-langganan?token=${token}`).expect(403);
        expect(expired.body.code).toBe('TAUTAN_KEDALUWARSA');
      } finally {
        t.clock.advance(-61 * 24 * 3_600_000);
      }
      const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM preference`);
      expect(n).toBe(0);
    });

    it('works without login, then optional mails stop while the inbox still gets them; mandatory ones cannot be switched off', async () => {
      const path = unsubscribeUrl.replace('http://127.0.0.1:3000', '');
      const done = await http().get(path).expect(200);
      expect(done.body).toMatchObject({ kategori: 'tim', email: false });
      const [pref] = await t.dataSource.query(`SELECT nip, kategori, email FROM preference`);
      expect(pref).toEqual({ nip: penilai.nip, kategori: 'tim', email: false });
      const [audit] = await t.dataSource.query(`SELECT actor, actor_nip, action, entity_id FROM audit_trail WHERE entity_id = $1`, [`${penilai.nip}/tim`]);
      expect(audit).toEqual({ actor: 'tautan-berhenti-langganan', actor_nip: penilai.nip, action: 'notification.preference.unsubscribed', entity_id: `${penilai.nip}/tim` });

      const newcomer = { nip: freshNip(), name: 'Citra Baru', email: address('citra') };
      const event = personnelEvent(EmployeeHiredV1, employee({ ...newcomer, supervisor: penilai }), newcomer.nip);
      await publishPersonnel(event);
      await mailWith(newcomer.email, '[Capaian] Selamat bergabung di Capaian');
      await consumed(event.id);
      expect((await itemsOf(penilai.nip)).map((i: { judul: string }) => i.judul)).toContain(`Pegawai baru yang Anda nilai: ${newcomer.name}`);
      const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM delivery WHERE event_id = $1 AND recipient_nip = $2`, [event.id, penilai.nip]);
      expect(n).toBe(0);
    });

    it('lets a signed-in employee read and change their own preferences only', async () => {
      const dimas = await getToken(DEMO_NIP.dimas);
      const list = await http().get('/api/v1/notification/preferensi').set('authorization', `Bearer ${dimas}`).expect(200);
      expect(list.body).toContainEqual({ kategori: 'tim', label: 'Kabar tentang pegawai yang Anda nilai', wajib: false, email: true });
      expect(list.body).toContainEqual(expect.objectContaining({ kategori: 'kepegawaian', wajib: true, email: true }));
      const off = await http().put('/api/v1/notification/preferensi/tim').set('authorization', `Bearer ${dimas}`).send({ email: false }).expect(200);
      expect(off.body).toMatchObject({ kategori: 'tim', email: false });
      const mandatory = await http().put('/api/v1/notification/preferensi/kepegawaian').set('authorization', `Bearer ${dimas}`).send({ email: false }).expect(422);
      expect(mandatory.body.code).toBe('KATEGORI_WAJIB');
      const unknown = await http().put('/api/v1/notification/preferensi/entah').set('authorization', `Bearer ${dimas}`).send({ email: false }).expect(404);
      expect(unknown.body.code).toBe('KATEGORI_TIDAK_DIKENAL');
      await http().put('/api/v1/notification/preferensi/tim').set('authorization', `Bearer ${dimas}`).send({ email: 'tidak' }).expect(400);
    });
  });

  describe('statistics', () => {
    it('are for admin-bkpsdm only and count sent, failed and read per category and OPD', async () => {
      const [hendra, dimas] = await Promise.all([getToken(DEMO_NIP.hendra), getToken(DEMO_NIP.dimas)]);
      await http().get('/api/v1/notification/statistik').set('authorization', `Bearer ${dimas}`).expect(403);
      const stats = await http().get('/api/v1/notification/statistik').set('authorization', `Bearer ${hendra}`).expect(200);
      const skp = stats.body.rincian.find((r: { kategori: string; opdId: string }) => r.kategori === 'skp' && r.opdId === OPD_DISKOMINFO.unitId);
      expect(skp.notifikasi).toBeGreaterThanOrEqual(2);
      expect(skp).toHaveProperty('opdNama');
      expect(skp.emailTerkirim).toBeGreaterThanOrEqual(2);
      expect(skp.emailGagal).toBeGreaterThanOrEqual(1);
      expect(stats.body.kendala).toEqual(expect.arrayContaining([expect.objectContaining({ kode: 'PENERIMA_TIDAK_DIKENAL' }), expect.objectContaining({ kode: 'NILAI_TEMPLAT_KOSONG' })]));
      const bad = await http().get('/api/v1/notification/statistik?dari=2026-12-02T00:00:00Z&sampai=2026-12-01T00:00:00Z').set('authorization', `Bearer ${hendra}`).expect(400);
      expect(bad.body.code).toBe('RENTANG_TANGGAL_TIDAK_VALID');
    });
  });
});
