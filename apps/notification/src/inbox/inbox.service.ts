import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Problems, toPage, type Page } from '@capaian/shared/http';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { NotificationEntity } from './infrastructure/notification.entity';

export interface NotificationView {
  id: string;
  kategori: string;
  judul: string;
  isi: string;
  tautan: string | null;
  dibuatPada: string;
  dibacaPada: string | null;
}

export interface NewNotification {
  recipientNip: string;
  kategori: string;
  judul: string;
  isi: string;
  tautan?: string | null;
  sourceEventId?: string | null;
}

export function toView(n: NotificationEntity): NotificationView {
  return {
    id: n.id,
    kategori: n.kategori,
    judul: n.judul,
    isi: n.isi,
    tautan: n.tautan,
    dibuatPada: n.createdAt.toISOString(),
    dibacaPada: n.readAt ? n.readAt.toISOString() : null,
  };
}

/** The in-app inbox. Every read is scoped to the caller's own NIP: nobody reads another's notices. */
@Injectable()
export class InboxService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Adds a notice inside the caller's transaction; a second call for the same event and NIP is a no-op. */
  async add(manager: EntityManager, notice: NewNotification): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(NotificationEntity)
      .values({
        recipientNip: notice.recipientNip,
        kategori: notice.kategori,
        judul: notice.judul,
        isi: notice.isi,
        tautan: notice.tautan ?? null,
        sourceEventId: notice.sourceEventId ?? null,
      })
      .orIgnore()
      .execute();
  }

  async list(nip: string, query: { page: number; size: number; belumDibaca?: boolean }): Promise<Page<NotificationView> & { belumDibaca: number }> {
    const repo = this.dataSource.getRepository(NotificationEntity);
    const where = query.belumDibaca ? { recipientNip: nip, readAt: IsNull() } : { recipientNip: nip };
    const [rows, total] = await repo.findAndCount({
      where,
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: (query.page - 1) * query.size,
      take: query.size,
    });
    const belumDibaca = await repo.count({ where: { recipientNip: nip, readAt: IsNull() } });
    return { ...toPage(rows.map(toView), total, query), belumDibaca };
  }

  /**
   * Marks one of the caller's notices read; reading it again keeps the first time. Another person's
   * notice answers 404 like a missing one, so ids cannot be probed.
   */
  async markRead(nip: string, id: string): Promise<NotificationView> {
    const repo = this.dataSource.getRepository(NotificationEntity);
    await repo
      .createQueryBuilder()
      .update()
      .set({ readAt: () => 'now()' })
      .where('id = :id AND recipient_nip = :nip AND read_at IS NULL', { id, nip })
      .execute();
    const row = await repo.findOne({ where: { id, recipientNip: nip } });
    if (!row) throw Problems.notFound('NOTIFIKASI_TIDAK_DITEMUKAN', 'Notifikasi tidak ditemukan');
    return toView(row);
  }
}
