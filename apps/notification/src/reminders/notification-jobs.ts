import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { NOTIFICATION_SETTINGS, type NotificationSettings } from '../notification.config';
import { RunDigestUseCase } from './run-digest.use-case';
import { RunRemindersUseCase } from './run-reminders.use-case';

export const NOTIFICATION_JOBS_AUTOSTART = Symbol('NOTIFICATION_JOBS_AUTOSTART');

/**
 * Runs the reminder and digest jobs every `JOB_INTERVAL_MS`. Both are safe on every replica at once
 * (row locks with SKIP LOCKED, unique keys on what they write), so no leader election is needed.
 */
@Injectable()
export class NotificationJobs implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('NotificationJobs');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly reminders: RunRemindersUseCase,
    private readonly digest: RunDigestUseCase,
    @Inject(NOTIFICATION_SETTINGS) private readonly settings: NotificationSettings,
    @Inject(NOTIFICATION_JOBS_AUTOSTART) private readonly autostart: boolean,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.autostart) return;
    this.timer = setInterval(() => {
      this.running = this.running.then(() => this.runOnce()).catch(() => undefined);
    }, this.settings.jobIntervalMs);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  async runOnce(): Promise<void> {
    try {
      while ((await this.reminders.execute()) > 0) {
        /* until no reminder is due */
      }
      await this.digest.execute();
    } catch (error) {
      this.logger.error({ msg: 'notification job failed', error: String((error as Error)?.message ?? error) });
    }
  }
}
