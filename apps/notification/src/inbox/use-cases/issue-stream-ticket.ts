import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '../../clock/clock';
import { NOTIFICATION_SETTINGS, type NotificationSettings } from '../../notification.config';
import { newStreamTicket, streamTicketHash } from '../domain/stream-ticket';
import type { StreamTicketDto } from '../dto/stream-ticket.dto';
import { StreamTicketRepository } from '../infrastructure/stream-ticket.repository';

/** Trades the caller's bearer token (checked by the guard) for a short-lived, single-use stream ticket. */
@Injectable()
export class IssueStreamTicket {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tickets: StreamTicketRepository,
    @Inject(NOTIFICATION_SETTINGS) private readonly settings: NotificationSettings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(nip: string): Promise<StreamTicketDto> {
    const ticket = newStreamTicket();
    const expiresAt = new Date(this.clock.now().getTime() + this.settings.streamTicketTtlMs);
    await this.dataSource.transaction((m) => this.tickets.create(m, streamTicketHash(ticket), nip, expiresAt));
    return { tiket: ticket, kedaluwarsaPada: expiresAt.toISOString(), url: `${this.settings.publicApiUrl}/stream?tiket=${ticket}` };
  }
}
