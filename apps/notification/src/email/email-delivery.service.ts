import { Inject, Injectable, Logger } from '@nestjs/common';
import { MetricsService } from '@capaian/shared/http';
import { DataSource } from 'typeorm';
import { MAIL_SENDER, type EmailMessage, type MailSender } from './domain/email-message';
import { DeliveryEntity } from './infrastructure/delivery.entity';

export type DeliveryOutcome = { outcome: 'sent'; messageId: string } | { outcome: 'duplicate'; messageId: string | null };

export class EmailDeliveryFailedError extends Error {
  constructor(
    readonly eventId: string,
    readonly attempts: number,
    cause: unknown,
  ) {
    super(`e-mail for event ${eventId} failed (attempt ${attempts}): ${(cause as Error)?.message ?? String(cause)}`, { cause });
    this.name = 'EmailDeliveryFailedError';
  }
}

/**
 * Sends an event's e-mail at most once per (event id, channel), even when the event is delivered
 * again or by two consumers at once after a rebalance:
 *  1. the delivery row is created (or found) and locked `FOR UPDATE`, so a concurrent duplicate waits;
 *  2. a row already `sent` means a previous delivery succeeded: nothing is sent;
 *  3. otherwise the mail goes out and the row becomes `sent` with the SMTP message id, in the same
 *     transaction that holds the lock.
 * A failed send is recorded (`failed`, attempts + 1, the error) and committed, then rethrown so the
 * consumer's bounded retry and dead-letter policy decide what happens next.
 * A crash between SMTP accepting the mail and the commit leaves no `sent` row, so the redelivery sends
 * again: at-least-once in that narrow window, which beats losing a notice.
 */
@Injectable()
export class EmailDeliveryService {
  private readonly logger = new Logger(EmailDeliveryService.name);

  constructor(
    private readonly dataSource: DataSource,
    @Inject(MAIL_SENDER) private readonly sender: MailSender,
    private readonly metrics: MetricsService,
  ) {}

  async deliverOnce(event: { id: string; type: string }, message: EmailMessage): Promise<DeliveryOutcome> {
    const counter = this.metrics.counter('notification_email_deliveries_total', 'E-mail deliveries by outcome', ['outcome']);
    const result = await this.dataSource.transaction(async (manager) => {
      await manager
        .createQueryBuilder()
        .insert()
        .into(DeliveryEntity)
        .values({
          eventId: event.id,
          eventType: event.type,
          channel: 'email',
          recipient: message.to,
          subject: message.subject,
          status: 'pending',
          attempts: 0,
        })
        .orIgnore()
        .execute();
      const row = await manager
        .getRepository(DeliveryEntity)
        .createQueryBuilder('d')
        .setLock('pessimistic_write')
        .where('d.event_id = :eventId AND d.channel = :channel', { eventId: event.id, channel: 'email' })
        .getOneOrFail();
      if (row.status === 'sent') return { outcome: 'duplicate' as const, messageId: row.messageId };

      const attempts = row.attempts + 1;
      try {
        const { messageId } = await this.sender.send(message);
        await manager.update(DeliveryEntity, { id: row.id }, { status: 'sent', attempts, messageId, sentAt: new Date(), lastError: null });
        return { outcome: 'sent' as const, messageId };
      } catch (error) {
        await manager.update(DeliveryEntity, { id: row.id }, { status: 'failed', attempts, lastError: String((error as Error)?.message ?? error).slice(0, 2000) });
        return { outcome: 'failed' as const, error, attempts };
      }
    });

    counter.inc({ outcome: result.outcome });
    if (result.outcome === 'failed') throw new EmailDeliveryFailedError(event.id, result.attempts, result.error);
    if (result.outcome === 'duplicate') this.logger.log({ msg: 'e-mail already sent for this event; skipped', eventId: event.id });
    return result;
  }
}
