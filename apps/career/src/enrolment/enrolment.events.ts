import { EnrolmentChangedV1, type EnrolmentEventData } from '@capaian/contracts';
import type { OutboxService } from '@capaian/shared/messaging';
import type { EntityManager } from 'typeorm';
import type { SessionRecord } from '../session/infrastructure/session.repository';
import type { Enrolment } from './domain/enrolment';
import type { EnrolmentRow } from './infrastructure/enrolment.repository';

/** Every change the aggregate collected goes to `career.enrolment.v1`, keyed by the enrolment id, in order. */
export async function publishEnrolmentChanges(
  m: EntityManager,
  outbox: OutboxService,
  enrolment: Enrolment,
  person: Pick<EnrolmentRow, 'employeeId' | 'nip' | 'opdCode'>,
  session: SessionRecord,
): Promise<void> {
  const s = enrolment.snapshot();
  const events = enrolment.pullEvents().map((c) => ({
    type: EnrolmentChangedV1,
    subject: s.id,
    data: {
      enrolmentId: s.id,
      sessionId: session.id,
      programId: session.programId,
      programName: session.programName,
      employeeId: person.employeeId,
      nip: person.nip,
      opdCode: person.opdCode,
      origin: s.origin,
      transition: c.transition,
      fromStatus: c.from,
      status: c.to,
      startDate: session.startDate,
      endDate: session.endDate,
      reason: c.transition === 'rejected' || c.transition === 'cancelled' ? s.reason : null,
    } satisfies EnrolmentEventData,
  }));
  await outbox.enqueueMany(m, events);
}
