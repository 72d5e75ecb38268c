import { Injectable } from '@nestjs/common';
import { Clock } from '@capaian/kinerja';
import type { Principal } from '@capaian/shared/auth';
import { requireBkpsdm } from '../enrolment.access';
import { EnrolmentRepository, type EnrolmentRow } from '../infrastructure/enrolment.repository';
import { EnrolmentTransaction } from './enrolment-transaction';

/** BKPSDM records one day of attendance of an approved place (recording a day again corrects it). */
@Injectable()
export class RecordAttendance {
  constructor(
    private readonly enrolments: EnrolmentRepository,
    private readonly clock: Clock,
    private readonly tx: EnrolmentTransaction,
  ) {}

  async execute(actor: Principal, id: string, day: string, present: boolean): Promise<EnrolmentRow> {
    requireBkpsdm(actor);
    await this.tx.run(actor, id, 'attendance-recorded', async (m, _row, e, session) => {
      // A wrong status or a day outside the session is refused by the aggregate before anything is written.
      const writable = e.status === 'DISETUJUI' && day >= session.startDate && day <= session.endDate;
      const before = writable ? await this.enrolments.recordAttendance(m, id, day, present, actor.subject, this.clock.now()) : null;
      e.recordAttendance(day, session, before === true, present);
    });
    return this.tx.view(id);
  }
}
