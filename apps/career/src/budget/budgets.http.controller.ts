import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@capaian/shared/auth';
import { BudgetQueries } from './budget.queries';
import { ChangeAllocationDto } from './dto/change-allocation.dto';
import { ListBudgetsQuery } from './dto/list-budgets.query';
import { ChangeAllocation } from './use-cases/change-allocation';

@ApiTags('Anggaran pengembangan kompetensi')
@ApiBearerAuth()
@Controller('budgets')
export class BudgetsHttpController {
  constructor(
    private readonly changeAllocation: ChangeAllocation,
    private readonly queries: BudgetQueries,
  ) {}

  @Post('allocations')
  @HttpCode(200)
  @Roles('admin-bkpsdm', 'admin-opd')
  @ApiOperation({ summary: 'Menambah atau mengurangi alokasi anggaran tahunan (BKPSDM, atau admin OPD untuk OPD-nya)' })
  change(@Body() body: ChangeAllocationDto, @CurrentPrincipal() principal: Principal) {
    return this.changeAllocation.execute(principal, body);
  }

  @Get()
  @Roles('admin-bkpsdm', 'admin-opd')
  @ApiOperation({ summary: 'Anggaran per tahun (BKPSDM: semua; admin OPD: OPD-nya)' })
  list(@Query() query: ListBudgetsQuery, @CurrentPrincipal() principal: Principal) {
    return this.queries.list(principal, query.year);
  }

  @Get(':id')
  @Roles('admin-bkpsdm', 'admin-opd')
  @ApiOperation({ summary: 'Anggaran dengan buku besar pergerakannya' })
  one(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() principal: Principal) {
    return this.queries.withLedger(principal, id);
  }
}
