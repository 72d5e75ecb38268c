import { Module } from '@nestjs/common';
import { InboxHttpController } from './inbox.http.controller';
import { ListInboxQuery } from './list-inbox.query';
import { MarkReadUseCase } from './mark-read.use-case';
import { InboxStreamHttpController } from './stream/inbox-stream.http.controller';
import { InboxStreamHub } from './stream/inbox-stream.hub';
import { StreamTicketRepository } from './stream/stream-ticket.repository';
import { StreamTicketsUseCase } from './stream/stream-tickets.use-case';

/** The in-app inbox: list, mark read, and the live stream. */
@Module({
  controllers: [InboxHttpController, InboxStreamHttpController],
  providers: [ListInboxQuery, MarkReadUseCase, InboxStreamHub, StreamTicketRepository, StreamTicketsUseCase],
  exports: [InboxStreamHub],
})
export class InboxModule {}
