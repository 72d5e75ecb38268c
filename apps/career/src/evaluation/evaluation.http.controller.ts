import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@capaian/shared/auth';
import { GiveFeedbackDto } from './dto/give-feedback.dto';
import { GiveFollowUpDto } from './dto/give-follow-up.dto';
import { GiveFeedback } from './use-cases/give-feedback';
import { GiveFollowUp } from './use-cases/give-follow-up';
import { EvaluationFollowResponse, EvaluationGiveResponse } from './evaluation.responses';

@ApiTags('Evaluasi pelatihan')
@ApiBearerAuth()
@Controller('enrolments/:id')
export class EvaluationHttpController {
  constructor(
    private readonly feedback: GiveFeedback,
    private readonly followUp: GiveFollowUp,
  ) {}

  @Post('feedback')
  @ApiCreatedResponse({ type: EvaluationGiveResponse })
  @HttpCode(201)
  @ApiOperation({ summary: 'Umpan balik peserta (hanya yang hadir, sekali)' })
  give(@Param('id', ParseUUIDPipe) id: string, @Body() body: GiveFeedbackDto, @CurrentPrincipal() principal: Principal): Promise<EvaluationGiveResponse> {
    return this.feedback.execute(principal, id, body);
  }

  @Post('follow-up')
  @ApiCreatedResponse({ type: EvaluationFollowResponse })
  @HttpCode(201)
  @ApiOperation({ summary: 'Evaluasi penerapan di tempat kerja oleh atasan langsung (sekali, beberapa bulan setelah sesi)' })
  follow(@Param('id', ParseUUIDPipe) id: string, @Body() body: GiveFollowUpDto, @CurrentPrincipal() principal: Principal): Promise<EvaluationFollowResponse> {
    return this.followUp.execute(principal, id, body);
  }
}
