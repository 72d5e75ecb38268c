import { type DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from '@capaian/shared/auth';
import { loadSmtpConfig, type ServiceConfig, type SmtpConfig } from '@capaian/shared/config';
import { PlatformHttpModule } from '@capaian/shared/http';
import { MessagingModule } from '@capaian/shared/messaging';
import { IdempotencyModule, PersistenceModule } from '@capaian/shared/persistence';
import { PersonnelProjectionMessageController } from '@capaian/shared/projection';
import { SchedulingModule } from '@capaian/shared/scheduling';
import { systemClock, type Clock } from './clock/clock';
import { NotificationCoreModule, type EventFilter } from './core.module';
import { notificationDataSourceOptions } from './data-source';
import { DeliveryModule } from './delivery/delivery.module';
import { DispatchModule } from './dispatch/dispatch.module';
import type { MailSender } from './email/domain/email-message';
import { InboxModule } from './inbox/inbox.module';
import { loadNotificationSettings, type NotificationSettings } from './notification.config';
import { PreferencesModule } from './preferences/preferences.module';
import { RemindersModule } from './reminders/reminders.module';
import { StatisticsModule } from './statistics/statistics.module';

export const NOTIFICATION_EVENT_SOURCE = '/capaian/notification';

export interface NotificationModuleOptions {
  /** Default: loadSmtpConfig() from the environment. */
  smtp?: SmtpConfig;
  /** Replaces the SMTP sender (unit tests only; integration tests use a real SMTP server). */
  mailSender?: MailSender;
  /** Default: loadNotificationSettings() from the environment. */
  settings?: NotificationSettings;
  /** Default: the system clock; tests pass a MovableClock. */
  clock?: Clock;
  /** Integration tests only: act on their own run's events (see EventFilter). */
  eventFilter?: EventFilter;
  /**
   * Feed the personnel projection from every personnel topic (default true). Tests turn it off: the
   * dispatcher applies its own run's events to the projection, and other suites' floods are skipped.
   */
  projectionConsumer?: boolean;
  /** Tick the shared scheduler (default: `SCHEDULER_ENABLED`, on); tests tick it themselves. */
  scheduler?: boolean;
  /** Start the delivery worker's lanes at boot (default true). */
  deliveryWorker?: boolean;
}

@Module({})
export class AppModule {
  static forRoot(config: ServiceConfig, options: NotificationModuleOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformHttpModule,
        PersistenceModule.forRoot(notificationDataSourceOptions(config)),
        IdempotencyModule,
        MessagingModule.forRoot({ config, source: NOTIFICATION_EVENT_SOURCE }),
        AuthModule.forRoot(config.auth, config.service),
        SchedulingModule.forRoot(options.scheduler === undefined ? {} : { enabled: options.scheduler }),
        NotificationCoreModule.forRoot(options.settings ?? loadNotificationSettings(), options.clock ?? systemClock, options.eventFilter),
        DeliveryModule.forRoot({ smtp: options.smtp ?? loadSmtpConfig(), mailSender: options.mailSender, autostart: options.deliveryWorker ?? true }),
        DispatchModule,
        InboxModule,
        PreferencesModule,
        RemindersModule,
        StatisticsModule,
      ],
      controllers: options.projectionConsumer === false ? [] : [PersonnelProjectionMessageController],
    };
  }
}
