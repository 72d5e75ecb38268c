import { type DynamicModule, Module } from '@nestjs/common';
import { CLOCK, type Clock } from './clock/clock';
import { DeliveryRepository } from './delivery/delivery.repository';
import { DirectoryRepository } from './directory/directory.repository';
import { DispatchIssueRepository } from './dispatch/dispatch-issue.repository';
import { InboxRepository } from './inbox/inbox.repository';
import { NOTIFICATION_SETTINGS, type NotificationSettings } from './notification.config';
import { PreferenceRepository } from './preferences/preference.repository';
import { ReminderRepository } from './reminders/reminder.repository';

const repositories = [DeliveryRepository, DirectoryRepository, DispatchIssueRepository, InboxRepository, PreferenceRepository, ReminderRepository];

/** Settings, the clock and the table repositories, shared by the feature modules (global). */
@Module({})
export class NotificationCoreModule {
  static forRoot(settings: NotificationSettings, clock: Clock): DynamicModule {
    return {
      module: NotificationCoreModule,
      global: true,
      providers: [{ provide: NOTIFICATION_SETTINGS, useValue: settings }, { provide: CLOCK, useValue: clock }, ...repositories],
      exports: [NOTIFICATION_SETTINGS, CLOCK, ...repositories],
    };
  }
}
