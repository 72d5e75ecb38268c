import { Injectable } from '@nestjs/common';
import { PlanningDueV1, type PlanningDueEventData } from '@capaian/contracts';
import { Clock } from '@capaian/kinerja';
import { OutboxService } from '@capaian/shared/messaging';
import type { EntityManager } from 'typeorm';
import { defaultCadence } from '../../cadence/domain/cadence';
import { opdsDueForPlanningNotice } from '../domain/planning-due';
import { PlanningNoticeRepository } from '../infrastructure/planning-notice.repository';

/** How many days before the OPD's planning deadline an employee without a submitted SKP is told. */
export const PLANNING_DUE_LEAD_DAYS = 7;

/**
 * The daily job: every active employee of an OPD whose planning deadline for this year is at most
 * `leadDays` away, with no SKP of the year submitted or set, gets one `planning-due` event
 * (notification reminds the employee and escalates while nothing is submitted). The employee is
 * marked told in the same statement that finds them, so each (employee, year) is announced once
 * across replicas and reruns. Runs in the job's transaction.
 */
@Injectable()
export class AnnouncePlanningDue {
  constructor(
    private readonly notices: PlanningNoticeRepository,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  async execute(m: EntityManager, leadDays = PLANNING_DUE_LEAD_DAYS): Promise<number> {
    const today = this.clock.today();
    // A planning deadline lies within its own year (checkCadence): only this year can be due.
    const year = Number(today.slice(0, 4));
    const fallback = defaultCadence(year).planningDeadline;
    const opds = (await this.notices.opds(m, year)).map((o) => ({ ...o, planningDeadline: o.planningDeadline ?? fallback }));
    const due = opdsDueForPlanningNotice(opds, today, leadDays);
    const deadlineOf = new Map(due.map((o) => [o.opdId, o.planningDeadline]));
    const employees = await this.notices.claimUnplanned(m, due.map((o) => o.opdId), year, this.clock.now());
    await this.outbox.enqueueMany(
      m,
      employees.map((e) => ({
        type: PlanningDueV1,
        subject: e.nip,
        data: {
          employeeId: e.employeeId,
          nip: e.nip,
          opdCode: e.opdCode,
          year,
          planningDeadline: deadlineOf.get(e.opdId) ?? fallback,
          penilaiNip: e.penilaiNip,
          atasanPenilaiNip: e.atasanPenilaiNip,
        } satisfies PlanningDueEventData,
      })),
    );
    return employees.length;
  }
}
