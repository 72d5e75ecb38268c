import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@capaian/shared/auth';
import { PenilaiRhkQueries } from './penilai-rhk.queries';
import { YearQuery } from './skps.http.controller';
import { PenilaiRhk } from './skps.responses';

@ApiTags('SKP')
@ApiBearerAuth()
@Controller()
export class PenilaiRhkHttpController {
  constructor(private readonly queries: PenilaiRhkQueries) {}

  @Get('skps/:id/penilai-rhk')
  @ApiOkResponse({ type: PenilaiRhk })
  @ApiOperation({ summary: 'RHK pejabat penilai yang dapat diintervensi oleh RHK SKP ini (pemilik SKP dan pejabat penilainya)' })
  forSkp(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() principal: Principal): Promise<PenilaiRhk> {
    return this.queries.forSkp(principal, id);
  }

  @Get('penilai-rhk')
  @ApiOkResponse({ type: PenilaiRhk })
  @ApiOperation({ summary: 'RHK pejabat penilai sendiri (SKP yang ditetapkan pada tahun itu) untuk menyusun SKP baru' })
  forCaller(@Query() q: YearQuery, @CurrentPrincipal() principal: Principal): Promise<PenilaiRhk> {
    return this.queries.forCaller(principal, q.year);
  }
}
