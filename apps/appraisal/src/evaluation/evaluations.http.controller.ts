import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@capaian/shared/auth';
import { RateEvaluationDto } from './dto/rate-evaluation.dto';
import { EvaluationQueries } from './evaluation.queries';
import { RateEvaluation } from './use-cases/rate-evaluation';

@ApiTags('Evaluasi kinerja dan keberatan')
@ApiBearerAuth()
@Controller()
export class EvaluationsHttpController {
  constructor(
    private readonly queries: EvaluationQueries,
    private readonly rateEvaluation: RateEvaluation,
  ) {}

  @Get('skps/:id/achievement')
  @ApiOperation({ summary: 'Capaian per indikator dan RHK, dan saran rating hasil kerja' })
  achievement(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() principal: Principal) {
    return this.queries.achievementOf(principal, id);
  }

  @Post('skps/:id/evaluation')
  @HttpCode(200)
  @ApiOperation({ summary: 'Menilai akhir tahun: rating hasil kerja (saran sistem dikonfirmasi atau diubah dengan alasan) dan perilaku (pejabat penilai)' })
  rate(@Param('id', ParseUUIDPipe) id: string, @Body() body: RateEvaluationDto, @CurrentPrincipal() principal: Principal) {
    return this.rateEvaluation.execute(principal, id, body);
  }

  @Get('evaluations/:id')
  @ApiOperation({ summary: 'Satu evaluasi kinerja' })
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() principal: Principal) {
    return this.queries.get(principal, id);
  }
}
