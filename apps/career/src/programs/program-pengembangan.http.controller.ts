import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiCreatedResponse, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@capaian/shared/auth';
import { apiPrefix } from '@capaian/shared/http';
import type { FastifyReply } from 'fastify';
import { CreateProgramDto, ListProgramQuery, ProgramPage, ProgramView } from './program-pengembangan.dto';
import { ProgramPengembanganService } from './program-pengembangan.service';
import { Idempotent } from '@capaian/shared/persistence';

@ApiTags('Katalog program pengembangan kompetensi')
@ApiBearerAuth()
@Controller('programs')
export class ProgramPengembanganHttpController {
  constructor(private readonly programs: ProgramPengembanganService) {}

  @Post()
  @Idempotent()
  @HttpCode(201)
  @Roles('admin-bkpsdm')
  @ApiOperation({ summary: 'Menambah program ke katalog (hanya admin BKPSDM)' })
  @ApiCreatedResponse({ type: ProgramView })
  @ApiBadRequestResponse({ description: 'VALIDASI_GAGAL (mis. PAGU_TIDAK_MENCUKUPI, JP_MELEBIHI_KONVERSI)' })
  @ApiForbiddenResponse({ description: 'PERAN_TIDAK_MEMADAI' })
  async create(
    @Body() body: CreateProgramDto,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ProgramView> {
    const created = await this.programs.create(body, principal);
    reply.header('location', `/${apiPrefix('career')}/programs/${created.id}`);
    return created;
  }

  @Get()
  @ApiOperation({ summary: 'Katalog program (semua pengguna terautentikasi)' })
  @ApiOkResponse({ type: ProgramPage })
  list(@Query() query: ListProgramQuery): Promise<ProgramPage> {
    return this.programs.list(query);
  }
}
