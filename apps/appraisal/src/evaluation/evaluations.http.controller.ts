import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@capaian/shared/auth';
import { DecideObjectionDto, FileObjectionDto } from '../objection/objection.dto';
import { ObjectionUseCases } from '../objection/objection.use-cases';
import { EvaluationUseCases } from './evaluation.use-cases';
import { RateEvaluationDto } from './rate-evaluation.dto';

@ApiTags('Evaluasi kinerja dan keberatan')
@ApiBearerAuth()
@Controller()
export class EvaluationsHttpController {
  constructor(
    private readonly evaluations: EvaluationUseCases,
    private readonly objections: ObjectionUseCases,
  ) {}

  @Get('skps/:id/achievement')
  @ApiOperation({ summary: 'Capaian per indikator dan RHK, dan saran rating hasil kerja' })
  achievement(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() principal: Principal) {
    return this.evaluations.achievementOf(id, principal);
  }

  @Post('skps/:id/evaluation')
  @HttpCode(200)
  @ApiOperation({ summary: 'Menilai akhir tahun: rating hasil kerja (saran sistem dikonfirmasi atau diubah dengan alasan) dan perilaku (pejabat penilai)' })
  rate(@Param('id', ParseUUIDPipe) id: string, @Body() body: RateEvaluationDto, @CurrentPrincipal() principal: Principal) {
    return this.evaluations.rate(id, body, principal);
  }

  @Get('evaluations/:id')
  @ApiOperation({ summary: 'Satu evaluasi kinerja' })
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() principal: Principal) {
    return this.evaluations.get(id, principal);
  }

  @Post('evaluations/:id/objection')
  @HttpCode(201)
  @ApiOperation({ summary: 'Mengajukan keberatan dalam masa keberatan (pegawai yang dinilai)' })
  file(@Param('id', ParseUUIDPipe) id: string, @Body() body: FileObjectionDto, @CurrentPrincipal() principal: Principal) {
    return this.objections.file(id, body, principal);
  }

  @Post('objections/:id/decision')
  @HttpCode(200)
  @ApiOperation({ summary: 'Memutus keberatan: diterima dengan rating baru atau ditolak dengan alasan (atasan pejabat penilai)' })
  decide(@Param('id', ParseUUIDPipe) id: string, @Body() body: DecideObjectionDto, @CurrentPrincipal() principal: Principal) {
    return this.objections.decide(id, body, principal);
  }
}
