import { randomUUID } from 'node:crypto';
import { EmployeeHiredV1 } from '@capaian/contracts';
import { eventually } from '@capaian/shared/testing';
import { mailsTo, startNotificationTestApp, type MaildevEmail, type NotificationTestApp } from './notification-test-app';
import { employee, freshNip, personnelEvent, publishPersonnel } from './personnel-fixtures';
import { freePort, startOwnMaildev, type OwnMaildev } from './smtp-sink';

jest.setTimeout(600_000);

/**
 * The mail server is down while 200 events arrive, then comes up: the inbox items appear while it
 * is down (consumption is not held by SMTP), every attempt is recorded, and once it is up every mail
 * arrives exactly once. The mail server is a private maildev on a free port, started by this test;
 * the shared one is never stopped. Scratch database capaian_notification_test_outage.
 */
describe('notification: SMTP outage (real PostgreSQL, Kafka, a private maildev)', () => {
  const EVENTS = 200;
  let t: NotificationTestApp;
  let sink: OwnMaildev | undefined;
  let smtpPort: number;
  let webPort: number;
  const runId = randomUUID().slice(0, 8);
  const penilai = { nip: freshNip(), name: 'Siti Penilai', email: `siti-${runId}@contoh.palembang.go.id` };

  beforeAll(async () => {
    [smtpPort, webPort] = [await freePort(), await freePort()];
    t = await startNotificationTestApp({
      database: 'capaian_notification_test_outage',
      smtp: { port: smtpPort, timeoutMs: 2_000 },
      settings: { DIGEST_THRESHOLD: '1000', DELIVERY_RETRY_MAX_MS: '2000' },
    });
    await t.dataSource.query('TRUNCATE notification, delivery, delivery_attempt, dispatch_issue, personnel_employee, personnel_role, preference, reminder, inbox, outbox CASCADE');
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await sink?.stop();
  });

  it('keeps consuming while SMTP is down and delivers every mail exactly once when it returns', async () => {
    const seed = personnelEvent(EmployeeHiredV1, employee({ ...penilai }), penilai.nip);
    const hires = Array.from({ length: EVENTS }, (_, i) => {
      const nip = freshNip();
      return personnelEvent(EmployeeHiredV1, employee({ nip, name: `Pegawai ${i}`, email: `pegawai-${i}-${runId}@contoh.palembang.go.id`, supervisor: penilai }), nip);
    });
    await publishPersonnel(seed);
    await publishPersonnel(...hires);

    // Every inbox item appears while nothing listens on the SMTP port.
    await eventually(async () => {
      const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM notification WHERE recipient_nip = $1`, [penilai.nip]);
      return n === EVENTS + 1;
    }, 240_000);
    const [{ items }] = await t.dataSource.query(`SELECT count(*)::int AS items FROM notification WHERE source_event_id = ANY($1)`, [hires.map((h) => h.id)]);
    expect(items).toBe(EVENTS * 2);
    const [queue] = await t.dataSource.query(`SELECT count(*)::int AS total, count(*) FILTER (WHERE status = 'sent')::int AS sent FROM delivery`);
    expect(queue).toEqual({ total: EVENTS * 2 + 1, sent: 0 });
    // Attempts are being made and recorded, with the connection refused.
    const [refused] = await eventually(async () => {
      const rows = await t.dataSource.query(`SELECT outcome, error FROM delivery_attempt WHERE outcome = 'retry' LIMIT 1`);
      return rows.length > 0 ? rows : null;
    });
    expect(refused.error).toMatch(/ECONNREFUSED|connect/i);

    sink = await startOwnMaildev(smtpPort, webPort);
    await eventually(async () => {
      const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM delivery WHERE status <> 'sent'`);
      return n === 0;
    }, 240_000);

    const response = await fetch(`${sink.apiUrl}/api/email`);
    // This run's addresses only: nothing else may reach a private server, but it costs nothing to be sure.
    const all = ((await response.json()) as MaildevEmail[]).filter((m) => m.to[0].address.includes(runId));
    expect(all).toHaveLength(EVENTS * 2 + 1);
    for (const [i, hire] of hires.entries()) {
      const own = all.filter((m) => m.to[0].address === `pegawai-${i}-${runId}@contoh.palembang.go.id`);
      expect(own.map((m) => m.headers['x-capaian-event-id'])).toEqual([hire.id]);
    }
    const toPenilai = await mailsTo(penilai.email, sink.apiUrl);
    const eventIds = toPenilai.map((m) => m.headers['x-capaian-event-id']);
    expect(new Set(eventIds).size).toBe(eventIds.length);
    expect(eventIds.sort()).toEqual([seed.id, ...hires.map((h) => h.id)].sort());

    const [attempts] = await t.dataSource.query(
      `SELECT count(*) FILTER (WHERE outcome = 'sent')::int AS sent, count(*) FILTER (WHERE outcome = 'retry')::int AS retries FROM delivery_attempt`,
    );
    expect(attempts.sent).toBe(EVENTS * 2 + 1);
    expect(attempts.retries).toBeGreaterThan(0);
  });
});
