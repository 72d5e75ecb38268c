import { type DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from '@capaian/shared/auth';
import { loadSmtpConfig, type ServiceConfig, type SmtpConfig } from '@capaian/shared/config';
import { PlatformHttpModule } from '@capaian/shared/http';
import { MessagingModule } from '@capaian/shared/messaging';
import { IdempotencyModule, PersistenceModule } from '@capaian/shared/persistence';
import { notificationDataSourceOptions } from './data-source';
import { MAIL_SENDER, type MailSender } from './email/domain/email-message';
import { EmailDeliveryService } from './email/email-delivery.service';
import { SmtpMailSender } from './email/infrastructure/smtp-mail-sender';
import { InboxHttpController } from './inbox/inbox.http.controller';
import { InboxService } from './inbox/inbox.service';
import { PingNotificationService } from './ping/ping-notification.service';
import { PlatformPingMessageController } from './ping/platform-ping.message.controller';

export const NOTIFICATION_EVENT_SOURCE = '/capaian/notification';

export interface NotificationModuleOptions {
  /** Default: loadSmtpConfig() from the environment. */
  smtp?: SmtpConfig;
  /** Replaces the SMTP sender (unit tests only; integration tests use the real maildev). */
  mailSender?: MailSender;
}

@Module({})
export class AppModule {
  static forRoot(config: ServiceConfig, options: NotificationModuleOptions = {}): DynamicModule {
    const smtp = options.smtp ?? loadSmtpConfig();
    return {
      module: AppModule,
      imports: [
        PlatformHttpModule,
        PersistenceModule.forRoot(notificationDataSourceOptions(config)),
        IdempotencyModule,
        MessagingModule.forRoot({ config, source: NOTIFICATION_EVENT_SOURCE }),
        AuthModule.forRoot(config.auth, config.service),
      ],
      controllers: [InboxHttpController, PlatformPingMessageController],
      providers: [
        options.mailSender ? { provide: MAIL_SENDER, useValue: options.mailSender } : { provide: MAIL_SENDER, useFactory: () => new SmtpMailSender(smtp) },
        EmailDeliveryService,
        InboxService,
        PingNotificationService,
      ],
    };
  }
}
