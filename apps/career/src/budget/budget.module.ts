import { Module } from '@nestjs/common';
import { BudgetQueries } from './budget.queries';
import { BudgetsHttpController } from './budgets.http.controller';
import { BudgetRepository } from './infrastructure/budget.repository';
import { ChangeAllocation } from './use-cases/change-allocation';

/** Yearly budgets per OPD and for BKPSDM as a ledger; the repository is exported for the enrolment workflow's commitments. */
@Module({
  controllers: [BudgetsHttpController],
  providers: [ChangeAllocation, BudgetQueries, BudgetRepository],
  exports: [BudgetRepository],
})
export class BudgetModule {}
