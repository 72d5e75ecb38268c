import { Inject, Injectable } from '@nestjs/common';
import type { EventEnvelope, PlatformPingData } from '@capaian/contracts';
import type { EntityManager } from 'typeorm';
import { CLOCK, type Clock } from '../clock/clock';
import { EVENT_FILTER, type EventFilter } from '../core.module';
import { firstSendableTime } from '../delivery/domain/schedule';
import { DeliveryRepository } from '../delivery/infrastructure/delivery.repository';
import { composePingEmail } from '../email/domain/ping-email';
import { InboxRepository } from '../inbox/infrastructure/inbox.repository';
import { NOTIFICATION_SETTINGS, type NotificationSettings } from '../notification.config';

/**
 * What a `capaian.platform.ping.v1` event causes: an in-app notice for `notifyNip` and/or one queued
 * e-mail to `notifyEmail` (an address, not a person of the directory: operators check the pipeline
 * with it). Both are written in the consumer's transaction; the worker sends the mail.
 */
@Injectable()
export class PingNotificationService {
  constructor(
    private readonly inbox: InboxRepository,
    private readonly deliveries: DeliveryRepository,
    @Inject(NOTIFICATION_SETTINGS) private readonly settings: NotificationSettings,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(EVENT_FILTER) private readonly accepts: EventFilter,
  ) {}

  async handle(envelope: EventEnvelope<PlatformPingData>, m: EntityManager): Promise<void> {
    if (!this.accepts(envelope)) return;
    const { data } = envelope;
    const now = this.clock.now();
    if (data.notifyNip) {
      await this.inbox.add(m, {
        recipientNip: data.notifyNip,
        kategori: 'platform.ping',
        judul: 'Pesan uji sistem',
        isi: data.message,
        tautan: null,
        sourceEventId: envelope.id,
        opdId: null,
        mandatory: true,
        createdAt: now,
      });
    }
    if (data.notifyEmail) {
      const mail = composePingEmail({ to: data.notifyEmail, message: data.message, eventId: envelope.id, correlationId: envelope.correlationid, time: envelope.time });
      await this.deliveries.enqueue(m, {
        eventId: envelope.id,
        eventType: envelope.type,
        kategori: 'platform.ping',
        channel: 'email',
        recipientKey: data.notifyEmail.toLowerCase(),
        recipientNip: data.notifyNip ?? null,
        opdId: null,
        address: mail.to,
        subject: mail.subject,
        bodyText: mail.text,
        bodyHtml: mail.html,
        headers: mail.headers,
        mandatory: true,
        status: 'pending',
        nextAttemptAt: firstSendableTime(now, this.settings.quietHours),
        createdAt: now,
      });
    }
  }
}
