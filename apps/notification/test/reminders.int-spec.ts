import { randomUUID } from 'node:crypto';
import {
  EnrolmentChangedV1,
  FeedbackGivenV1,
  JpAtRiskV1,
  RealizationReportedV1,
  ReportDueV1,
  Topics,
  type EnrolmentEventData,
  type EvaluationEventData,
  type JpAtRiskEventData,
  type ReportDueEventData,
} from '@capaian/contracts';
import { DEMO_NIP, eventually, getToken } from '@capaian/shared/testing';
import request from 'supertest';
import { ladderFixtures } from './ladder-fixtures';
import { mailsTo, startNotificationTestApp, type NotificationTestApp } from './notification-test-app';
import { employeeIdOf, freshNip, OPD_DISKOMINFO, personnelEvent, publishEvents, publishPersonnel, roleGranted } from './personnel-fixtures';
import { DeliveryWorker } from '../src/delivery/delivery.worker';
import { RunDigest } from '../src/reminders/use-cases/run-digest';
import { RunReminders } from '../src/reminders/use-cases/run-reminders';
import { Scheduler } from '@capaian/shared/scheduling';

jest.setTimeout(240_000);

const DAY = 24 * 3_600_000;

/**
 * Time-driven behaviour with the clock moved by the test: a reminder escalates to the supervisor and
 * then the admin OPD while ignored, quiet hours hold mail until morning, and a flood of optional
 * notices becomes one daily digest. Real PostgreSQL (capaian_notification_test_reminders), Kafka, maildev.
 */
