import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';

export type DeliveryStatus = 'pending' | 'sent' | 'failed';
export type DeliveryChannel = 'email';

/**
 * One delivery of one event over one channel. The unique key (event_id, channel) is what makes a
 * redelivered event unable to send a second mail, even when the consumer's inbox record was lost
 * (a crash after sending and before the inbox committed).
 */
@Entity({ name: 'delivery' })
@Unique('delivery_event_channel_uq', ['eventId', 'channel'])
export class DeliveryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'event_id', type: 'text' })
  eventId: string;

  @Column({ name: 'event_type', type: 'text' })
  eventType: string;

  @Column({ name: 'channel', type: 'text' })
  channel: DeliveryChannel;

  @Column({ name: 'recipient', type: 'text' })
  recipient: string;

  @Column({ name: 'subject', type: 'text' })
  subject: string;

  @Column({ name: 'status', type: 'text' })
  status: DeliveryStatus;

  @Column({ name: 'attempts', type: 'int' })
  attempts: number;

  @Column({ name: 'message_id', type: 'text', nullable: true })
  messageId: string | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
