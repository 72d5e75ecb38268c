import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@capaian/shared/auth';
import { Problems } from '@capaian/shared/http';
import { InboxPageDto, InboxQuery, NotificationViewDto } from './inbox.dto';
import { InboxService } from './inbox.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The inbox belongs to an employee: callers without a NIP (agency service accounts) have none. */
function nipOf(principal: Principal): string {
  if (!principal.nip) throw Problems.forbidden('NIP_TIDAK_ADA', 'Token tidak memuat NIP; kotak masuk hanya tersedia untuk pegawai');
  return principal.nip;
}

@ApiTags('Kotak masuk notifikasi')
@ApiBearerAuth()
@Controller('inbox')
export class InboxHttpController {
  constructor(private readonly inbox: InboxService) {}

  @Get()
  @ApiOperation({ summary: 'Notifikasi milik pengguna yang sedang masuk, terbaru lebih dulu' })
  @ApiOkResponse({ type: InboxPageDto })
  list(@CurrentPrincipal() principal: Principal, @Query() query: InboxQuery): Promise<InboxPageDto> {
    return this.inbox.list(nipOf(principal), { page: query.page, size: query.size, belumDibaca: query.belumDibaca === 'true' });
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Menandai satu notifikasi sebagai sudah dibaca (idempoten)' })
  @ApiOkResponse({ type: NotificationViewDto })
  @ApiNotFoundResponse({ description: 'NOTIFIKASI_TIDAK_DITEMUKAN' })
  markRead(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<NotificationViewDto> {
    const nip = nipOf(principal);
    if (!UUID.test(id)) throw Problems.badRequest('ID_TIDAK_VALID', 'ID notifikasi harus berupa UUID', [{ field: 'id', code: 'IS_UUID', message: 'Harus berupa UUID' }]);
    return this.inbox.markRead(nip, id);
  }
}
