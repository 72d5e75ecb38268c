import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@capaian/shared/auth';
import { OBJECT_STORE, type ObjectDownload, type ObjectStore } from '@capaian/shared/storage';
import { DataSource } from 'typeorm';
import { periodsOfSkp, type CalendarPeriod } from '../cadence/domain/cadence';
import { CadenceRepository } from '../cadence/infrastructure/cadence.repository';
import { SkpReader } from '../common/skp-reader';
import type { RealizationLine, ReportStatus } from './domain/periodic-report';
import { EvidenceRepository, type EvidenceRecord } from './infrastructure/evidence.repository';
import { PeriodicReportRepository } from './infrastructure/periodic-report.repository';
import { RealizationMessages } from './realization.messages';

export interface EvidenceView {
  id: string;
  period: number;
  indicatorId: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: Date;
}

export interface PeriodView extends CalendarPeriod {
  status: ReportStatus;
  realizations: RealizationLine[];
  feedback: string | null;
  evidence: EvidenceView[];
}

export function evidenceView(e: EvidenceRecord): EvidenceView {
  return { id: e.id, period: e.number, indicatorId: e.indicatorId, fileName: e.fileName, contentType: e.contentType, size: e.size, sha256: e.sha256, uploadedBy: e.uploadedBy, uploadedAt: e.uploadedAt };
}

/** Reads of periodic realization: an SKP's periods with reports and evidence, and one evidence file. */
@Injectable()
export class RealizationQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reader: SkpReader,
    private readonly reports: PeriodicReportRepository,
    private readonly evidence: EvidenceRepository,
    private readonly cadences: CadenceRepository,
    @Inject(OBJECT_STORE) private readonly store: ObjectStore,
  ) {}

  /** The SKP's periods from its OPD calendar, each with its report (or TERBUKA) and evidence. */
  async periodsOf(principal: Principal, skpId: string): Promise<PeriodView[]> {
    const m = this.dataSource.manager;
    const skp = await this.reader.readable(m, principal, skpId);
    const cadence = await this.cadences.get(m, skp.snapshot.opd?.code ?? null, skp.year);
    const stored = new Map((await this.reports.listOf(m, skpId)).map((r) => [r.number, r]));
    const files = await this.evidence.listOf(m, skpId);
    return periodsOfSkp(cadence, skp.startDate, skp.endDate).map((p) => {
      const r = stored.get(p.number);
      return { ...p, status: r?.status ?? 'TERBUKA', realizations: r?.realizations ?? [], feedback: r?.feedback ?? null, evidence: files.filter((f) => f.number === p.number).map(evidenceView) };
    });
  }

  /** An evidence file for those who may read the SKP (the controller serves it as an attachment). */
  async download(principal: Principal, evidenceId: string): Promise<{ record: EvidenceRecord; file: ObjectDownload }> {
    const m = this.dataSource.manager;
    const record = await this.evidence.find(m, evidenceId);
    if (!record) throw RealizationMessages.error('BUKTI_TIDAK_DITEMUKAN');
    await this.reader.readable(m, principal, record.skpId);
    const file = await this.store.get(record.objectKey);
    if (!file) throw RealizationMessages.error('BUKTI_TIDAK_DITEMUKAN');
    return { record, file };
  }
}
