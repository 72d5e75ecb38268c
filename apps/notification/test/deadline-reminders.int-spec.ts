import { randomUUID } from 'node:crypto';
import {
  EvaluationRatedV1,
  PlanningDueV1,
  RatingDueV1,
  SkpSubmittedV1,
  Topics,
  type EvaluationEventData,
  type PlanningDueEventData,
  type RatingDueEventData,
  type SkpEventData,
} from '@capaian/contracts';
import { ladderFixtures } from './ladder-fixtures';
import { mailsTo, startNotificationTestApp, type NotificationTestApp } from './notification-test-app';
import { employeeIdOf, freshNip, OPD_DISKOMINFO, personnelEvent, publishEvents, publishPersonnel, roleGranted } from './personnel-fixtures';
import { RunReminders } from '../src/reminders/use-cases/run-reminders';

jest.setTimeout(240_000);

const DAY = 24 * 3_600_000;

/**
 * Appraisal's two announcements as notification reacts to them, with the clock moved by the test:
 * "plan your SKP" (`planning-due`) tells the employee and climbs the ladder from the planning deadline
 * until a submission of that year; "a rating waits for you" (`rating-due`) tells the SKP's penilai
 * and climbs a ladder that ends before the rating deadline, until that SKP is rated. Real PostgreSQL
 * (a per-run scratch database), Kafka and the SMTP sink; only this run's Message-IDs are counted.
 */
