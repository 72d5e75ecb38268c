import { Body, Controller, Get, Param, ParseIntPipe, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@capaian/shared/auth';
import { CadenceQueries } from './cadence.queries';
import { SetCadenceDto } from './dto/set-cadence.dto';
import { SetCadence } from './use-cases/set-cadence';
import { CadenceResponse } from './cadences.responses';

@ApiTags('Jadwal penilaian OPD')
@ApiBearerAuth()
@Controller('cadences')
export class CadencesHttpController {
  constructor(
    private readonly setCadence: SetCadence,
    private readonly queries: CadenceQueries,
  ) {}

  @Put(':year/:opdCode')
  @ApiOkResponse({ type: CadenceResponse })
  @Roles('admin-bkpsdm')
  @ApiOperation({ summary: 'Menetapkan jadwal penilaian (bulanan/triwulanan) dan batas waktunya untuk satu OPD (BKPSDM)' })
  set(@Param('year', ParseIntPipe) year: number, @Param('opdCode') opdCode: string, @Body() body: SetCadenceDto, @CurrentPrincipal() principal: Principal): Promise<CadenceResponse> {
    return this.setCadence.execute(principal, year, opdCode, body);
  }

  @Get(':year/:opdCode')
  @ApiOkResponse({ type: CadenceResponse })
  @ApiOperation({ summary: 'Jadwal penilaian satu OPD dengan periode dan batas waktunya' })
  get(@Param('year', ParseIntPipe) year: number, @Param('opdCode') opdCode: string): Promise<CadenceResponse> {
    return this.queries.get(year, opdCode);
  }
}
