import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '../../clock/clock';
import { InboxMessages } from '../inbox.messages';
import { ReminderRepository } from '../../reminders/infrastructure/reminder.repository';
import { toView, type NotificationViewDto } from '../dto/notification-view.dto';
import { InboxRepository } from '../infrastructure/inbox.repository';

/**
 * Marks one of the caller's notices read (again: keeps the first time) and answers the reminder it
 * carries, if any. Another person's notice answers 404 like a missing one, so ids cannot be probed.
 */
@Injectable()
export class MarkNotificationRead {
  constructor(
    private readonly dataSource: DataSource,
    private readonly inbox: InboxRepository,
    private readonly reminders: ReminderRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(nip: string, id: string): Promise<NotificationViewDto> {
    return this.dataSource.transaction(async (m) => {
      const now = this.clock.now();
      const row = await this.inbox.markRead(m, nip, id, now);
      if (!row) throw InboxMessages.error('NOTIFIKASI_TIDAK_DITEMUKAN');
      await this.reminders.resolveByNotification(m, id, now);
      return toView(row);
    });
  }
}
