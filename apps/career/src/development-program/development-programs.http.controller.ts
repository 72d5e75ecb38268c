import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiCreatedResponse, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@capaian/shared/auth';
import { apiPrefix } from '@capaian/shared/http';
import { Idempotent } from '@capaian/shared/persistence';
import type { FastifyReply } from 'fastify';
import { DevelopmentProgramQueries } from './development-program.queries';
import { CreateDevelopmentProgramDto } from './dto/create-development-program.dto';
import { DevelopmentProgramPage, DevelopmentProgramView } from './development-program.view';
import { ListDevelopmentProgramsQuery } from './dto/list-development-programs.query';
import { CreateDevelopmentProgram } from './use-cases/create-development-program';

@ApiTags('Katalog program pengembangan kompetensi')
@ApiBearerAuth()
@Controller('programs')
export class DevelopmentProgramsHttpController {
  constructor(
    private readonly createProgram: CreateDevelopmentProgram,
    private readonly queries: DevelopmentProgramQueries,
  ) {}

  @Post()
  @Idempotent()
  @HttpCode(201)
  @Roles('admin-bkpsdm')
  @ApiOperation({ summary: 'Menambah program ke katalog (hanya admin BKPSDM)' })
  @ApiCreatedResponse({ type: DevelopmentProgramView })
  @ApiBadRequestResponse({ description: 'VALIDASI_GAGAL, TANGGAL_TIDAK_VALID, TANGGAL_SELESAI_SEBELUM_MULAI, PAGU_TIDAK_MENCUKUPI, JP_MELEBIHI_KONVERSI' })
  @ApiForbiddenResponse({ description: 'PERAN_TIDAK_MEMADAI' })
  async create(@Body() body: CreateDevelopmentProgramDto, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) reply: FastifyReply): Promise<DevelopmentProgramView> {
    const created = await this.createProgram.execute(principal, body);
    reply.header('location', `/${apiPrefix('career')}/programs/${created.id}`);
    return created;
  }

  @Get()
  @ApiOperation({ summary: 'Katalog program (semua pengguna terautentikasi)' })
  @ApiOkResponse({ type: DevelopmentProgramPage })
  list(@Query() query: ListDevelopmentProgramsQuery): Promise<DevelopmentProgramPage> {
    return this.queries.list(query);
  }
}
