import { type DynamicModule, Module } from '@nestjs/common';
import type { SmtpConfig } from '@capaian/shared/config';
import { MAIL_SENDER, type MailSender } from '../email/domain/email-message';
import { SmtpMailSender } from '../email/infrastructure/smtp-mail-sender';
import { DELIVERY_CHANNELS } from './domain/channel';
import { DeliveryWorker, DELIVERY_WORKER_AUTOSTART } from './delivery.worker';
import { EmailChannel } from './infrastructure/email.channel';

/** The queue's sending side: the channels and the worker. */
@Module({})
export class DeliveryModule {
  static forRoot(options: { smtp: SmtpConfig; mailSender?: MailSender; autostart: boolean }): DynamicModule {
    return {
      module: DeliveryModule,
      providers: [
        options.mailSender ? { provide: MAIL_SENDER, useValue: options.mailSender } : { provide: MAIL_SENDER, useFactory: () => new SmtpMailSender(options.smtp) },
        EmailChannel,
        { provide: DELIVERY_CHANNELS, useFactory: (email: EmailChannel) => [email], inject: [EmailChannel] },
        { provide: DELIVERY_WORKER_AUTOSTART, useValue: options.autostart },
        DeliveryWorker,
      ],
      exports: [DeliveryWorker],
    };
  }
}
