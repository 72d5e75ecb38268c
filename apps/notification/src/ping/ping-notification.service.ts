import { Injectable } from '@nestjs/common';
import type { EventEnvelope, PlatformPingData } from '@capaian/contracts';
import type { EntityManager } from 'typeorm';
import { composePingEmail } from '../email/domain/ping-email';
import { EmailDeliveryService } from '../email/email-delivery.service';
import { InboxService } from '../inbox/inbox.service';

/** What a `capaian.platform.ping.v1` event causes: an in-app notice and/or one e-mail. */
@Injectable()
export class PingNotificationService {
  constructor(
    private readonly inbox: InboxService,
    private readonly email: EmailDeliveryService,
  ) {}

  /** `manager` is the consumer's transaction (the one that records the event in the inbox table). */
  async handle(envelope: EventEnvelope<PlatformPingData>, manager: EntityManager): Promise<void> {
    const { data } = envelope;
    if (data.notifyNip) {
      await this.inbox.add(manager, {
        recipientNip: data.notifyNip,
        kategori: 'platform.ping',
        judul: 'Pesan uji sistem',
        isi: data.message,
        sourceEventId: envelope.id,
      });
    }
    if (data.notifyEmail) {
      await this.email.deliverOnce(
        { id: envelope.id, type: envelope.type },
        composePingEmail({
          to: data.notifyEmail,
          message: data.message,
          eventId: envelope.id,
          correlationId: envelope.correlationid,
          time: envelope.time,
        }),
      );
    }
  }
}
