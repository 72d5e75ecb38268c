import { randomUUID } from 'node:crypto';
import { eventually } from '@capaian/shared/testing';
import { createEnvelope, PlatformPingV1, Topics, validateEnvelope, type EventEnvelope, type PlatformPingData } from '@capaian/contracts';
import { eventHeaders, OutboxService, produceRawMessages } from '@capaian/shared/messaging';
import { DEMO_CLIENTS, DEMO_NIP, getClientToken, getToken } from '@capaian/shared/testing';
import request from 'supertest';
import { mailsTo, startNotificationTestApp, type NotificationTestApp } from './notification-test-app';
import { runSubject } from './personnel-fixtures';

// Waits are generous: the shared topic may be flooded by other suites, and the machine shared.
jest.setTimeout(240_000);

/**
 * The notification service end to end on the real servers: PostgreSQL (scratch database
 * capaian_notification_test_ping), Kafka (platform.ping.v1), maildev (SMTP 1025, REST API 1080)
 * and Keycloak tokens.
 */
describe('notification service (real PostgreSQL, Kafka, SMTP, Keycloak)', () => {
  let t: NotificationTestApp;
  const http = () => request(t.app.getHttpServer());
  const runId = randomUUID().slice(0, 8);
  const address = (name: string) => `${name}-${runId}@contoh.palembang.go.id`;

  const ping = (data: PlatformPingData, subject = runSubject('ping')): EventEnvelope<PlatformPingData> =>
    validateEnvelope<PlatformPingData>(createEnvelope({ source: '/capaian/test', type: PlatformPingV1, subject, data }));

  /** Publishes envelopes as a producer would (structured CloudEvents), keyed by subject. */
  const publish = (...envelopes: EventEnvelope<unknown>[]) =>
    produceRawMessages(
      Topics.platformPing,
      envelopes.map((e) => ({ key: e.subject, value: JSON.stringify(e), headers: eventHeaders(e) })),
    );

  /**
   * Sends a marker event after `envelopes` on the same key (hence the same partition, consumed in
   * order) and waits for the marker's mail: then everything before it has been handled, without sleeping.
   */
  const publishThenDrain = async (subject: string, ...envelopes: EventEnvelope<unknown>[]) => {
    const markerAddress = address(`penanda-${randomUUID().slice(0, 6)}`);
    await publish(...envelopes, ping({ message: 'penanda', notifyEmail: markerAddress }, subject));
    await eventually(async () => (await mailsTo(markerAddress)).length === 1, 120_000);
  };

  beforeAll(async () => {
    t = await startNotificationTestApp({ database: 'capaian_notification_test_ping' });
    await t.dataSource.query('TRUNCATE notification, delivery, inbox, outbox CASCADE');
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  describe('platform.ping.v1 → e-mail', () => {
    const to = address('hendra');
    let sent: EventEnvelope<PlatformPingData>;

    it('sends exactly one Indonesian e-mail for an event produced through the outbox', async () => {
      const outbox = t.app.get(OutboxService);
      sent = await t.dataSource.transaction((m) =>
        outbox.enqueue<PlatformPingData>(m, {
          type: PlatformPingV1,
          subject: runSubject('ping'),
          data: { message: 'Uji jalur notifikasi Capaian', notifyEmail: to },
          id: randomUUID(),
        }),
      );

      const [mail] = await eventually(async () => {
        const mails = await mailsTo(to);
        return mails.length > 0 ? mails : null;
      }, 120_000);
      expect(mail.subject).toBe('[Capaian] Pesan uji sistem: Uji jalur notifikasi Capaian');
      expect(mail.from[0]).toEqual({ address: 'noreply@capaian.palembang.go.id', name: 'Capaian Kota Palembang' });
      expect(mail.text).toContain('Yth. Bapak/Ibu,');
      expect(mail.text).toContain('Uji jalur notifikasi Capaian');
      expect(mail.text).toContain(`ID peristiwa   : ${sent.id}`);
      expect(mail.headers['x-capaian-event-id']).toBe(sent.id);

      const [row] = await eventually(async () => {
        const rows = await t.dataSource.query(`SELECT * FROM delivery WHERE event_id = $1 AND status = 'sent'`, [sent.id]);
        return rows.length > 0 ? rows : null;
      });
      expect(row).toMatchObject({ channel: 'email', address: to, status: 'sent', attempts: 1, event_type: PlatformPingV1 });
      const attempts = await t.dataSource.query(`SELECT attempt, outcome FROM delivery_attempt WHERE delivery_id = $1`, [row.id]);
      expect(attempts).toEqual([{ attempt: 1, outcome: 'sent' }]);
      // The SMTP message id recorded is the one the mail really carries.
      expect(row.message_id).toMatch(/^<.+@capaian\.palembang\.go\.id>$/);
      expect(mail.headers['message-id']).toBe(row.message_id);
    });

    it('a redelivered event (twice more) sends no second e-mail', async () => {
      await publishThenDrain(sent.subject, sent, sent);
      expect(await mailsTo(to)).toHaveLength(1);
      const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM inbox WHERE event_id = $1`, [sent.id]);
      expect(n).toBe(1);
    });

    it('even with its inbox record lost, the (event, recipient, channel) key prevents a second e-mail', async () => {
      await t.dataSource.query(`DELETE FROM inbox WHERE event_id = $1`, [sent.id]);
      await publishThenDrain(sent.subject, sent);
      expect(await mailsTo(to)).toHaveLength(1);
      const [row] = await t.dataSource.query(`SELECT status, attempts FROM delivery WHERE event_id = $1`, [sent.id]);
      expect(row).toEqual({ status: 'sent', attempts: 1 });
    });

    it('a ping without notifyEmail sends nothing and records no delivery', async () => {
      const silent = ping({ message: 'tanpa e-mail' });
      await publishThenDrain(silent.subject, silent);
      const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM delivery WHERE event_id = $1`, [silent.id]);
      expect(n).toBe(0);
      const [{ seen }] = await t.dataSource.query(`SELECT count(*)::int AS seen FROM inbox WHERE event_id = $1`, [silent.id]);
      expect(seen).toBe(1);
    });
  });

  describe('in-app inbox', () => {
    let dimas: string;
    let hendra: string;
    let noticeId: string;

    beforeAll(async () => {
      [dimas, hendra] = await Promise.all([getToken(DEMO_NIP.dimas), getToken(DEMO_NIP.hendra)]);
      const forDimas = ping({ message: `Pesan untuk Dimas ${runId}`, notifyNip: DEMO_NIP.dimas });
      await publishThenDrain(forDimas.subject, forDimas, forDimas);
      const [row] = await t.dataSource.query(`SELECT id FROM notification WHERE source_event_id = $1`, [forDimas.id]);
      noticeId = row.id;
    }, 60_000);

    it("shows the caller's own notices only, once per event, newest first", async () => {
      const mine = await http().get('/api/v1/notification/inbox').set('authorization', `Bearer ${dimas}`).expect(200);
      expect(mine.body).toMatchObject({ page: 1, size: 20, total: 1, belumDibaca: 1 });
      expect(mine.body.items[0]).toMatchObject({ id: noticeId, kategori: 'platform.ping', judul: 'Pesan uji sistem', isi: `Pesan untuk Dimas ${runId}`, dibacaPada: null });

      const theirs = await http().get('/api/v1/notification/inbox').set('authorization', `Bearer ${hendra}`).expect(200);
      expect(theirs.body.items.map((n: { id: string }) => n.id)).not.toContain(noticeId);
    });

    it("marks a notice read idempotently; another employee's notice is a 404", async () => {
      const other = await http().post(`/api/v1/notification/inbox/${noticeId}/read`).set('authorization', `Bearer ${hendra}`).expect(404);
      expect(other.body.code).toBe('NOTIFIKASI_TIDAK_DITEMUKAN');
      const [{ read_at }] = await t.dataSource.query(`SELECT read_at FROM notification WHERE id = $1`, [noticeId]);
      expect(read_at).toBeNull();

      const first = await http().post(`/api/v1/notification/inbox/${noticeId}/read`).set('authorization', `Bearer ${dimas}`).expect(200);
      expect(first.body.dibacaPada).toEqual(expect.any(String));
      const again = await http().post(`/api/v1/notification/inbox/${noticeId}/read`).set('authorization', `Bearer ${dimas}`).expect(200);
      expect(again.body.dibacaPada).toBe(first.body.dibacaPada);

      const unread = await http().get('/api/v1/notification/inbox?belumDibaca=true').set('authorization', `Bearer ${dimas}`).expect(200);
      expect(unread.body).toMatchObject({ total: 0, belumDibaca: 0, items: [] });
    });

    it('rejects bad input and callers without a NIP with problem+json', async () => {
      const badId = await http().post('/api/v1/notification/inbox/bukan-uuid/read').set('authorization', `Bearer ${dimas}`).expect(400);
      expect(badId.body.code).toBe('ID_TIDAK_VALID');
      const missing = await http().post(`/api/v1/notification/inbox/${randomUUID()}/read`).set('authorization', `Bearer ${dimas}`).expect(404);
      expect(missing.headers['content-type']).toContain('application/problem+json');
      const badPage = await http().get('/api/v1/notification/inbox?size=0&belumDibaca=ya').set('authorization', `Bearer ${dimas}`).expect(400);
      expect(badPage.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['belumDibaca', 'size']);

      const reader = await getClientToken(DEMO_CLIENTS.sipdReader.clientId, DEMO_CLIENTS.sipdReader.secret);
      const noNip = await http().get('/api/v1/notification/inbox').set('authorization', `Bearer ${reader}`).expect(403);
      expect(noNip.body.code).toBe('NIP_TIDAK_ADA');
      await http().get('/api/v1/notification/inbox').expect(401);
    });
  });
});