describe('notification: reminders, escalation, quiet hours, digest (real PostgreSQL, Kafka, SMTP)', () => {
  let t: NotificationTestApp;
  const { runId, address, atasan, penilai, adminOpd, consumed, mailWith, hire } = ladderFixtures(() => t);

  beforeAll(async () => {
    t = await startNotificationTestApp({ database: 'capaian_notification_test_reminders', settings: { DIGEST_THRESHOLD: '2', ESCALATE_AFTER_HOURS: '48' } });
    await t.dataSource.query('TRUNCATE notification, delivery, delivery_attempt, dispatch_issue, personnel_employee, personnel_role, preference, reminder, scheduled_job_run, inbox, outbox CASCADE');
    await hire(atasan);
    await hire({ ...penilai, supervisor: atasan });
    await hire({ ...adminOpd, supervisor: atasan });
    const role = roleGranted(adminOpd.nip, 'admin-opd', OPD_DISKOMINFO);
    await publishPersonnel(role);
    await consumed(role.id);
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  it('an ignored action notice is reminded, then escalated to the penilai, then to the admin OPD; a read one is not', async () => {
    const lalai = { nip: freshNip(), name: 'Lalai Pegawai', email: address('lalai') };
    const rajin = { nip: freshNip(), name: 'Rajin Pegawai', email: address('rajin') };
    await hire({ ...lalai, supervisor: penilai });
    await hire({ ...rajin, supervisor: penilai });
    const reminders = t.app.get(RunReminders);

    // Rajin reads the notice through the API (as the portal does); Lalai ignores it.
    const [{ id: rajinNotice }] = await t.dataSource.query(`SELECT id FROM notification WHERE recipient_nip = $1 AND kategori = 'skp'`, [rajin.nip]);
    await t.dataSource.query(`UPDATE notification SET read_at = now() WHERE id = $1`, [rajinNotice]);

    await reminders.execute();
    expect(await t.dataSource.query(`SELECT step FROM reminder WHERE recipient_nip = $1`, [lalai.nip])).toEqual([{ step: 0 }]);

    // The first step through the shared scheduler's reminder job (as in production), the rest directly.
    t.clock.advance(14 * DAY + 60_000);
    const ticks = await t.app.get(Scheduler).tick();
    expect(ticks).toContainEqual(expect.objectContaining({ job: 'notification.reminders', outcome: 'succeeded' }));
    const [reminder] = await mailWith(lalai.email, '[Capaian] Pengingat: Selamat bergabung di Capaian');
    expect(reminder.text).toContain('Yth. Lalai Pegawai, tugas ini belum ditindaklanjuti dan tenggatnya');
    expect(reminder.text).toContain('/skp/rencana');
    const [rajinState] = await t.dataSource.query(`SELECT step, resolved_at IS NOT NULL AS resolved FROM reminder WHERE recipient_nip = $1`, [rajin.nip]);
    expect(rajinState).toEqual({ step: 0, resolved: true });

    // Not yet time for the next step: nothing moves.
    t.clock.advance(DAY);
    await reminders.execute();
    expect(await t.dataSource.query(`SELECT step FROM reminder WHERE recipient_nip = $1`, [lalai.nip])).toEqual([{ step: 1 }]);

    t.clock.advance(DAY + 60_000);
    await reminders.execute();
    const [toPenilai] = await mailWith(penilai.email, '[Capaian] Eskalasi: Lalai Pegawai belum menindaklanjuti tugas');
    expect(toPenilai.text).toContain('"Selamat bergabung di Capaian"');

    t.clock.advance(2 * DAY + 60_000);
    await reminders.execute();
    await mailWith(adminOpd.email, '[Capaian] Eskalasi ke admin OPD: Lalai Pegawai');
    expect(await t.dataSource.query(`SELECT step FROM reminder WHERE recipient_nip = $1`, [lalai.nip])).toEqual([{ step: 3 }]);

    // The ladder ends; running the job again (another replica, the next slot) tells nobody twice.
    t.clock.advance(10 * DAY);
    await reminders.execute();
    await reminders.execute();
    expect((await mailsTo(adminOpd.email)).filter((m) => m.subject.includes('Lalai Pegawai'))).toHaveLength(1);
    expect((await mailsTo(penilai.email)).filter((m) => m.subject.startsWith('[Capaian] Eskalasi: Lalai'))).toHaveLength(1);
    expect((await mailsTo(lalai.email)).filter((m) => m.subject.startsWith('[Capaian] Pengingat'))).toHaveLength(1);
  });

  it('reading the reminder through the API stops the escalation', async () => {
    // DEMO dimas has a real token; give him a pending action notice.
    const dimas = { nip: DEMO_NIP.dimas, name: 'Dimas Pratama', email: address('dimas') };
    await hire({ ...dimas, supervisor: penilai });
    t.clock.advance(14 * DAY + 60_000);
    await t.app.get(RunReminders).execute();
    const [{ id }] = await t.dataSource.query(`SELECT id FROM notification WHERE recipient_nip = $1 AND kategori = 'pengingat' ORDER BY created_at DESC LIMIT 1`, [dimas.nip]);
    const token = await getToken(DEMO_NIP.dimas);
    await request(t.app.getHttpServer()).post(`/api/v1/notification/inbox/${id}/read`).set('authorization', `Bearer ${token}`).expect(200);
    t.clock.advance(3 * DAY);
    await t.app.get(RunReminders).execute();
    const [state] = await t.dataSource.query(`SELECT step, resolved_at IS NOT NULL AS resolved FROM reminder WHERE recipient_nip = $1 ORDER BY created_at DESC LIMIT 1`, [dimas.nip]);
    expect(state).toEqual({ step: 1, resolved: true });
  });

  it('career: an approved enrolment is told at once and reminded at 07.00 WIB the day before the session; a JP deficit tells the employee and the penilai', async () => {
    const peserta = { nip: freshNip(), name: 'Peserta Pelatihan', email: address('peserta') };
    await hire({ ...peserta, supervisor: penilai });
    const start = new Date(t.clock.now().getTime() + 5 * DAY).toISOString().slice(0, 10);
    const enrolment: EnrolmentEventData = {
      enrolmentId: randomUUID(),
      sessionId: randomUUID(),
      programId: randomUUID(),
      programName: `Pelatihan Analisis Data ${runId}`,
      employeeId: employeeIdOf(peserta.nip),
      nip: peserta.nip,
      opdCode: 'DISKOMINFO',
      origin: 'MANDIRI',
      transition: 'approved',
      fromStatus: 'DIVERIFIKASI',
      status: 'DISETUJUI',
      startDate: start,
      endDate: start,
      reason: null,
    };
    const approved = personnelEvent<EnrolmentEventData>(EnrolmentChangedV1, enrolment, enrolment.enrolmentId);
    const atRisk = personnelEvent<JpAtRiskEventData>(
      JpAtRiskV1,
      { employeeId: employeeIdOf(peserta.nip), nip: peserta.nip, opdCode: 'DISKOMINFO', year: 2026, totalJp: 6, plannedJp: 4, minimumJp: 20, shortfallJp: 10 },
      peserta.nip,
    );
    await publishEvents(Topics.careerEnrolment, approved);
    await publishEvents(Topics.careerJp, atRisk);
    await consumed(approved.id, atRisk.id);

    const [mail] = await mailWith(peserta.email, `[Capaian] Pendaftaran pelatihan disetujui: Pelatihan Analisis Data ${runId}`);
    expect(mail.text).toContain('Pelatihan berlangsung');
    const [jp] = await mailWith(peserta.email, '[Capaian] JP pengembangan kompetensi tahun 2026 masih kurang 10 JP');
    expect(jp.text).toContain('baru memiliki 6 JP yang diakui dan 4 JP yang direncanakan, dari minimal 20 JP');
    const [{ n: penilaiItems }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM notification WHERE recipient_nip = $1 AND source_event_id = $2`, [penilai.nip, atRisk.id]);
    expect(penilaiItems).toBe(1);

    const [reminder] = await t.dataSource.query(`SELECT due_at, step FROM reminder WHERE recipient_nip = $1`, [peserta.nip.toString()]).then((rows: { due_at: Date; step: number }[]) =>
      rows.filter((r) => new Date(r.due_at).toISOString().endsWith('T00:00:00.000Z')),
    );
    const dayBefore = new Date(Date.parse(`${start}T00:00:00Z`) - DAY).toISOString().slice(0, 10);
    expect(new Date(reminder.due_at).toISOString()).toBe(`${dayBefore}T00:00:00.000Z`); // 07.00 WIB the day before

    // Reading the approval does not cancel the note for the day before.
    const [{ id: approval }] = await t.dataSource.query(`SELECT id FROM notification WHERE source_event_id = $1`, [approved.id]);
    await t.dataSource.query(`UPDATE notification SET read_at = now() WHERE id = $1`, [approval]);
    t.clock.set(`${dayBefore}T00:00:30Z`);
    await t.app.get(RunReminders).execute();
    await mailWith(peserta.email, `[Capaian] Besok: Pendaftaran pelatihan disetujui: Pelatihan Analisis Data ${runId}`);
    // One note, no escalation to the penilai later.
    t.clock.advance(5 * DAY);
    await t.app.get(RunReminders).execute();
    const [{ n: escalations }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM notification WHERE recipient_nip = $1 AND kategori = 'pengingat' AND isi LIKE $2`, [
      penilai.nip,
      '%Peserta Pelatihan%',
    ]);
    expect(escalations).toBe(0);
  });

  it('quiet hours: a mail due at 22.00 WIB waits, with no attempt, until 06.00 WIB', async () => {
    const malam = { nip: freshNip(), name: 'Malam Pegawai', email: address('malam') };
    const day = t.clock.now().toISOString().slice(0, 10);
    t.clock.set(`${day}T15:00:00Z`); // 22.00 WIB
    await hire(malam);
    const worker = t.app.get(DeliveryWorker);
    await worker.drainDue();
    const [row] = await t.dataSource.query(`SELECT status, attempts, next_attempt_at FROM delivery WHERE recipient_nip = $1`, [malam.nip]);
    expect(row.status).toBe('pending');
    expect(row.attempts).toBe(0);
    expect(new Date(row.next_attempt_at).toISOString()).toBe(`${day}T23:00:00.000Z`); // 06.00 WIB the next day
    expect(await mailsTo(malam.email)).toHaveLength(0);
    // The inbox has it already.
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM notification WHERE recipient_nip = $1`, [malam.nip]);
    expect(n).toBe(1);

    t.clock.set(`${day}T22:59:00Z`); // 05.59 WIB: still quiet
    await worker.drainDue();
    expect(await mailsTo(malam.email)).toHaveLength(0);

    t.clock.set(`${day}T23:00:30Z`); // 06.00 WIB
    await mailWith(malam.email, '[Capaian] Selamat bergabung di Capaian');
    const [sent] = await t.dataSource.query(`SELECT status, attempts FROM delivery WHERE recipient_nip = $1`, [malam.nip]);
    expect(sent).toEqual({ status: 'sent', attempts: 1 });
  });

  it('a flood of optional notices to one person becomes one daily digest mail', async () => {
    const sibuk = { nip: freshNip(), name: 'Sibuk Penilai', email: address('sibuk') };
    const day = t.clock.now().toISOString().slice(0, 10);
    t.clock.set(`${day}T03:00:00Z`); // 10.00 WIB
    await hire({ ...sibuk, supervisor: atasan });
    const names = ['Andi', 'Budi', 'Cici', 'Dedi'];
    for (const name of names) await hire({ nip: freshNip(), name: `${name} ${runId}`, email: address(name.toLowerCase()), supervisor: sibuk });
    // Sibuk's own welcome (mandatory) and one optional notice count toward the threshold of 2; the rest wait.
    const rows = await t.dataSource.query(`SELECT status, kategori FROM delivery WHERE recipient_nip = $1 ORDER BY created_at`, [sibuk.nip]);
    expect(rows.map((r: { status: string }) => r.status)).toEqual(['pending', 'pending', 'digest', 'digest', 'digest'].map((s, i) => (i < 2 ? expect.stringMatching(/pending|sent/) : s)));

    const digest = t.app.get(RunDigest);
    const held = () => t.dataSource.query(`SELECT count(*)::int AS n FROM delivery WHERE recipient_nip = $1 AND status = 'digest'`, [sibuk.nip]);
    await digest.execute(); // 10.00 WIB: only rows held before today's 07.00 go out now (earlier tests' rows may)
    expect(await held()).toEqual([{ n: 3 }]);
    t.clock.set(new Date(new Date(`${day}T00:00:00Z`).getTime() + DAY).toISOString()); // 07.00 WIB the next day
    expect(await digest.execute()).toBeGreaterThanOrEqual(1);
    expect(await digest.execute()).toBe(0);
    expect(await held()).toEqual([{ n: 0 }]);
    const [mail] = await mailWith(sibuk.email, `[Capaian] Ringkasan ${(await import('../src/dispatch/domain/format')).formatTanggalWib(t.clock.now())}: 3 pemberitahuan`);
    for (const name of names.slice(1)) expect(mail.text).toContain(`Pegawai baru yang Anda nilai: ${name} ${runId}`);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM delivery WHERE recipient_nip = $1 AND status = 'digested'`, [sibuk.nip]);
    expect(n).toBe(3);
  });

  it('a period report due: told at once (mail held through quiet hours), reminded on the deadline morning, escalated to the penilai; that period\'s realization ends it, another period\'s does not', async () => {
    const pelapor = { nip: freshNip(), name: 'Pelapor Lalai', email: address('pelapor') };
    const tertib = { nip: freshNip(), name: 'Pelapor Tertib', email: address('tertib') };
    const terlambat = { nip: freshNip(), name: 'Pelapor Terlambat', email: address('terlambat') };
    for (const p of [pelapor, tertib, terlambat]) await hire({ ...p, supervisor: penilai });
    // Their welcome notices are answered: only the report reminders below are in play.
    await t.dataSource.query(`UPDATE notification SET read_at = now() WHERE recipient_nip = ANY($1)`, [[pelapor.nip, tertib.nip, terlambat.nip]]);
    const skpOf = new Map([pelapor, tertib, terlambat].map((p) => [p.nip, randomUUID()]));
    const due = (p: { nip: string }, period: number, name: string, start: string, end: string, reportDue: string) =>
      personnelEvent<ReportDueEventData>(
        ReportDueV1,
        { skpId: skpOf.get(p.nip)!, employeeId: employeeIdOf(p.nip), nip: p.nip, opdCode: 'DISKOMINFO', year: 2027, period, periodName: name, periodStart: start, periodEnd: end, reportDue, penilaiNip: penilai.nip },
        skpOf.get(p.nip)!,
      );
    const reported = (p: { nip: string }, period: number) =>
      personnelEvent<EvaluationEventData>(
        RealizationReportedV1,
        { skpId: skpOf.get(p.nip)!, employeeId: employeeIdOf(p.nip), nip: p.nip, opdCode: 'DISKOMINFO', year: 2027, period, evaluationId: null, ratingHasilKerja: null, ratingPerilaku: null, predikat: null, penilaiNip: penilai.nip },
        skpOf.get(p.nip)!,
      );
    const reminderOf = async (nip: string) =>
      (await t.dataSource.query(`SELECT step, resolved_at IS NOT NULL AS resolved, due_at FROM reminder WHERE recipient_nip = $1 AND template = 'laporan-realisasi'`, [nip])) as { step: number; resolved: boolean; due_at: Date }[];
    const subject = '[Capaian] Laporan realisasi kinerja Februari 2027 jatuh tempo 5 Maret 2027';

    // Appraisal announces February's report at 22.00 WIB on 2 March (its job caught up late): the inbox has it, the mail waits for 06.00.
    t.clock.set('2027-03-02T15:00:00Z');
    const [duePelapor, dueTertib] = [due(pelapor, 2, 'Februari 2027', '2027-02-01', '2027-02-28', '2027-03-05'), due(tertib, 2, 'Februari 2027', '2027-02-01', '2027-02-28', '2027-03-05')];
    await publishEvents(Topics.appraisalEvaluation, duePelapor, dueTertib);
    await consumed(duePelapor.id, dueTertib.id);
    const worker = t.app.get(DeliveryWorker);
    await worker.drainDue();
    const [held] = await t.dataSource.query(`SELECT status, attempts, next_attempt_at FROM delivery WHERE recipient_nip = $1 AND event_id = $2`, [pelapor.nip, duePelapor.id]);
    expect({ ...held, next_attempt_at: new Date(held.next_attempt_at).toISOString() }).toEqual({ status: 'pending', attempts: 0, next_attempt_at: '2027-03-02T23:00:00.000Z' });
    expect((await mailsTo(pelapor.email)).filter((m) => m.subject === subject)).toEqual([]);
    const [item] = await t.dataSource.query(`SELECT judul, tautan FROM notification WHERE recipient_nip = $1 AND source_event_id = $2`, [pelapor.nip, duePelapor.id]);
    expect(item).toEqual({ judul: 'Laporan realisasi kinerja Februari 2027 jatuh tempo 5 Maret 2027', tautan: '/skp/realisasi' });
    // The reminder is due at 07.00 WIB on the last day a report is accepted.
    expect((await reminderOf(pelapor.nip)).map((r) => [r.step, r.resolved, new Date(r.due_at).toISOString()])).toEqual([[0, false, '2027-03-05T00:00:00.000Z']]);

    t.clock.set('2027-03-02T23:00:30Z'); // 06.00 WIB
    const [mail] = await mailWith(pelapor.email, subject);
    expect(mail.text).toContain('Yth. Pelapor Lalai, realisasi kinerja Anda untuk Februari 2027 (1 Februari 2027 s.d. 28 Februari 2027) belum dilaporkan.');
    expect(mail.text).toContain('paling lambat 5 Maret 2027');
    const link = `${t.settings.portalBaseUrl.replace(/\/+$/, '')}/skp/realisasi`;
    expect(mail.text).toContain(link);
    expect(mail.html).toContain(`href="${link}"`);

    // Tertib reports February; Pelapor only corrects January: his February reminder stays open.
    const [r1, r2] = [reported(tertib, 2), reported(pelapor, 1)];
    await publishEvents(Topics.appraisalEvaluation, r1, r2);
    await consumed(r1.id, r2.id);
    expect((await reminderOf(tertib.nip)).map((r) => r.resolved)).toEqual([true]);
    expect((await reminderOf(pelapor.nip)).map((r) => r.resolved)).toEqual([false]);

    // The deadline morning: a reminder to Pelapor only.
    t.clock.set('2027-03-05T00:00:30Z');
    await t.app.get(RunReminders).execute();
    const [reminder] = await mailWith(pelapor.email, `[Capaian] Pengingat: Laporan realisasi kinerja Februari 2027 jatuh tempo 5 Maret 2027`);
    expect(reminder.text).toContain('tenggatnya 5 Maret 2027');
    expect((await mailsTo(tertib.email)).filter((m) => m.subject.startsWith('[Capaian] Pengingat'))).toEqual([]);

    // Still nothing 48 hours later: the penilai is told.
    t.clock.advance(2 * DAY + 60_000);
    await t.app.get(RunReminders).execute();
    const [escalation] = await mailWith(penilai.email, '[Capaian] Eskalasi: Pelapor Lalai belum menindaklanjuti tugas');
    expect(escalation.text).toContain('"Laporan realisasi kinerja Februari 2027 jatuh tempo 5 Maret 2027"');
    expect((await reminderOf(pelapor.nip)).map((r) => r.step)).toEqual([2]);

    // Announced only after the deadline morning (an SKP set late): the notice is its own reminder, the ladder goes on from the escalation.
    t.clock.set('2027-04-05T03:00:00Z');
    const late = due(terlambat, 3, 'Maret 2027', '2027-03-01', '2027-03-31', '2027-04-05');
    await publishEvents(Topics.appraisalEvaluation, late);
    await consumed(late.id);
    expect((await reminderOf(terlambat.nip)).map((r) => [r.step, r.resolved])).toEqual([[1, false]]);
    await t.app.get(RunReminders).execute();
    expect((await mailsTo(terlambat.email)).filter((m) => m.subject.startsWith('[Capaian] Pengingat'))).toEqual([]);
  });

  it('a reported realization waits for the penilai\'s feedback: told at once, reminded after 5 days, escalated to the atasan; that period\'s feedback ends it, another period\'s does not, a corrected report replaces it', async () => {
    const menunggu = { nip: freshNip(), name: 'Menunggu Umpan', email: address('menunggu') };
    const dijawab = { nip: freshNip(), name: 'Dijawab Umpan', email: address('dijawab') };
    t.clock.set('2027-05-10T03:00:00Z'); // 10.00 WIB
    for (const p of [menunggu, dijawab]) await hire({ ...p, supervisor: penilai });
    await t.dataSource.query(`UPDATE notification SET read_at = now() WHERE recipient_nip = ANY($1)`, [[menunggu.nip, dijawab.nip]]);
    const skpOf = new Map([menunggu, dijawab].map((p) => [p.nip, randomUUID()]));
    const evaluation = (type: string, p: { nip: string }, period: number) =>
      personnelEvent<EvaluationEventData>(
        type,
        { skpId: skpOf.get(p.nip)!, employeeId: employeeIdOf(p.nip), nip: p.nip, opdCode: 'DISKOMINFO', year: 2027, period, evaluationId: randomUUID(), ratingHasilKerja: null, ratingPerilaku: null, predikat: null, penilaiNip: penilai.nip },
        skpOf.get(p.nip)!,
      );
    const waitingOf = async (p: { nip: string }) =>
      (await t.dataSource.query(
        `SELECT step, resolved_at IS NOT NULL AS resolved, awaited_ref FROM reminder WHERE recipient_nip = $1 AND subject_nip = $2 AND template = 'realisasi-menunggu-umpan-balik' ORDER BY created_at, id`,
        [penilai.nip, p.nip],
      )) as { step: number; resolved: boolean; awaited_ref: string }[];
    const judul = 'Realisasi kinerja Menunggu Umpan periode 4 tahun 2027 menunggu umpan balik Anda';

    const [r1, r2] = [evaluation(RealizationReportedV1, menunggu, 4), evaluation(RealizationReportedV1, dijawab, 4)];
    await publishEvents(Topics.appraisalEvaluation, r1, r2);
    await consumed(r1.id, r2.id);
    const [mail] = await mailWith(penilai.email, `[Capaian] ${judul}`);
    expect(mail.text).toContain(`Menunggu Umpan (NIP ${menunggu.nip}) telah melaporkan realisasi kinerja periode 4 tahun 2027.`);
    expect(mail.text).toContain('berikan umpan balik paling lambat 15 Mei 2027');
    const link = `${t.settings.portalBaseUrl.replace(/\/+$/, '')}/tim/${menunggu.nip}/skp`;
    expect(mail.text).toContain(link);
    expect(mail.html).toContain(`href="${link}"`);
    expect(await waitingOf(menunggu)).toEqual([{ step: 0, resolved: false, awaited_ref: `${skpOf.get(menunggu.nip)}:4` }]);

    // Feedback on Dijawab's period 4 ends his; feedback on Menunggu's period 3 leaves period 4 waiting.
    const [f1, f2] = [evaluation(FeedbackGivenV1, dijawab, 4), evaluation(FeedbackGivenV1, menunggu, 3)];
    await publishEvents(Topics.appraisalEvaluation, f1, f2);
    await consumed(f1.id, f2.id);
    expect((await waitingOf(dijawab)).map((r) => r.resolved)).toEqual([true]);
    expect((await waitingOf(menunggu)).map((r) => r.resolved)).toEqual([false]);

    // Menunggu corrects period 4 a day later: the penilai's earlier notice is replaced, the new one has its own 5 days.
    t.clock.advance(DAY);
    const corrected = evaluation(RealizationReportedV1, menunggu, 4);
    await publishEvents(Topics.appraisalEvaluation, corrected);
    await consumed(corrected.id);
    expect((await waitingOf(menunggu)).map((r) => r.resolved)).toEqual([true, false]);

    // Five days after the correction: one reminder to the penilai, none for Dijawab's answered report.
    t.clock.advance(5 * DAY + 60_000);
    await t.app.get(RunReminders).execute();
    const reminderSubject = '[Capaian] Pengingat: Realisasi kinerja Menunggu Umpan periode 4 tahun 2027 menunggu umpan balik Anda';
    await mailWith(penilai.email, reminderSubject);
    // (The earlier case's realizations wait on this penilai too; only this case's employees count here.)
    const pengingat = (await mailsTo(penilai.email)).filter((m) => /^\[Capaian\] Pengingat: Realisasi kinerja (Menunggu|Dijawab) Umpan /.test(m.subject));
    expect(pengingat.map((m) => m.subject)).toEqual([reminderSubject]);

    // Still no feedback 48 hours later: the atasan of the penilai is told.
    t.clock.advance(2 * DAY + 60_000);
    await t.app.get(RunReminders).execute();
    const escalation = await eventually(async () => {
      const found = (await mailsTo(atasan.email)).filter((m) => m.subject === '[Capaian] Eskalasi: Siti Penilai belum menindaklanjuti tugas' && m.text.includes(`"${judul}"`));
      return found.length > 0 ? found : null;
    }, 120_000);
    expect(escalation).toHaveLength(1);
    expect((await waitingOf(menunggu)).map((r) => r.step)).toEqual([0, 2]);

    // The feedback finally given ends the ladder: no escalation to the admin OPD.
    const late = evaluation(FeedbackGivenV1, menunggu, 4);
    await publishEvents(Topics.appraisalEvaluation, late);
    await consumed(late.id);
    expect((await waitingOf(menunggu)).map((r) => r.resolved)).toEqual([true, true]);
  });
});
