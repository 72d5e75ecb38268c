import { Controller, Get, Param, ParseIntPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@capaian/shared/auth';
import { CompletionQuery } from './completion.query';
import { CompletionDashboardResponse } from './dashboard.responses';

@ApiTags('Dasbor kelengkapan')
@ApiBearerAuth()
@Controller('dashboard')
export class DashboardHttpController {
  constructor(private readonly completion: CompletionQuery) {}

  @Get(':year/:opdCode')
  @ApiOkResponse({ type: CompletionDashboardResponse })
  @Roles('admin-bkpsdm', 'admin-opd', 'pimpinan')
  @ApiOperation({ summary: 'Kelengkapan SKP satu OPD: belum menyusun, belum melapor, belum dinilai, dan pejabat penilai yang menahan, per unit' })
  get(@Param('year', ParseIntPipe) year: number, @Param('opdCode') opdCode: string, @CurrentPrincipal() principal: Principal): Promise<CompletionDashboardResponse> {
    return this.completion.of(year, opdCode, principal);
  }
}
