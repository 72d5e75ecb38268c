import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '../../clock/clock';
import { looksLikeStreamTicket, streamTicketHash } from '../domain/stream-ticket';
import { InboxMessages } from '../inbox.messages';
import { StreamTicketRepository } from '../infrastructure/stream-ticket.repository';

/** Uses a stream ticket up and answers whose stream it opens; reused, expired or unknown → 4xx. */
@Injectable()
export class RedeemStreamTicket {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tickets: StreamTicketRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(ticket: unknown): Promise<string> {
    if (ticket === undefined || ticket === '') throw InboxMessages.error('TIKET_TIDAK_ADA', {}, 'tiket');
    if (typeof ticket !== 'string' || !looksLikeStreamTicket(ticket)) throw InboxMessages.error('TIKET_TIDAK_VALID', {}, 'tiket');
    const result = await this.tickets.redeem(this.dataSource.manager, streamTicketHash(ticket), this.clock.now());
    if (result.ok) return result.nip;
    throw InboxMessages.error(result.reason === 'used' ? 'TIKET_SUDAH_DIPAKAI' : result.reason === 'expired' ? 'TIKET_KEDALUWARSA' : 'TIKET_TIDAK_VALID', {}, 'tiket');
  }
}
