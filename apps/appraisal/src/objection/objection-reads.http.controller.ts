import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@capaian/shared/auth';
import type { Page } from '@capaian/shared/http';
import { ListObjectionsQuery } from './dto/list-objections.query';
import { ObjectionQueries, type ObjectionView, type SkpEvaluationView } from './objection.queries';

@ApiTags('Evaluasi kinerja dan keberatan')
@ApiBearerAuth()
@Controller()
export class ObjectionReadsHttpController {
  constructor(private readonly queries: ObjectionQueries) {}

  @Get('objections')
  @ApiOperation({ summary: 'Keberatan yang diputus oleh pemanggil sebagai atasan pejabat penilai (status=DIAJUKAN: yang menunggu keputusan)' })
  toDecide(@Query() q: ListObjectionsQuery, @CurrentPrincipal() principal: Principal): Promise<Page<ObjectionView>> {
    return this.queries.toDecide(principal, q);
  }

  @Get('skps/:id/evaluation')
  @ApiOperation({ summary: 'Evaluasi akhir SKP beserta keberatannya, bila ada (pembaca SKP)' })
  ofSkp(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() principal: Principal): Promise<SkpEvaluationView> {
    return this.queries.ofSkp(principal, id);
  }
}
