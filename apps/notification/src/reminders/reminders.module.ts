import { Module } from '@nestjs/common';
import { DispatchModule } from '../dispatch/dispatch.module';
import { NotificationJobs } from './notification-jobs';
import { RunDigestUseCase } from './run-digest.use-case';
import { RunRemindersUseCase } from './run-reminders.use-case';

/** Time-driven work: reminders with escalation, and the daily digest. */
@Module({
  imports: [DispatchModule],
  providers: [RunRemindersUseCase, RunDigestUseCase, NotificationJobs],
  exports: [RunRemindersUseCase, RunDigestUseCase, NotificationJobs],
})
export class RemindersModule {}
