import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@capaian/shared/auth';
import { apiPrefix } from '@capaian/shared/http';
import { Idempotent } from '@capaian/shared/persistence';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { CreateSkpDto } from './create-skp.dto';
import { CreateSkp } from './create-skp.use-case';
import type { SkpState } from './domain/skp';
import { SkpContentDto } from './skp-content.dto';
import { CloseSkpDto, ReasonDto, SetSkpDto } from './skp-transition.dto';
import { SkpTransitions } from './skp-transitions.use-case';
import { SkpQueries } from './skp.queries';

export class YearQuery {
  @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year: number;
}

@ApiTags('SKP')
@ApiBearerAuth()
@Controller('skps')
export class SkpsHttpController {
  constructor(
    private readonly create: CreateSkp,
    private readonly transitions: SkpTransitions,
    private readonly queries: SkpQueries,
  ) {}

  @Post()
  @Idempotent()
  @HttpCode(201)
  @ApiOperation({ summary: 'Menyusun draf SKP sendiri (snapshot jabatan, unit, golongan, dan pejabat penilai diambil saat dibuat)' })
  async draft(@Body() body: CreateSkpDto, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) reply: FastifyReply): Promise<SkpState> {
    const skp = await this.create.execute(body, principal);
    reply.header('location', `/${apiPrefix('appraisal')}/skps/${skp.id}`);
    return skp;
  }

  @Get('mine')
  @ApiOperation({ summary: 'SKP milik sendiri dan SKP pegawai yang dinilai, per tahun' })
  mine(@Query() q: YearQuery, @CurrentPrincipal() principal: Principal) {
    return this.queries.mine(principal, q.year);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Satu SKP (pegawai, pejabat penilai, atasannya, admin OPD, pimpinan unit, BKPSDM)' })
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() principal: Principal): Promise<SkpState> {
    return this.queries.get(id, principal);
  }

  @Put(':id/content')
  @ApiOperation({ summary: 'Mengubah isi draf atau SKP yang dikembalikan (pemilik)' })
  edit(@Param('id', ParseUUIDPipe) id: string, @Body() body: SkpContentDto, @CurrentPrincipal() principal: Principal) {
    return this.transitions.edit(id, body, principal);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mengajukan SKP kepada pejabat penilai (pemilik)' })
  submit(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() principal: Principal) {
    return this.transitions.submit(id, principal);
  }

  @Post(':id/set')
  @HttpCode(200)
  @ApiOperation({ summary: 'Menetapkan SKP dengan ekspektasi khusus pimpinan (pejabat penilai)' })
  set(@Param('id', ParseUUIDPipe) id: string, @Body() body: SetSkpDto, @CurrentPrincipal() principal: Principal) {
    return this.transitions.set(id, body, principal);
  }

  @Post(':id/return')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mengembalikan SKP dengan catatan (pejabat penilai)' })
  giveBack(@Param('id', ParseUUIDPipe) id: string, @Body() body: ReasonDto, @CurrentPrincipal() principal: Principal) {
    return this.transitions.return(id, body, principal);
  }

  @Post(':id/revise')
  @HttpCode(201)
  @ApiOperation({ summary: 'Merevisi SKP yang sudah ditetapkan setelah dialog kinerja: versi baru, versi lama disimpan' })
  revise(@Param('id', ParseUUIDPipe) id: string, @Body() body: ReasonDto, @CurrentPrincipal() principal: Principal) {
    return this.transitions.revise(id, body, principal);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles('admin-bkpsdm')
  @ApiOperation({ summary: 'Menutup SKP karena mutasi atau promosi, dan membuka SKP baru bila diminta (BKPSDM)' })
  close(@Param('id', ParseUUIDPipe) id: string, @Body() body: CloseSkpDto, @CurrentPrincipal() principal: Principal) {
    return this.transitions.close(id, body, principal);
  }
}
