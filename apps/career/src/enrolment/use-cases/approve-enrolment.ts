import { Injectable } from '@nestjs/common';
import { Clock } from '@capaian/kinerja';
import type { Principal } from '@capaian/shared/auth';
import { OutboxService } from '@capaian/shared/messaging';
import { thresholdIfCrossed } from '../../budget/budget.events';
import { BudgetMessages } from '../../budget/budget.messages';
import { CENTRAL_BUDGET_OWNER, formatRupiah } from '../../budget/domain/budget';
import { BudgetRepository, type BudgetRecord } from '../../budget/infrastructure/budget.repository';
import { audit } from '../../common/career-people';
import { canManage } from '../enrolment.access';
import { EnrolmentMessages as M } from '../enrolment.messages';
import type { EnrolmentRow } from '../infrastructure/enrolment.repository';
import { EnrolmentTransaction } from './enrolment-transaction';

/**
 * Approval commits the cost against the chosen budget (the person's OPD, or BKPSDM centrally) in
 * one conditional UPDATE: never below zero, whatever number of approvals run at once; a refused
 * commitment rolls the approval back. BKPSDM approves any place; an OPD admin its OPD's, on the
 * OPD's budget.
 */
@Injectable()
export class ApproveEnrolment {
  constructor(
    private readonly budgets: BudgetRepository,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly tx: EnrolmentTransaction,
  ) {}

  async execute(actor: Principal, id: string, fundedBy: 'OPD' | 'BKPSDM'): Promise<EnrolmentRow> {
    let budget: BudgetRecord | null = null;
    let cost = 0;
    await this.tx.run(
      actor,
      id,
      'approved',
      async (m, row, e, session) => {
        const owner = fundedBy === 'BKPSDM' ? CENTRAL_BUDGET_OWNER : row.opdCode;
        if (!canManage(actor, row) || (fundedBy === 'BKPSDM' && !actor.roles.includes('admin-bkpsdm'))) throw M.error('AKSES_PENDAFTARAN_DITOLAK');
        const year = Number(session.startDate.slice(0, 4));
        budget = owner ? await this.budgets.findFor(m, year, owner) : null;
        if (!budget) throw BudgetMessages.error('ANGGARAN_BELUM_DIALOKASIKAN', { owner: owner ?? 'OPD', year });
        cost = session.costPerParticipant;
        e.approve(budget.id, cost); // refuses a place that is not DIVERIFIKASI
      },
      // The commitment is the transaction's last write: the budget row stays locked only from this
      // UPDATE to the commit, so concurrent approvals queue on it as briefly as possible.
      async (m) => {
        const b = budget as BudgetRecord | null;
        if (!b) return;
        const committed = await this.budgets.commit(m, b.id, cost, { actor: actor.subject, at: this.clock.now(), enrolmentId: id });
        if (!committed) {
          const now = await this.budgets.find(m, b.id);
          throw BudgetMessages.error('ANGGARAN_TIDAK_MENCUKUPI', { owner: b.ownerCode, year: b.fiscalYear, balance: formatRupiah(now?.balance ?? 0), amount: formatRupiah(cost) });
        }
        await audit(m, actor, { action: 'budget.committed', entityType: 'budget', entityId: b.id, details: { enrolmentId: id, amount: cost, balance: committed.after.balance } });
        await thresholdIfCrossed(m, this.outbox, committed.before, committed.after);
      },
    );
    return this.tx.view(id);
  }
}
