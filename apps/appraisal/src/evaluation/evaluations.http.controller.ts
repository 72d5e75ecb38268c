import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@capaian/shared/auth';
import { RateEvaluationDto } from './dto/rate-evaluation.dto';
import { EvaluationQueries } from './evaluation.queries';
import { RateEvaluation } from './use-cases/rate-evaluation';
import { Achievement, EvaluationStateResponse } from './evaluations.responses';

@ApiTags('Evaluasi kinerja dan keberatan')
@ApiBearerAuth()
@Controller()
export class EvaluationsHttpController {
  constructor(
    private readonly queries: EvaluationQueries,
    private readonly rateEvaluation: RateEvaluation,
  ) {}

  @Get('skps/:id/achievement')
  @ApiOkResponse({ type: Achievement })
  @ApiOperation({ summary: 'Capaian per indikator dan RHK, dan saran rating hasil kerja' })
  achievement(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() principal: Principal): Promise<Achievement> {
    return this.queries.achievementOf(principal, id);
  }

  @Post('skps/:id/evaluation')
  @ApiOkResponse({ type: EvaluationStateResponse })
  @HttpCode(200)
  @ApiOperation({ summary: 'Menilai akhir tahun: rating hasil kerja (saran sistem dikonfirmasi atau diubah dengan alasan) dan perilaku (pejabat penilai)' })
  rate(@Param('id', ParseUUIDPipe) id: string, @Body() body: RateEvaluationDto, @CurrentPrincipal() principal: Principal): Promise<EvaluationStateResponse> {
    return this.rateEvaluation.execute(principal, id, body);
  }

  @Get('evaluations/:id')
  @ApiOkResponse({ type: EvaluationStateResponse })
  @ApiOperation({ summary: 'Satu evaluasi kinerja' })
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() principal: Principal): Promise<EvaluationStateResponse> {
    return this.queries.get(principal, id);
  }
}
