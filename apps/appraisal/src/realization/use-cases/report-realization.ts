import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RealizationReportedV1 } from '@capaian/contracts';
import { Clock } from '@capaian/kinerja';
import type { Principal } from '@capaian/shared/auth';
import { OutboxService } from '@capaian/shared/messaging';
import { DataSource } from 'typeorm';
import { auditTransition, partyOf } from '../../common/actor';
import type { ReportState } from '../domain/periodic-report';
import type { ReportRealizationDto } from '../dto/report-realization.dto';
import { evaluationEventData } from '../evaluation-events';
import { EvidenceRepository } from '../infrastructure/evidence.repository';
import { PeriodicReportRepository } from '../infrastructure/periodic-report.repository';
import { PeriodReports } from '../period-reports';

/** The employee reports (or corrects, until answered) a period's realizations, within its reporting window. */
@Injectable()
export class ReportRealization {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly periods: PeriodReports,
    private readonly reports: PeriodicReportRepository,
    private readonly evidence: EvidenceRepository,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  execute(principal: Principal, skpId: string, number: number, body: ReportRealizationDto): Promise<ReportState> {
    return this.dataSource.transaction(async (m) => {
      const skp = await this.periods.ownSetSkp(m, principal, skpId);
      const report = await this.periods.reportOf(m, skp, number);
      const counts = await this.evidence.countByIndicator(m, skp.id, number);
      const lines = body.realizations.map((l) => ({ indicatorId: l.indicatorId, value: l.value, note: l.note?.trim() || null }));
      const t = report.report(this.clock.today(), lines, skp.rhk.flatMap((r) => r.indicators), counts);
      await this.reports.update(m, report, this.clock.now());
      report.pullEvents();
      await auditTransition(m, partyOf(principal), { action: 'periodic-report.reported', entityType: 'periodic-report', entityId: report.id, from: t.from, to: t.to, details: { skpId, period: number } });
      await this.outbox.enqueue(m, { type: RealizationReportedV1, subject: skp.id, data: evaluationEventData(skp, { period: number }) });
      return report.toState();
    });
  }
}
