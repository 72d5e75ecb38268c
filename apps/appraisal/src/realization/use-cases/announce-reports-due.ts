import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ReportDueV1, type ReportDueEventData } from '@capaian/contracts';
import { Clock } from '@capaian/kinerja';
import { OutboxService } from '@capaian/shared/messaging';
import type { EntityManager } from 'typeorm';
import type { Cadence } from '../../cadence/domain/cadence';
import { CadenceRepository } from '../../cadence/infrastructure/cadence.repository';
import { PeriodicReport } from '../domain/periodic-report';
import { periodsDueForNotice } from '../domain/report-due';
import { PeriodicReportRepository } from '../infrastructure/periodic-report.repository';

/** How many days before a period's report deadline its owner is told (the deadline day itself is the reminder's). */
export const REPORT_DUE_LEAD_DAYS = 3;

/**
 * The daily job: for each SKP with a period whose report deadline is near and which is not reported,
 * one `report-due` event (notification reminds the employee and escalates while nothing comes).
 * The period's report row is opened (as the first touch by the employee would) and locked, then
 * marked announced: a report arriving at the same moment is serialised with it, so the awaited
 * `realization-reported` follows the announcement on the SKP's partition, and each period is
 * announced once across replicas and reruns. Runs in the job's transaction.
 */
@Injectable()
export class AnnounceReportsDue {
  constructor(
    private readonly reports: PeriodicReportRepository,
    private readonly cadences: CadenceRepository,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  async execute(m: EntityManager, leadDays = REPORT_DUE_LEAD_DAYS): Promise<number> {
    const today = this.clock.today();
    const now = this.clock.now();
    const cadences = new Map<string, Cadence>();
    const cadenceOf = async (opdCode: string | null, year: number): Promise<Cadence> => {
      const key = `${opdCode ?? ''}|${year}`;
      let c = cadences.get(key);
      if (!c) cadences.set(key, (c = await this.cadences.get(m, opdCode, year)));
      return c;
    };
    const settled = await this.reports.settledPeriods(m, today);
    let announced = 0;
    for (const skp of await this.reports.reportingSkps(m, today, leadDays)) {
      for (const period of periodsDueForNotice(await cadenceOf(skp.opdCode, skp.year), skp.startDate, skp.endDate, today, leadDays)) {
        if (settled.has(`${skp.id}:${period.number}`)) continue;
        const fresh = PeriodicReport.open({ id: randomUUID(), skpId: skp.id, number: period.number, start: period.start, end: period.end, reportDue: period.reportDue, feedbackDue: period.feedbackDue });
        const report = await this.reports.ensure(m, fresh, now);
        const state = report.toState();
        // A row opened earlier keeps its own deadline: past it, reporting is refused and nothing is left to remind of.
        if (state.reportDue < today || !(await this.reports.markDueNoticed(m, report.id, now))) continue;
        await this.outbox.enqueue(m, {
          type: ReportDueV1,
          subject: skp.id,
          data: {
            skpId: skp.id,
            employeeId: skp.employeeId,
            nip: skp.nip,
            opdCode: skp.opdCode,
            year: skp.year,
            period: period.number,
            periodName: period.name,
            periodStart: period.start,
            periodEnd: period.end,
            reportDue: state.reportDue,
            penilaiNip: skp.penilaiNip,
          } satisfies ReportDueEventData,
        });
        announced++;
      }
    }
    return announced;
  }
}
