import { Module } from '@nestjs/common';
import { DispatchModule } from '../dispatch/dispatch.module';
import { NotificationJobs } from './notification-jobs';
import { RunDigest } from './use-cases/run-digest';
import { RunReminders } from './use-cases/run-reminders';

/** Time-driven work: reminders with escalation, and the daily digest. */
@Module({
  imports: [DispatchModule],
  providers: [RunReminders, RunDigest, NotificationJobs],
  exports: [RunReminders, RunDigest, NotificationJobs],
})
export class RemindersModule {}
