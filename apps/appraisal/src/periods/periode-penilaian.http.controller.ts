import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@capaian/shared/auth';
import { apiPrefix } from '@capaian/shared/http';
import type { FastifyReply } from 'fastify';
import { CreatePeriodeDto, ListPeriodeQuery, PeriodePage, PeriodeView } from './periode-penilaian.dto';
import { PeriodePenilaianService } from './periode-penilaian.service';
import { Idempotent } from '@capaian/shared/persistence';

@ApiTags('Periode penilaian')
@ApiBearerAuth()
@Controller('periods')
export class PeriodePenilaianHttpController {
  constructor(private readonly periods: PeriodePenilaianService) {}

  @Post()
  @Idempotent()
  @HttpCode(201)
  @Roles('admin-bkpsdm')
  @ApiOperation({ summary: 'Membuat periode penilaian (hanya admin BKPSDM)' })
  @ApiCreatedResponse({ type: PeriodeView })
  @ApiForbiddenResponse({ description: 'PERAN_TIDAK_MEMADAI' })
  @ApiConflictResponse({ description: 'PERIODE_TUMPANG_TINDIH' })
  async create(
    @Body() body: CreatePeriodeDto,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PeriodeView> {
    const created = await this.periods.create(body, principal);
    reply.header('location', `/${apiPrefix('appraisal')}/periods/${created.id}`);
    return created;
  }

  @Get()
  @ApiOperation({ summary: 'Daftar periode penilaian (semua pengguna terautentikasi)' })
  @ApiOkResponse({ type: PeriodePage })
  list(@Query() query: ListPeriodeQuery): Promise<PeriodePage> {
    return this.periods.list(query);
  }
}
