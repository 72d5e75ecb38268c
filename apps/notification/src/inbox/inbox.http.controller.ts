import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@capaian/shared/auth';
import { InboxMessages } from './inbox.messages';
import { InboxPageDto } from './dto/inbox-page.dto';
import { InboxQuery } from './dto/inbox-query.dto';
import { NotificationViewDto } from './dto/notification-view.dto';
import { InboxQueries } from './inbox.queries';
import { MarkNotificationRead } from './use-cases/mark-read';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The inbox belongs to an employee: callers without a NIP (agency service accounts) have none. */
export function nipOf(principal: Principal): string {
  if (!principal.nip) throw InboxMessages.error('NIP_TIDAK_ADA');
  return principal.nip;
}

@ApiTags('Kotak masuk notifikasi')
@ApiBearerAuth()
@Controller('inbox')
export class InboxHttpController {
  constructor(
    private readonly queries: InboxQueries,
    private readonly markRead: MarkNotificationRead,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Notifikasi milik pengguna yang sedang masuk, terbaru lebih dulu' })
  @ApiOkResponse({ type: InboxPageDto })
  page(@CurrentPrincipal() principal: Principal, @Query() query: InboxQuery): Promise<InboxPageDto> {
    return this.queries.page(nipOf(principal), { page: query.page, size: query.size, belumDibaca: query.belumDibaca === 'true' });
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Menandai satu notifikasi sebagai sudah dibaca (idempoten)' })
  @ApiOkResponse({ type: NotificationViewDto })
  @ApiNotFoundResponse({ description: 'NOTIFIKASI_TIDAK_DITEMUKAN' })
  read(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<NotificationViewDto> {
    const nip = nipOf(principal);
    if (!UUID.test(id)) throw InboxMessages.error('ID_TIDAK_VALID', {}, 'id');
    return this.markRead.execute(nip, id);
  }
}
