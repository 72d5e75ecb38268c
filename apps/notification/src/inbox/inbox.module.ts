import { Module } from '@nestjs/common';
import { InboxHttpController } from './inbox.http.controller';
import { InboxQueries } from './inbox.queries';
import { MarkNotificationRead } from './use-cases/mark-read';
import { InboxStreamHttpController } from './inbox-stream.http.controller';
import { InboxStreamHub } from './infrastructure/inbox-stream.hub';
import { StreamTicketRepository } from './infrastructure/stream-ticket.repository';
import { IssueStreamTicket } from './use-cases/issue-stream-ticket';
import { RedeemStreamTicket } from './use-cases/redeem-stream-ticket';

/** The in-app inbox: list, mark read, and the live stream. */
@Module({
  controllers: [InboxHttpController, InboxStreamHttpController],
  providers: [InboxQueries, MarkNotificationRead, InboxStreamHub, StreamTicketRepository, IssueStreamTicket, RedeemStreamTicket],
  exports: [InboxStreamHub],
})
export class InboxModule {}
