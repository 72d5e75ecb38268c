import { Controller, Get, Param, ParseIntPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@capaian/shared/auth';
import { CompletionQuery, type CompletionDashboard } from './completion.query';

@ApiTags('Dasbor kelengkapan')
@ApiBearerAuth()
@Controller('dashboard')
export class DashboardHttpController {
  constructor(private readonly completion: CompletionQuery) {}

  @Get(':year/:opdCode')
  @Roles('admin-bkpsdm', 'admin-opd', 'pimpinan')
  @ApiOperation({ summary: 'Kelengkapan SKP satu OPD: belum menyusun, belum melapor, belum dinilai, dan pejabat penilai yang menahan, per unit' })
  get(@Param('year', ParseIntPipe) year: number, @Param('opdCode') opdCode: string, @CurrentPrincipal() principal: Principal): Promise<CompletionDashboard> {
    return this.completion.of(year, opdCode, principal);
  }
}
