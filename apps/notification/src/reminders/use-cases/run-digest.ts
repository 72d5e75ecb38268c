import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { CLOCK, type Clock } from '../../clock/clock';
import { composeDigestEmail } from '../../dispatch/domain/email-layout';
import { formatTanggalWib } from '../../dispatch/domain/format';
import { firstSendableTime, wibTimeOnDay } from '../../delivery/domain/schedule';
import { DeliveryRepository } from '../../delivery/infrastructure/delivery.repository';
import { NOTIFICATION_SETTINGS, type NotificationSettings } from '../../notification.config';

export const DIGEST_EVENT_TYPE = 'capaian.notification.digest';

/**
 * The daily digest: optional mails held back because a person already had many that day are sent
 * as one mail per person, once the digest hour (WIB) has come. Held rows are locked (SKIP LOCKED)
 * and marked `digested` in the transaction that queues the digest, keyed `digest:<day>:<recipient>`.
 */
@Injectable()
export class RunDigest {
  constructor(
    private readonly dataSource: DataSource,
    private readonly deliveries: DeliveryRepository,
    @Inject(NOTIFICATION_SETTINGS) private readonly settings: NotificationSettings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** In its own transaction (tests, manual runs); returns how many digests were queued. */
  execute(): Promise<number> {
    return this.dataSource.transaction((m) => this.run(m));
  }

  /** In the caller's transaction (the scheduler's daily run). */
  async run(m: EntityManager): Promise<number> {
    const now = this.clock.now();
    const digestTime = wibTimeOnDay(now, this.settings.digestHour);
    if (now < digestTime) return 0;
    // Everything held before today's digest time goes into today's digest.
    const held = await this.deliveries.lockDigestHeld(m, digestTime);
    const byRecipient = new Map<string, typeof held>();
    for (const row of held) byRecipient.set(row.recipient_key, [...(byRecipient.get(row.recipient_key) ?? []), row]);
    const dateLabel = formatTanggalWib(now);
    for (const [recipientKey, rows] of byRecipient) {
      const eventId = `digest:${digestTime.toISOString().slice(0, 10)}:${recipientKey}`;
      const mail = composeDigestEmail({
        to: rows[0].address,
        dateLabel,
        items: rows.map((r) => ({ judul: r.subject.replace(/^\[Capaian\] /, ''), tautan: r.tautan ?? '/notifikasi' })),
        portalBaseUrl: this.settings.portalBaseUrl,
      });
      await this.deliveries.enqueue(m, {
        eventId,
        eventType: DIGEST_EVENT_TYPE,
        kategori: 'ringkasan',
        channel: 'email',
        recipientKey,
        recipientNip: rows[0].recipient_nip,
        opdId: rows[0].opd_id,
        address: mail.to,
        subject: mail.subject,
        bodyText: mail.text,
        bodyHtml: mail.html,
        headers: { ...mail.headers, 'X-Capaian-Event-Id': eventId },
        mandatory: true,
        status: 'pending',
        nextAttemptAt: firstSendableTime(now, this.settings.quietHours),
        createdAt: now,
      });
      await this.deliveries.markDigested(m, rows.map((r) => r.id), eventId);
    }
    return byRecipient.size;
  }
}
