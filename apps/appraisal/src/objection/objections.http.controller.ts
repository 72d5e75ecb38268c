import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@capaian/shared/auth';
import { DecideObjectionDto } from './dto/decide-objection.dto';
import { FileObjectionDto } from './dto/file-objection.dto';
import { DecideObjection } from './use-cases/decide-objection';
import { FileObjection } from './use-cases/file-objection';
import { ObjectionStateResponse } from './objections.responses';

@ApiTags('Evaluasi kinerja dan keberatan')
@ApiBearerAuth()
@Controller()
export class ObjectionsHttpController {
  constructor(
    private readonly fileObjection: FileObjection,
    private readonly decideObjection: DecideObjection,
  ) {}

  @Post('evaluations/:id/objection')
  @ApiCreatedResponse({ type: ObjectionStateResponse })
  @HttpCode(201)
  @ApiOperation({ summary: 'Mengajukan keberatan dalam masa keberatan (pegawai yang dinilai)' })
  file(@Param('id', ParseUUIDPipe) id: string, @Body() body: FileObjectionDto, @CurrentPrincipal() principal: Principal): Promise<ObjectionStateResponse> {
    return this.fileObjection.execute(principal, id, body);
  }

  @Post('objections/:id/decision')
  @ApiOkResponse({ type: ObjectionStateResponse })
  @HttpCode(200)
  @ApiOperation({ summary: 'Memutus keberatan: diterima dengan rating baru atau ditolak dengan alasan (atasan pejabat penilai)' })
  decide(@Param('id', ParseUUIDPipe) id: string, @Body() body: DecideObjectionDto, @CurrentPrincipal() principal: Principal): Promise<ObjectionStateResponse> {
    return this.decideObjection.execute(principal, id, body);
  }
}
