import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@capaian/shared/auth';
import { ListObjectionsQuery } from './dto/list-objections.query';
import { ObjectionQueries } from './objection.queries';
import { ObjectionPage } from './objection-reads.responses';
import { SkpEvaluation } from './objections.responses';

@ApiTags('Evaluasi kinerja dan keberatan')
@ApiBearerAuth()
@Controller()
export class ObjectionReadsHttpController {
  constructor(private readonly queries: ObjectionQueries) {}

  @Get('objections')
  @ApiOkResponse({ type: ObjectionPage })
  @ApiOperation({ summary: 'Keberatan yang diputus oleh pemanggil sebagai atasan pejabat penilai (status=DIAJUKAN: yang menunggu keputusan)' })
  toDecide(@Query() q: ListObjectionsQuery, @CurrentPrincipal() principal: Principal): Promise<ObjectionPage> {
    return this.queries.toDecide(principal, q);
  }

  @Get('skps/:id/evaluation')
  @ApiOkResponse({ type: SkpEvaluation })
  @ApiOperation({ summary: 'Evaluasi akhir SKP beserta keberatannya, bila ada (pembaca SKP)' })
  ofSkp(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() principal: Principal): Promise<SkpEvaluation> {
    return this.queries.ofSkp(principal, id);
  }
}