describe('notification: planning-due and rating-due reminders (real PostgreSQL, Kafka, SMTP)', () => {
  let t: NotificationTestApp;
  const { address, atasan, penilai, adminOpd, consumed, mailWith, hire } = ladderFixtures(() => t);
  const reminderOf = async (subjectNip: string, template: string) =>
    (await t.dataSource.query(`SELECT recipient_nip, step, resolved_at IS NOT NULL AS resolved, due_at FROM reminder WHERE subject_nip = $1 AND template = $2`, [subjectNip, template])) as {
      recipient_nip: string;
      step: number;
      resolved: boolean;
      due_at: Date;
    }[];
  /** Only the notices under test are in play: the welcome notices and "SKP submitted" notices are answered. */
  const answerAllBut = (templates: string[]) =>
    t.dataSource.query(`UPDATE reminder SET resolved_at = now() WHERE resolved_at IS NULL AND template <> ALL($1)`, [templates]);

  beforeAll(async () => {
    t = await startNotificationTestApp({ database: 'capaian_notification_test_deadlines', settings: { ESCALATE_AFTER_HOURS: '48' } });
    t.clock.set('2027-01-20T03:00:00Z');
    await hire(atasan);
    await hire({ ...penilai, supervisor: atasan });
    await hire({ ...adminOpd, supervisor: atasan });
    const role = roleGranted(adminOpd.nip, 'admin-opd', OPD_DISKOMINFO);
    await publishPersonnel(role);
    await consumed(role.id);
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  it('planning due: the employee is told at once, reminded on the deadline morning, escalated to the penilai then the admin OPD; a submission of that year ends it, of another year does not', async () => {
    const lalai = { nip: freshNip(), name: 'Perencana Lalai', email: address('perencana') };
    const tertib = { nip: freshNip(), name: 'Perencana Tertib', email: address('tertib') };
    for (const p of [lalai, tertib]) await hire({ ...p, supervisor: penilai });
    const due = (p: { nip: string }) =>
      personnelEvent<PlanningDueEventData>(
        PlanningDueV1,
        { employeeId: employeeIdOf(p.nip), nip: p.nip, opdCode: 'DISKOMINFO', year: 2027, planningDeadline: '2027-01-31', penilaiNip: penilai.nip, atasanPenilaiNip: atasan.nip },
        p.nip,
      );
    const submitted = (p: { nip: string }, year: number) => {
      const skpId = randomUUID();
      return personnelEvent<SkpEventData>(
        SkpSubmittedV1,
        { skpId, lineageId: skpId, version: 1, employeeId: employeeIdOf(p.nip), nip: p.nip, opdCode: 'DISKOMINFO', year, startDate: `${year}-01-01`, endDate: `${year}-12-31`, status: 'DIAJUKAN', penilaiNip: penilai.nip, reason: null },
        skpId,
      );
    };
    const subject = '[Capaian] SKP tahun 2027 Anda belum diajukan: batas perencanaan 31 Januari 2027';

    // Appraisal announces on 24 January, 10.00 WIB (7 days before DISKOMINFO's deadline).
    t.clock.set('2027-01-24T03:00:00Z');
    const [dueLalai, dueTertib] = [due(lalai), due(tertib)];
    await publishEvents(Topics.appraisalSkp, dueLalai, dueTertib);
    await consumed(dueLalai.id, dueTertib.id);
    const [mail] = await mailWith(lalai.email, subject);
    expect(mail.text).toContain('Yth. Perencana Lalai, Anda belum mengajukan SKP tahun 2027 kepada pejabat penilai.');
    expect(mail.text).toContain('paling lambat 31 Januari 2027');
    const link = `${t.settings.portalBaseUrl.replace(/\/+$/, '')}/skp`;
    expect(mail.html).toContain(`href="${link}"`);
    expect((await reminderOf(lalai.nip, 'skp-perencanaan')).map((r) => [r.recipient_nip, r.step, r.resolved, new Date(r.due_at).toISOString()])).toEqual([
      [lalai.nip, 0, false, '2027-01-31T00:00:00.000Z'], // 07.00 WIB on the deadline day
    ]);

    // Tertib submits his 2027 SKP; Lalai only submits a late 2026 one: his 2027 reminder stays open.
    const [s1, s2] = [submitted(tertib, 2027), submitted(lalai, 2026)];
    await publishEvents(Topics.appraisalSkp, s1, s2);
    await consumed(s1.id, s2.id);
    expect((await reminderOf(tertib.nip, 'skp-perencanaan')).map((r) => r.resolved)).toEqual([true]);
    expect((await reminderOf(lalai.nip, 'skp-perencanaan')).map((r) => r.resolved)).toEqual([false]);
    await answerAllBut(['skp-perencanaan']);

    // The deadline morning: a reminder to Lalai only.
    t.clock.set('2027-01-31T00:00:30Z');
    await t.app.get(RunReminders).execute();
    await mailWith(lalai.email, `[Capaian] Pengingat: SKP tahun 2027 Anda belum diajukan: batas perencanaan 31 Januari 2027`);
    expect((await mailsTo(tertib.email)).filter((m) => m.subject.startsWith('[Capaian] Pengingat'))).toEqual([]);

    t.clock.advance(2 * DAY + 60_000);
    await t.app.get(RunReminders).execute();
    const [toPenilai] = await mailWith(penilai.email, '[Capaian] Eskalasi: Perencana Lalai belum menindaklanjuti tugas');
    expect(toPenilai.text).toContain('"SKP tahun 2027 Anda belum diajukan: batas perencanaan 31 Januari 2027"');

    t.clock.advance(2 * DAY + 60_000);
    await t.app.get(RunReminders).execute();
    await mailWith(adminOpd.email, '[Capaian] Eskalasi ke admin OPD: Perencana Lalai');
    expect((await reminderOf(lalai.nip, 'skp-perencanaan')).map((r) => [r.step, r.resolved])).toEqual([[3, true]]);

    // Rerunning the job (another replica, the next slots) tells nobody twice.
    t.clock.advance(DAY);
    await t.app.get(RunReminders).execute();
    expect((await mailsTo(lalai.email)).filter((m) => m.subject === subject)).toHaveLength(1);
    expect((await mailsTo(lalai.email)).filter((m) => m.subject.startsWith('[Capaian] Pengingat'))).toHaveLength(1);
    expect((await mailsTo(penilai.email)).filter((m) => m.subject.startsWith('[Capaian] Eskalasi: Perencana Lalai'))).toHaveLength(1);
    expect((await mailsTo(adminOpd.email)).filter((m) => m.subject.includes('Perencana Lalai'))).toHaveLength(1);
  });

  it('rating due: the SKP\'s penilai is told, reminded 5 days before the rating deadline, escalated to her own penilai and the admin OPD before the deadline; that SKP\'s rating ends it, another SKP\'s does not', async () => {
    const dinilai = { nip: freshNip(), name: 'Dinilai Menunggu', email: address('dinilai') };
    const sudah = { nip: freshNip(), name: 'Dinilai Sudah', email: address('sudah') };
    t.clock.set('2028-01-10T03:00:00Z');
    for (const p of [dinilai, sudah]) await hire({ ...p, supervisor: penilai });
    const skpOf = new Map([dinilai, sudah].map((p) => [p.nip, randomUUID()]));
    const due = (p: { nip: string }) =>
      personnelEvent<RatingDueEventData>(
        RatingDueV1,
        {
          skpId: skpOf.get(p.nip)!,
          employeeId: employeeIdOf(p.nip),
          nip: p.nip,
          opdCode: 'DISKOMINFO',
          year: 2027,
          startDate: '2027-01-01',
          endDate: '2027-12-31',
          penilaiNip: penilai.nip,
          atasanPenilaiNip: atasan.nip,
          ratingDeadline: '2028-01-31',
        },
        skpOf.get(p.nip)!,
      );
    const rated = (p: { nip: string }, skpId: string) =>
      personnelEvent<EvaluationEventData>(
        EvaluationRatedV1,
        { skpId, employeeId: employeeIdOf(p.nip), nip: p.nip, opdCode: 'DISKOMINFO', year: 2027, period: null, evaluationId: randomUUID(), ratingHasilKerja: 'SESUAI', ratingPerilaku: 'SESUAI', predikat: 'BAIK', penilaiNip: penilai.nip },
        skpId,
      );

    // Appraisal announces on 17 January, 10.00 WIB (14 days before the rating deadline).
    t.clock.set('2028-01-17T03:00:00Z');
    const [dueDinilai, dueSudah] = [due(dinilai), due(sudah)];
    await publishEvents(Topics.appraisalEvaluation, dueDinilai, dueSudah);
    await consumed(dueDinilai.id, dueSudah.id);
    const [mail] = await mailWith(penilai.email, '[Capaian] Penilaian kinerja Dinilai Menunggu tahun 2027 menunggu Anda');
    expect(mail.text).toContain('SKP Dinilai Menunggu (NIP');
    expect(mail.text).toContain('periode 1 Januari 2027 s.d. 31 Desember 2027 siap dinilai');
    expect(mail.text).toContain('paling lambat 31 Januari 2028');
    const link = `${t.settings.portalBaseUrl.replace(/\/+$/, '')}/skp/${skpOf.get(dinilai.nip)}`;
    expect(mail.html).toContain(`href="${link}"`);
    expect((await mailsTo(dinilai.email)).filter((m) => m.subject.includes('Penilaian kinerja'))).toEqual([]); // the penilai's task, not the employee's
    expect((await reminderOf(dinilai.nip, 'penilaian-menunggu')).map((r) => [r.recipient_nip, r.step, r.resolved, new Date(r.due_at).toISOString()])).toEqual([
      [penilai.nip, 0, false, '2028-01-26T00:00:00.000Z'], // 07.00 WIB five days before the deadline
    ]);

    // Siti rates Sudah; a rating of another SKP of Dinilai's (an earlier position) leaves his open.
    const [r1, r2] = [rated(sudah, skpOf.get(sudah.nip)!), rated(dinilai, randomUUID())];
    await publishEvents(Topics.appraisalEvaluation, r1, r2);
    await consumed(r1.id, r2.id);
    expect((await reminderOf(sudah.nip, 'penilaian-menunggu')).map((r) => r.resolved)).toEqual([true]);
    expect((await reminderOf(dinilai.nip, 'penilaian-menunggu')).map((r) => r.resolved)).toEqual([false]);
    await answerAllBut(['penilaian-menunggu']);

    const deadlineEnds = Date.parse('2028-01-31T17:00:00Z'); // 24.00 WIB on the deadline day
    t.clock.set('2028-01-26T00:00:30Z');
    await t.app.get(RunReminders).execute();
    await mailWith(penilai.email, '[Capaian] Pengingat: Penilaian kinerja Dinilai Menunggu tahun 2027 menunggu Anda');

    t.clock.advance(2 * DAY + 60_000);
    await t.app.get(RunReminders).execute();
    const [toAtasan] = await mailWith(atasan.email, '[Capaian] Eskalasi: Siti Penilai belum menindaklanjuti tugas');
    expect(toAtasan.text).toContain('"Penilaian kinerja Dinilai Menunggu tahun 2027 menunggu Anda"');

    t.clock.advance(2 * DAY + 60_000);
    expect(t.clock.now().getTime()).toBeLessThan(deadlineEnds);
    await t.app.get(RunReminders).execute();
    await mailWith(adminOpd.email, '[Capaian] Eskalasi ke admin OPD: Siti Penilai');
    // The ladder is over before the deadline: nothing is left to run after it.
    expect((await reminderOf(dinilai.nip, 'penilaian-menunggu')).map((r) => [r.step, r.resolved])).toEqual([[3, true]]);
    expect((await mailsTo(penilai.email)).filter((m) => m.subject.includes('Penilaian kinerja Dinilai Sudah'))).toHaveLength(1); // told once, never reminded
    expect((await mailsTo(penilai.email)).filter((m) => m.subject.includes('Penilaian kinerja Dinilai Menunggu'))).toHaveLength(2); // the notice and one reminder
  });

  it('rating due announced late (the last feedback given the day before the deadline): the penilai is told, but no escalation runs after the rating deadline', async () => {
    const terlambat = { nip: freshNip(), name: 'Dinilai Terlambat', email: address('terlambat') };
    t.clock.set('2028-01-29T03:00:00Z');
    await hire({ ...terlambat, supervisor: penilai });
    await answerAllBut(['penilaian-menunggu']);
    const skpId = randomUUID();
    t.clock.set('2028-01-30T03:00:00Z'); // 10.00 WIB, the day before the deadline
    const late = personnelEvent<RatingDueEventData>(
      RatingDueV1,
      {
        skpId,
        employeeId: employeeIdOf(terlambat.nip),
        nip: terlambat.nip,
        opdCode: 'DISKOMINFO',
        year: 2027,
        startDate: '2027-01-01',
        endDate: '2027-12-31',
        penilaiNip: penilai.nip,
        atasanPenilaiNip: atasan.nip,
        ratingDeadline: '2028-01-31',
      },
      skpId,
    );
    await publishEvents(Topics.appraisalEvaluation, late);
    await consumed(late.id);
    await mailWith(penilai.email, '[Capaian] Penilaian kinerja Dinilai Terlambat tahun 2027 menunggu Anda');
    // The notice is its own reminder: the ladder would go on to the atasan 48 hours later, on 1 February.
    expect((await reminderOf(terlambat.nip, 'penilaian-menunggu')).map((r) => [r.step, r.resolved])).toEqual([[1, false]]);
    t.clock.set('2028-02-01T03:01:00Z');
    await t.app.get(RunReminders).execute();
    expect((await reminderOf(terlambat.nip, 'penilaian-menunggu')).map((r) => [r.step, r.resolved])).toEqual([[1, true]]);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM notification WHERE kategori = 'pengingat' AND isi LIKE $1`, ['%Dinilai Terlambat%']);
    expect(n).toBe(0);
  });
});
