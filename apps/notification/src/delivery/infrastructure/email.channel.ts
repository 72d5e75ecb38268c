import { Inject, Injectable } from '@nestjs/common';
import { MAIL_SENDER, type MailSender } from '../../email/domain/email-message';
import { isPermanentSmtpFailure, type DeliveryChannel, type QueuedMessage, type SendOutcome } from '../domain/channel';

/** E-mail through SMTP: the queued subject and bodies as they were rendered when the event arrived. */
@Injectable()
export class EmailChannel implements DeliveryChannel {
  readonly name = 'email' as const;

  constructor(@Inject(MAIL_SENDER) private readonly sender: MailSender) {}

  async send(message: QueuedMessage): Promise<SendOutcome> {
    try {
      const { messageId } = await this.sender.send({ to: message.address, subject: message.subject, text: message.bodyText, html: message.bodyHtml, headers: message.headers });
      return { ok: true, externalId: messageId };
    } catch (error) {
      const e = error as { message?: string; responseCode?: unknown; code?: unknown; command?: unknown };
      return { ok: false, permanent: isPermanentSmtpFailure(e), error: String(e?.message ?? error).slice(0, 2000) };
    }
  }
}
