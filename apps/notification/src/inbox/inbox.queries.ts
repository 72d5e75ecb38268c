import { Injectable } from '@nestjs/common';
import { toPage } from '@capaian/shared/http';
import { DataSource } from 'typeorm';
import type { InboxPageDto } from './dto/inbox-page.dto';
import { toView } from './dto/notification-view.dto';
import { InboxRepository } from './infrastructure/inbox.repository';

/** The caller's own notices, newest first, with the unread count. Scoped by NIP: nobody reads another's inbox. */
@Injectable()
export class InboxQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly inbox: InboxRepository,
  ) {}

  async page(nip: string, q: { page: number; size: number; belumDibaca: boolean }): Promise<InboxPageDto> {
    const m = this.dataSource.manager;
    const { rows, total } = await this.inbox.page(m, nip, { page: q.page, size: q.size, unreadOnly: q.belumDibaca });
    const belumDibaca = await this.inbox.unreadCount(m, nip);
    return { ...toPage(rows.map(toView), total, q), belumDibaca };
  }
}
