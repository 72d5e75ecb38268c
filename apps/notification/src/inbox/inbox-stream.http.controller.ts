import { Controller, Get, HttpCode, Inject, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Public, type Principal } from '@capaian/shared/auth';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CLOCK, type Clock } from '../clock/clock';
import { StreamTicketDto } from './dto/stream-ticket.dto';
import { nipOf } from './inbox.http.controller';
import { InboxStreamHub } from './infrastructure/inbox-stream.hub';
import { IssueStreamTicket } from './use-cases/issue-stream-ticket';
import { RedeemStreamTicket } from './use-cases/redeem-stream-ticket';

@ApiTags('Kotak masuk notifikasi')
@Controller('stream')
export class InboxStreamHttpController {
  constructor(
    private readonly issueTicket: IssueStreamTicket,
    private readonly redeemTicket: RedeemStreamTicket,
    private readonly hub: InboxStreamHub,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post('tiket')
  @HttpCode(201)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Tiket sekali pakai (berlaku satu menit) untuk membuka siaran langsung kotak masuk' })
  @ApiOkResponse({ type: StreamTicketDto })
  issue(@CurrentPrincipal() principal: Principal): Promise<StreamTicketDto> {
    return this.issueTicket.execute(nipOf(principal));
  }

  /**
   * Server-Sent Events: `notifikasi` (a new item, as in the inbox list) and `belum-dibaca`
   * (`{ belumDibaca }`), plus a comment line as heartbeat. Authenticated by the ticket, not a token.
   */
  @Get()
  @Public()
  @ApiOperation({ summary: 'Siaran langsung notifikasi baru dan jumlah belum dibaca (Server-Sent Events)' })
  @ApiQuery({ name: 'tiket', required: true })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({
    description: 'Aliran Server-Sent Events: peristiwa `notifikasi` (notifikasi baru) dan `belum-dibaca` (jumlah belum dibaca)',
    content: { 'text/event-stream': { schema: { type: 'string' } } },
  })
  async open(@Query('tiket') ticket: unknown, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const nip = await this.redeemTicket.execute(ticket);
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
      'x-correlation-id': String(request.id),
    });
    const close = await this.hub.open(nip, { write: (chunk) => raw.write(chunk), end: () => raw.end() }, this.clock.now());
    request.raw.on('close', close);
  }
}
