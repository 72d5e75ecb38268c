import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock } from '@capaian/kinerja';
import type { Principal } from '@capaian/shared/auth';
import { DEFAULT_UPLOAD_POLICY, OBJECT_STORE, safeFileName, storeUpload, type ObjectStore } from '@capaian/shared/storage';
import { DataSource } from 'typeorm';
import { auditTransition, partyOf } from '../../common/actor';
import { EvidenceRepository, type EvidenceRecord } from '../infrastructure/evidence.repository';
import { PeriodicReportRepository } from '../infrastructure/periodic-report.repository';
import { PeriodReports } from '../period-reports';
import { evidenceView, type EvidenceView } from '../realization.queries';
import { RealizationMessages } from '../realization.messages';

export interface UploadedFile {
  fileName: string | undefined;
  body: Readable;
  contentType: string | undefined;
  length: number | undefined;
}

/**
 * Streams one evidence file to the object store, then records it. Checks come first (owner, set
 * SKP, period open, indicator known); a refused or failed upload leaves no object and no row: the
 * row is written after the object is stored, and a failed row write deletes the object.
 */
@Injectable()
export class UploadEvidence {
  private readonly logger = new Logger('UploadEvidence');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly periods: PeriodReports,
    private readonly reports: PeriodicReportRepository,
    private readonly evidence: EvidenceRepository,
    private readonly clock: Clock,
    @Inject(OBJECT_STORE) private readonly store: ObjectStore,
  ) {}

  async execute(principal: Principal, skpId: string, number: number, indicatorId: string, file: UploadedFile): Promise<EvidenceView> {
    const skp = await this.periods.ownSetSkp(this.dataSource.manager, principal, skpId, file.body);
    const report = await this.dataSource.transaction((tx) => this.periods.reportOf(tx, skp, number));
    try {
      if (!skp.rhk.some((r) => r.indicators.some((i) => i.id === indicatorId))) throw RealizationMessages.error('INDIKATOR_TIDAK_DIKENAL', {}, 'indicatorId');
      report.requireEvidenceAllowed(this.clock.today());
    } catch (e) {
      file.body.resume();
      throw e;
    }
    const id = randomUUID();
    const key = `skp/${skp.id}/${number}/${id}`;
    const stored = await storeUpload(this.store, { key, body: file.body, contentType: file.contentType, declaredLength: file.length, policy: DEFAULT_UPLOAD_POLICY });
    const record: EvidenceRecord = {
      id,
      skpId: skp.id,
      number,
      indicatorId,
      objectKey: key,
      fileName: safeFileName(file.fileName),
      contentType: stored.contentType,
      size: stored.size,
      sha256: stored.sha256,
      uploadedBy: principal.nip ?? principal.subject,
      uploadedAt: this.clock.now(),
    };
    try {
      await this.dataSource.transaction(async (tx) => {
        // The period may have been answered while the file streamed: check again under the lock.
        const locked = await this.reports.lock(tx, skp.id, number);
        locked?.requireEvidenceAllowed(this.clock.today());
        await this.evidence.insert(tx, record);
        await auditTransition(tx, partyOf(principal), { action: 'evidence.uploaded', entityType: 'skp', entityId: skp.id, details: { period: number, indicatorId, evidenceId: id, sha256: stored.sha256, size: stored.size } });
      });
    } catch (e) {
      await this.store.delete(key).catch((err) => this.logger.error(`orphan evidence object ${key}: ${String(err)}`));
      throw e;
    }
    return evidenceView(record);
  }
}
