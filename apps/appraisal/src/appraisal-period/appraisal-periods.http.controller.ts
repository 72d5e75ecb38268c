import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@capaian/shared/auth';
import { apiPrefix } from '@capaian/shared/http';
import { Idempotent } from '@capaian/shared/persistence';
import type { FastifyReply } from 'fastify';
import { AppraisalPeriodQueries } from './appraisal-period.queries';
import { AppraisalPeriodPage, AppraisalPeriodView } from './appraisal-period.view';
import { CreateAppraisalPeriodDto } from './dto/create-appraisal-period.dto';
import { ListAppraisalPeriodsQuery } from './dto/list-appraisal-periods.query';
import { CreateAppraisalPeriod } from './use-cases/create-appraisal-period';

@ApiTags('Periode penilaian')
@ApiBearerAuth()
@Controller('periods')
export class AppraisalPeriodsHttpController {
  constructor(
    private readonly createPeriod: CreateAppraisalPeriod,
    private readonly queries: AppraisalPeriodQueries,
  ) {}

  @Post()
  @Idempotent()
  @HttpCode(201)
  @Roles('admin-bkpsdm')
  @ApiOperation({ summary: 'Membuat periode penilaian (hanya admin BKPSDM)' })
  @ApiCreatedResponse({ type: AppraisalPeriodView })
  @ApiBadRequestResponse({
    description: 'VALIDASI_GAGAL, TANGGAL_TIDAK_VALID, TANGGAL_SELESAI_TIDAK_SETELAH_MULAI, PERIODE_DI_LUAR_TAHUN, PERIODE_BULANAN_MELEWATI_BULAN, PERIODE_TRIWULAN_MELEWATI_TRIWULAN',
  })
  @ApiForbiddenResponse({ description: 'PERAN_TIDAK_MEMADAI' })
  @ApiConflictResponse({ description: 'PERIODE_TUMPANG_TINDIH' })
  async create(@Body() body: CreateAppraisalPeriodDto, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) reply: FastifyReply): Promise<AppraisalPeriodView> {
    const created = await this.createPeriod.execute(principal, body);
    reply.header('location', `/${apiPrefix('appraisal')}/periods/${created.id}`);
    return created;
  }

  @Get()
  @ApiOperation({ summary: 'Daftar periode penilaian (semua pengguna terautentikasi)' })
  @ApiOkResponse({ type: AppraisalPeriodPage })
  list(@Query() query: ListAppraisalPeriodsQuery): Promise<AppraisalPeriodPage> {
    return this.queries.list(query);
  }
}
