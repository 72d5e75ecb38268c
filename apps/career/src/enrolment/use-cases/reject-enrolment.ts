import { Injectable } from '@nestjs/common';
import type { Principal } from '@capaian/shared/auth';
import { SessionRepository } from '../../session/infrastructure/session.repository';
import { requireBkpsdm } from '../enrolment.access';
import type { EnrolmentRow } from '../infrastructure/enrolment.repository';
import { EnrolmentTransaction } from './enrolment-transaction';
import { PromoteWaitlist } from './promote-waitlist';

/** BKPSDM rejects a place with a reason; the seat frees and the waitlist moves up in the same transaction. */
@Injectable()
export class RejectEnrolment {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly waitlist: PromoteWaitlist,
    private readonly tx: EnrolmentTransaction,
  ) {}

  async execute(actor: Principal, id: string, reason: string): Promise<EnrolmentRow> {
    requireBkpsdm(actor);
    await this.tx.run(
      actor,
      id,
      'rejected',
      async (m, _row, e, session) => {
        e.reject(reason);
        await this.sessions.freeSeat(m, session.id);
      },
      (m, session) => this.waitlist.afterSeatFreed(m, actor, session),
    );
    return this.tx.view(id);
  }
}
