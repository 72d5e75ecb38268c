import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FeedbackGivenV1 } from '@capaian/contracts';
import { Clock } from '@capaian/kinerja';
import type { Principal } from '@capaian/shared/auth';
import { OutboxService } from '@capaian/shared/messaging';
import { DataSource } from 'typeorm';
import { auditTransition, partyOf } from '../../common/actor';
import { SkpRepository } from '../../skp/infrastructure/skp.repository';
import { SkpMessages } from '../../skp/skp.messages';
import type { ReportState } from '../domain/periodic-report';
import type { GiveFeedbackDto } from '../dto/give-feedback.dto';
import { evaluationEventData } from '../evaluation-events';
import { PeriodicReportRepository } from '../infrastructure/periodic-report.repository';
import { RealizationMessages } from '../realization.messages';

/** The SKP's current penilai answers a reported period; required before it locks. */
@Injectable()
export class GiveFeedback {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly skps: SkpRepository,
    private readonly reports: PeriodicReportRepository,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  execute(principal: Principal, skpId: string, number: number, body: GiveFeedbackDto): Promise<ReportState> {
    return this.dataSource.transaction(async (m) => {
      const skp = await this.skps.find(m, skpId);
      if (!skp) throw SkpMessages.error('SKP_TIDAK_DITEMUKAN');
      if (!principal.nip || principal.nip !== skp.penilaiNip) throw SkpMessages.error('BUKAN_PEJABAT_PENILAI');
      const report = await this.reports.lock(m, skpId, number);
      if (!report) throw RealizationMessages.error('TRANSISI_LAPORAN_TIDAK_DIIZINKAN', { status: 'terbuka', aksi: 'diberi umpan balik' }, 'status');
      const t = report.giveFeedback(body.feedback);
      await this.reports.update(m, report, this.clock.now());
      report.pullEvents();
      await auditTransition(m, partyOf(principal), { action: 'periodic-report.feedback-given', entityType: 'periodic-report', entityId: report.id, from: t.from, to: t.to, details: { skpId, period: number } });
      await this.outbox.enqueue(m, { type: FeedbackGivenV1, subject: skp.id, data: evaluationEventData(skp, { period: number }) });
      return report.toState();
    });
  }
}
