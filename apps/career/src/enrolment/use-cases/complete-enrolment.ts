import { Injectable } from '@nestjs/common';
import { Clock } from '@capaian/kinerja';
import type { Principal } from '@capaian/shared/auth';
import { BudgetRepository } from '../../budget/infrastructure/budget.repository';
import { audit } from '../../common/career-people';
import { requireBkpsdm } from '../enrolment.access';
import type { EnrolmentRow } from '../infrastructure/enrolment.repository';
import { EnrolmentTransaction } from './enrolment-transaction';

/** BKPSDM declares the place passed or failed; what was committed becomes realization. */
@Injectable()
export class CompleteEnrolment {
  constructor(
    private readonly budgets: BudgetRepository,
    private readonly clock: Clock,
    private readonly tx: EnrolmentTransaction,
  ) {}

  async execute(actor: Principal, id: string, passed: boolean): Promise<EnrolmentRow> {
    requireBkpsdm(actor);
    await this.tx.run(actor, id, passed ? 'passed' : 'failed', async (m, _row, e) => {
      const spent = e.complete(passed);
      if (spent.budgetId && spent.amount > 0) {
        await this.budgets.realize(m, spent.budgetId, spent.amount, { actor: actor.subject, at: this.clock.now(), enrolmentId: id });
        await audit(m, actor, { action: 'budget.realized', entityType: 'budget', entityId: spent.budgetId, details: { enrolmentId: id, amount: spent.amount } });
      }
    });
    return this.tx.view(id);
  }
}
