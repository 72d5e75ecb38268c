import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '../../clock/clock';
import { NOTIFICATION_SETTINGS, type NotificationSettings } from '../../notification.config';
import { NotificationMessages } from '../../notification.messages';
import type { StreamTicketDto } from '../dto/stream-ticket.dto';
import { StreamTicketRepository } from './stream-ticket.repository';

const hash = (ticket: string) => createHash('sha256').update(ticket).digest('hex');

/**
 * An EventSource cannot send an Authorization header, and a bearer token in a URL ends up in logs
 * and histories. So the portal trades its bearer token for a random ticket that opens one stream,
 * once, within a minute; the stream then belongs to the ticket's NIP.
 */
@Injectable()
export class StreamTicketsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tickets: StreamTicketRepository,
    @Inject(NOTIFICATION_SETTINGS) private readonly settings: NotificationSettings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async issue(nip: string): Promise<StreamTicketDto> {
    const ticket = randomBytes(32).toString('base64url');
    const expiresAt = new Date(this.clock.now().getTime() + this.settings.streamTicketTtlMs);
    await this.dataSource.transaction((m) => this.tickets.create(m, hash(ticket), nip, expiresAt));
    return { tiket: ticket, kedaluwarsaPada: expiresAt.toISOString(), url: `${this.settings.publicApiUrl}/stream?tiket=${ticket}` };
  }

  async redeem(ticket: string | undefined): Promise<string> {
    if (!ticket) throw NotificationMessages.error('TIKET_TIDAK_ADA', {}, 'tiket');
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(ticket)) throw NotificationMessages.error('TIKET_TIDAK_VALID', {}, 'tiket');
    const result = await this.tickets.redeem(this.dataSource.manager, hash(ticket), this.clock.now());
    if (result.ok) return result.nip;
    throw NotificationMessages.error(result.reason === 'used' ? 'TIKET_SUDAH_DIPAKAI' : result.reason === 'expired' ? 'TIKET_KEDALUWARSA' : 'TIKET_TIDAK_VALID', {}, 'tiket');
  }
}
