import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@capaian/shared/auth';
import { apiPrefix, queryInteger } from '@capaian/shared/http';
import { Idempotent } from '@capaian/shared/persistence';
import { Transform } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { CloseSkpDto } from './dto/close-skp.dto';
import { CreateSkpDto } from './dto/create-skp.dto';
import { ReasonDto } from './dto/reason.dto';
import { SetSkpDto } from './dto/set-skp.dto';
import { SkpContentDto } from './dto/skp-content.dto';
import { SkpQueries } from './skp.queries';
import { CloseSkp } from './use-cases/close-skp';
import { CreateSkp } from './use-cases/create-skp';
import { EditSkp } from './use-cases/edit-skp';
import { ReturnSkp } from './use-cases/return-skp';
import { ReviseSkp } from './use-cases/revise-skp';
import { SetSkp } from './use-cases/set-skp';
import { SubmitSkp } from './use-cases/submit-skp';
import { SkpCloseResponse, SkpMineResponse, SkpStateResponse } from './skps.responses';

export class YearQuery {
  @ApiProperty({ example: 2026, minimum: 2000, maximum: 2100, description: 'Tahun SKP' })
  @Transform(queryInteger)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;
}

@ApiTags('SKP')
@ApiBearerAuth()
@Controller('skps')
export class SkpsHttpController {
  constructor(
    private readonly create: CreateSkp,
    private readonly editSkp: EditSkp,
    private readonly submitSkp: SubmitSkp,
    private readonly setSkp: SetSkp,
    private readonly returnSkp: ReturnSkp,
    private readonly reviseSkp: ReviseSkp,
    private readonly closeSkp: CloseSkp,
    private readonly queries: SkpQueries,
  ) {}

  @Post()
  @ApiCreatedResponse({ type: SkpStateResponse })
  @Idempotent()
  @HttpCode(201)
  @ApiOperation({ summary: 'Menyusun draf SKP sendiri (snapshot jabatan, unit, golongan, dan pejabat penilai diambil saat dibuat)' })
  async draft(@Body() body: CreateSkpDto, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) reply: FastifyReply): Promise<SkpStateResponse> {
    const skp = await this.create.execute(principal, body);
    reply.header('location', `/${apiPrefix('appraisal')}/skps/${skp.id}`);
    return skp;
  }

  @Get('mine')
  @ApiOkResponse({ type: SkpMineResponse })
  @ApiOperation({ summary: 'SKP milik sendiri dan SKP pegawai yang dinilai, per tahun' })
  mine(@Query() q: YearQuery, @CurrentPrincipal() principal: Principal): Promise<SkpMineResponse> {
    return this.queries.mine(principal, q.year);
  }

  @Get(':id')
  @ApiOkResponse({ type: SkpStateResponse })
  @ApiOperation({ summary: 'Satu SKP (pegawai, pejabat penilai, atasannya, admin OPD, pimpinan unit, BKPSDM)' })
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() principal: Principal): Promise<SkpStateResponse> {
    return this.queries.get(id, principal);
  }

  @Put(':id/content')
  @ApiOkResponse({ type: SkpStateResponse })
  @ApiOperation({ summary: 'Mengubah isi draf atau SKP yang dikembalikan (pemilik)' })
  edit(@Param('id', ParseUUIDPipe) id: string, @Body() body: SkpContentDto, @CurrentPrincipal() principal: Principal): Promise<SkpStateResponse> {
    return this.editSkp.execute(principal, id, body);
  }

  @Post(':id/submit')
  @ApiOkResponse({ type: SkpStateResponse })
  @HttpCode(200)
  @ApiOperation({ summary: 'Mengajukan SKP kepada pejabat penilai (pemilik)' })
  submit(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() principal: Principal): Promise<SkpStateResponse> {
    return this.submitSkp.execute(principal, id);
  }

  @Post(':id/set')
  @ApiOkResponse({ type: SkpStateResponse })
  @HttpCode(200)
  @ApiOperation({ summary: 'Menetapkan SKP dengan ekspektasi khusus pimpinan (pejabat penilai)' })
  set(@Param('id', ParseUUIDPipe) id: string, @Body() body: SetSkpDto, @CurrentPrincipal() principal: Principal): Promise<SkpStateResponse> {
    return this.setSkp.execute(principal, id, body);
  }

  @Post(':id/return')
  @ApiOkResponse({ type: SkpStateResponse })
  @HttpCode(200)
  @ApiOperation({ summary: 'Mengembalikan SKP dengan catatan (pejabat penilai)' })
  giveBack(@Param('id', ParseUUIDPipe) id: string, @Body() body: ReasonDto, @CurrentPrincipal() principal: Principal): Promise<SkpStateResponse> {
    return this.returnSkp.execute(principal, id, body);
  }

  @Post(':id/revise')
  @ApiCreatedResponse({ type: SkpStateResponse })
  @HttpCode(201)
  @ApiOperation({ summary: 'Merevisi SKP yang sudah ditetapkan setelah dialog kinerja: versi baru, versi lama disimpan' })
  revise(@Param('id', ParseUUIDPipe) id: string, @Body() body: ReasonDto, @CurrentPrincipal() principal: Principal): Promise<SkpStateResponse> {
    return this.reviseSkp.execute(principal, id, body);
  }

  @Post(':id/close')
  @ApiOkResponse({ type: SkpCloseResponse })
  @HttpCode(200)
  @Roles('admin-bkpsdm')
  @ApiOperation({ summary: 'Menutup SKP karena mutasi atau promosi, dan membuka SKP baru bila diminta (BKPSDM)' })
  close(@Param('id', ParseUUIDPipe) id: string, @Body() body: CloseSkpDto, @CurrentPrincipal() principal: Principal): Promise<SkpCloseResponse> {
    return this.closeSkp.execute(principal, id, body);
  }
}
