import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@capaian/shared/auth';
import { BudgetQueries } from './budget.queries';
import { ChangeAllocationDto } from './dto/change-allocation.dto';
import { ListBudgetsQuery } from './dto/list-budgets.query';
import { ChangeAllocation } from './use-cases/change-allocation';
import { BudgetOneResponse, BudgetRecordResponse } from './budgets.responses';

@ApiTags('Anggaran pengembangan kompetensi')
@ApiBearerAuth()
@Controller('budgets')
export class BudgetsHttpController {
  constructor(
    private readonly changeAllocation: ChangeAllocation,
    private readonly queries: BudgetQueries,
  ) {}

  @Post('allocations')
  @ApiOkResponse({ type: BudgetRecordResponse })
  @HttpCode(200)
  @Roles('admin-bkpsdm', 'admin-opd')
  @ApiOperation({ summary: 'Menambah atau mengurangi alokasi anggaran tahunan (BKPSDM, atau admin OPD untuk OPD-nya)' })
  change(@Body() body: ChangeAllocationDto, @CurrentPrincipal() principal: Principal): Promise<BudgetRecordResponse> {
    return this.changeAllocation.execute(principal, body);
  }

  @Get()
  @ApiOkResponse({ type: BudgetRecordResponse, isArray: true })
  @Roles('admin-bkpsdm', 'admin-opd')
  @ApiOperation({ summary: 'Anggaran per tahun (BKPSDM: semua; admin OPD: OPD-nya)' })
  list(@Query() query: ListBudgetsQuery, @CurrentPrincipal() principal: Principal): Promise<BudgetRecordResponse[]> {
    return this.queries.list(principal, query.year);
  }

  @Get(':id')
  @ApiOkResponse({ type: BudgetOneResponse })
  @Roles('admin-bkpsdm', 'admin-opd')
  @ApiOperation({ summary: 'Anggaran dengan buku besar pergerakannya' })
  one(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() principal: Principal): Promise<BudgetOneResponse> {
    return this.queries.withLedger(principal, id);
  }
}
