import { Injectable } from '@nestjs/common';
import { Clock } from '@capaian/kinerja';
import type { Principal } from '@capaian/shared/auth';
import { OutboxService } from '@capaian/shared/messaging';
import type { EntityManager } from 'typeorm';
import { audit } from '../../common/career-people';
import { SessionRepository, type SessionRecord } from '../../session/infrastructure/session.repository';
import { placesToPromote } from '../domain/waitlist';
import { publishEnrolmentChanges } from '../enrolment.events';
import { EnrolmentRepository } from '../infrastructure/enrolment.repository';

/**
 * A seat freed (a rejection or a cancellation): inside the same transaction, under the session's
 * lock, the first waiting person who can attend moves up and takes it. Event-driven, not scheduled:
 * the queue never waits for a job.
 */
@Injectable()
export class PromoteWaitlist {
  constructor(
    private readonly enrolments: EnrolmentRepository,
    private readonly sessions: SessionRepository,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  async afterSeatFreed(m: EntityManager, actor: Principal, session: SessionRecord): Promise<string[]> {
    await this.sessions.lock(m, session.id);
    const [{ free }] = await m.query(`SELECT quota - seats_taken AS free FROM program_session WHERE id = $1`, [session.id]);
    const ids = placesToPromote(await this.enrolments.queueOf(m, session.id), free);
    for (const id of ids) {
      if (!(await this.sessions.takeSeat(m, session.id))) break;
      const { row, enrolment } = await this.enrolments.lock(m, id);
      enrolment.promote();
      await this.enrolments.save(m, enrolment, this.clock.now());
      await audit(m, actor, { action: 'enrolment.promoted', entityType: 'enrolment', entityId: id, from: 'DAFTAR_TUNGGU', to: enrolment.status });
      await publishEnrolmentChanges(m, this.outbox, enrolment, row, session);
    }
    return ids;
  }
}
