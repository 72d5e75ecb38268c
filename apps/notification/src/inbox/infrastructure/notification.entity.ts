import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One in-app notification for one employee (by NIP), shown in their inbox. */
@Entity({ name: 'notification' })
@Index('notification_recipient_idx', ['recipientNip', 'createdAt'])
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'recipient_nip', type: 'text' })
  recipientNip: string;

  /** What kind of notice this is (e.g. `platform.ping`); clients group and filter by it. */
  @Column({ name: 'kategori', type: 'text' })
  kategori: string;

  @Column({ name: 'judul', type: 'text' })
  judul: string;

  @Column({ name: 'isi', type: 'text' })
  isi: string;

  /** Optional link into the portal. */
  @Column({ name: 'tautan', type: 'text', nullable: true })
  tautan: string | null;

  /** The event that produced it; with the NIP, unique, so a redelivered event adds no second notice. */
  @Column({ name: 'source_event_id', type: 'text', nullable: true })
  sourceEventId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;
}
