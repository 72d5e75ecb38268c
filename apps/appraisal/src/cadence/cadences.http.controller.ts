import { Body, Controller, Get, Param, ParseIntPipe, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@capaian/shared/auth';
import { CadenceUseCases } from './cadence.use-cases';
import { SetCadenceDto } from './set-cadence.dto';

@ApiTags('Jadwal penilaian OPD')
@ApiBearerAuth()
@Controller('cadences')
export class CadencesHttpController {
  constructor(private readonly cadences: CadenceUseCases) {}

  @Put(':year/:opdCode')
  @Roles('admin-bkpsdm')
  @ApiOperation({ summary: 'Menetapkan jadwal penilaian (bulanan/triwulanan) dan batas waktunya untuk satu OPD (BKPSDM)' })
  set(@Param('year', ParseIntPipe) year: number, @Param('opdCode') opdCode: string, @Body() body: SetCadenceDto, @CurrentPrincipal() principal: Principal) {
    return this.cadences.set(year, opdCode, body, principal);
  }

  @Get(':year/:opdCode')
  @ApiOperation({ summary: 'Jadwal penilaian satu OPD dengan periode dan batas waktunya' })
  get(@Param('year', ParseIntPipe) year: number, @Param('opdCode') opdCode: string) {
    return this.cadences.get(year, opdCode);
  }
}
