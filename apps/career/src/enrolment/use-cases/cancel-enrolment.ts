import { Injectable } from '@nestjs/common';
import { Clock } from '@capaian/kinerja';
import type { Principal } from '@capaian/shared/auth';
import { BudgetRepository } from '../../budget/infrastructure/budget.repository';
import { audit, CareerPeople } from '../../common/career-people';
import { SessionRepository } from '../../session/infrastructure/session.repository';
import { canSee } from '../enrolment.access';
import { EnrolmentMessages as M } from '../enrolment.messages';
import type { EnrolmentRow } from '../infrastructure/enrolment.repository';
import { EnrolmentTransaction } from './enrolment-transaction';
import { PromoteWaitlist } from './promote-waitlist';

/**
 * The person, their supervisor, their OPD admin or BKPSDM withdraws a place: the seat frees (and the
 * waitlist moves up in the same transaction) and a commitment goes back to the budget's ledger.
 */
@Injectable()
export class CancelEnrolment {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly budgets: BudgetRepository,
    private readonly people: CareerPeople,
    private readonly waitlist: PromoteWaitlist,
    private readonly clock: Clock,
    private readonly tx: EnrolmentTransaction,
  ) {}

  async execute(actor: Principal, id: string, reason: string): Promise<EnrolmentRow> {
    const self = await this.people.selfOrNull(actor);
    await this.tx.run(
      actor,
      id,
      'cancelled',
      async (m, row, e, session) => {
        if (!canSee(actor, self, row)) throw M.error('AKSES_PENDAFTARAN_DITOLAK');
        const release = e.cancel(reason);
        if (release.seat) await this.sessions.freeSeat(m, session.id);
        if (release.budgetId && release.amount > 0) {
          await this.budgets.release(m, release.budgetId, release.amount, { actor: actor.subject, at: this.clock.now(), enrolmentId: id });
          await audit(m, actor, { action: 'budget.released', entityType: 'budget', entityId: release.budgetId, details: { enrolmentId: id, amount: release.amount } });
        }
      },
      (m, session) => this.waitlist.afterSeatFreed(m, actor, session),
    );
    return this.tx.view(id);
  }
}
