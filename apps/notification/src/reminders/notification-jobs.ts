import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { dailyAt, every, Scheduler } from '@capaian/shared/scheduling';
import { NOTIFICATION_SETTINGS, type NotificationSettings } from '../notification.config';
import { RunDigest } from './use-cases/run-digest';
import { RunReminders } from './use-cases/run-reminders';

/**
 * The service's jobs on the shared scheduler (once per slot across replicas; the work commits with
 * the slot): the reminder ladder every few minutes, and the daily digest at the digest hour (WIB),
 * still sent until noon if every replica was down at 07.00, skipped after that.
 */
@Injectable()
export class NotificationJobs implements OnModuleInit {
  constructor(
    private readonly scheduler: Scheduler,
    private readonly reminders: RunReminders,
    private readonly digest: RunDigest,
    @Inject(NOTIFICATION_SETTINGS) private readonly settings: NotificationSettings,
  ) {}

  onModuleInit(): void {
    this.scheduler.register({
      name: 'notification.reminders',
      schedule: every({ minutes: this.settings.reminderEveryMinutes }),
      run: async ({ manager }) => {
        await this.reminders.runAll(manager);
      },
    });
    this.scheduler.register({
      name: 'notification.digest',
      schedule: dailyAt(`${String(this.settings.digestHour).padStart(2, '0')}:00`),
      catchUpWindow: { hours: 5 },
      run: async ({ manager }) => {
        await this.digest.run(manager);
      },
    });
  }
}
