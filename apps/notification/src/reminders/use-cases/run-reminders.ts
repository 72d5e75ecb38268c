import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { CLOCK, type Clock } from '../../clock/clock';
import { formatTanggalWib } from '../../dispatch/domain/format';
import { NoticeWriter } from '../../dispatch/notice-writer.service';
import type { Person } from '../../directory/domain/person';
import { RecipientDirectory } from '../../directory/recipient-directory';
import { InboxRepository } from '../../inbox/infrastructure/inbox.repository';
import { NOTIFICATION_SETTINGS, type NotificationSettings } from '../../notification.config';
import { actionClosedAt, endsWhenRead, escalationStep, nextStepAt } from '../domain/escalation';
import { ReminderRepository } from '../infrastructure/reminder.repository';

export const REMINDER_EVENT_TYPE = 'capaian.notification.reminder';

/**
 * The reminder job: every due, unanswered action notice moves one step up its ladder (reminder to
 * the person, then their supervisor, then the admin OPD). Rows are locked with SKIP LOCKED and the
 * notices are keyed by `reminder:<id>:<step>`, so two replicas running the job at once, or a rerun
 * of the same slot, tell nobody twice.
 */
@Injectable()
export class RunReminders {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reminders: ReminderRepository,
    private readonly inbox: InboxRepository,
    private readonly directory: RecipientDirectory,
    private readonly notices: NoticeWriter,
    @Inject(NOTIFICATION_SETTINGS) private readonly settings: NotificationSettings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** In its own transaction (tests, manual runs); returns how many reminders moved (or were found answered). */
  execute(batch = 100): Promise<number> {
    return this.dataSource.transaction((m) => this.run(m, batch));
  }

  /** Everything due, in the caller's transaction (the scheduler's, which also marks the slot done). */
  async runAll(m: EntityManager): Promise<number> {
    let total = 0;
    for (let moved = await this.run(m, 100); moved > 0; moved = await this.run(m, 100)) total += moved;
    return total;
  }

  private async run(m: EntityManager, batch: number): Promise<number> {
    const now = this.clock.now();
    const due = await this.reminders.lockDue(m, now, batch);
    for (const r of due) {
      const closedAt = actionClosedAt(r.template, r.dueAt);
      if (closedAt && closedAt.getTime() <= now.getTime()) {
        // The awaited action is refused from now on (a rating after its deadline): the ladder ends untold.
        await this.reminders.resolve(m, r.id, now);
        continue;
      }
      if (endsWhenRead(r.template) && (await this.inbox.answered(m, r.notificationId, r.recipientNip, `reminder:${r.id}:`))) {
        await this.reminders.resolve(m, r.id, now);
        continue;
      }
      const step = escalationStep(r.step, r.template);
      if (!step) {
        await this.reminders.resolve(m, r.id, now);
        continue;
      }
      const subject = await this.directory.activePerson(m, r.recipientNip);
      if (!subject) {
        // The person left: nobody is to be chased any more.
        await this.reminders.resolve(m, r.id, now);
        continue;
      }
      let targets: Person[] = [];
      if (step.target === 'recipient') targets = [subject];
      else if (step.target === 'supervisor') {
        const supervisor = subject.penilaiNip ? await this.directory.activePerson(m, subject.penilaiNip) : null;
        targets = supervisor ? [supervisor] : [];
      } else targets = subject.opdId ? await this.directory.opdAdmins(m, subject.opdId) : [];

      const eventId = `reminder:${r.id}:${r.step}`;
      for (const person of targets) {
        await this.notices.write(m, {
          eventId,
          eventType: REMINDER_EVENT_TYPE,
          correlationId: eventId,
          role: step.target,
          person,
          subjectNip: subject.nip,
          category: 'pengingat',
          template: step.template,
          channels: ['inbox', 'email'],
          values: { nama: subject.name, nip: subject.nip, judulAsal: r.judul, isiAsal: r.isi, tautanAsal: r.tautan ?? '/notifikasi', batas: formatTanggalWib(r.dueAt) },
        });
      }
      // A missing supervisor or admin OPD skips to the next step rather than stopping the ladder.
      const next = nextStepAt(now, r.step, this.settings.escalateAfterMs, r.template);
      if (next) await this.reminders.advance(m, r.id, r.step + 1, next);
      else await this.reminders.finish(m, r.id, r.step + 1, now);
    }
    return due.length;
  }
}
