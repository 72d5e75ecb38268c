import { Injectable } from '@nestjs/common';
import { Clock } from '@capaian/kinerja';
import type { EntityManager } from 'typeorm';
import { auditTransition, SYSTEM } from '../../common/actor';
import { PeriodicReportRepository } from '../infrastructure/periodic-report.repository';

/** The daily job: locks every answered period whose feedback deadline has passed (in the job's transaction). */
@Injectable()
export class LockDueReports {
  constructor(
    private readonly reports: PeriodicReportRepository,
    private readonly clock: Clock,
  ) {}

  async execute(m: EntityManager): Promise<number> {
    const today = this.clock.today();
    let locked = 0;
    for (const report of await this.reports.lockDue(m, today, 10_000)) {
      const t = report.lockIfDue(today);
      if (!t) continue;
      await this.reports.update(m, report, this.clock.now());
      await auditTransition(m, SYSTEM, { action: 'periodic-report.locked', entityType: 'periodic-report', entityId: report.id, from: t.from, to: t.to, reason: 'batas waktu umpan balik terlewati' });
      locked++;
    }
    return locked;
  }
}
