import { type DynamicModule, Module } from '@nestjs/common';
import type { EventEnvelope } from '@capaian/contracts';
import { CLOCK, type Clock } from './clock/clock';
import { DeliveryRepository } from './delivery/infrastructure/delivery.repository';
import { PersonnelDirectory, PersonnelProjection } from '@capaian/shared/projection';
import { RecipientDirectory } from './directory/recipient-directory';
import { DispatchIssueRepository } from './dispatch/infrastructure/dispatch-issue.repository';
import { InboxRepository } from './inbox/infrastructure/inbox.repository';
import { NOTIFICATION_SETTINGS, type NotificationSettings } from './notification.config';
import { PreferenceRepository } from './preferences/infrastructure/preference.repository';
import { ReminderRepository } from './reminders/infrastructure/reminder.repository';

/**
 * Which consumed events the service acts on. Production acts on all; an integration test passes a
 * filter for its own run's events, because it consumes the shared topics where other test suites
 * (and personnel's demo seeding) publish at the same time.
 */
export type EventFilter = (envelope: EventEnvelope<unknown>) => boolean;
export const EVENT_FILTER = Symbol('NOTIFICATION_EVENT_FILTER');

const repositories = [DeliveryRepository, DispatchIssueRepository, InboxRepository, PreferenceRepository, ReminderRepository];
/** The shared personnel projection (its tables are in this service's database) and the recipients read from it. */
const personnel = [PersonnelProjection, PersonnelDirectory, RecipientDirectory];

/** Settings, the clock and the table repositories, shared by the feature modules (global). */
@Module({})
export class NotificationCoreModule {
  static forRoot(settings: NotificationSettings, clock: Clock, eventFilter: EventFilter = () => true): DynamicModule {
    return {
      module: NotificationCoreModule,
      global: true,
      providers: [{ provide: NOTIFICATION_SETTINGS, useValue: settings }, { provide: CLOCK, useValue: clock }, { provide: EVENT_FILTER, useValue: eventFilter }, ...repositories, ...personnel],
      exports: [NOTIFICATION_SETTINGS, CLOCK, EVENT_FILTER, ...repositories, ...personnel],
    };
  }
}
