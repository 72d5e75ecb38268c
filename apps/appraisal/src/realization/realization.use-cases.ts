import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FeedbackGivenV1, RealizationReportedV1 } from '@capaian/contracts';
import { Clock } from '@capaian/kinerja';
import type { Principal } from '@capaian/shared/auth';
import { OutboxService } from '@capaian/shared/messaging';
import { DEFAULT_UPLOAD_POLICY, OBJECT_STORE, safeFileName, storeUpload, type ObjectDownload, type ObjectStore } from '@capaian/shared/storage';
import { DataSource, type EntityManager } from 'typeorm';
import { CadenceMessages } from '../cadence/cadence.messages';
import { periodsOfSkp } from '../cadence/domain/cadence';
import { CadenceRepository } from '../cadence/infrastructure/cadence.repository';
import { SkpAccess } from '../common/access';
import { auditTransition, partyOf, SYSTEM } from '../common/actor';
import type { SkpState } from '../skp/domain/skp';
import { SkpRepository } from '../skp/infrastructure/skp.repository';
import { SkpMessages } from '../skp/skp.messages';
import { PeriodicReport, type ReportState } from './domain/periodic-report';
import { evaluationEventData } from './evaluation-events';
import { EvidenceRepository, type EvidenceRecord } from './infrastructure/evidence.repository';
import { PeriodicReportRepository } from './infrastructure/periodic-report.repository';
import { RealizationMessages } from './realization.messages';
import type { GiveFeedbackDto, ReportRealizationDto } from './report-realization.dto';

/** Periodic realization with evidence, the penilai's feedback, and the locking of periods. */
@Injectable()
export class RealizationUseCases {
  private readonly logger = new Logger('Realization');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly skps: SkpRepository,
    private readonly reports: PeriodicReportRepository,
    private readonly evidence: EvidenceRepository,
    private readonly cadences: CadenceRepository,
    private readonly access: SkpAccess,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    @Inject(OBJECT_STORE) private readonly store: ObjectStore,
  ) {}

  /** The SKP's periods from its OPD calendar, each with its report (or TERBUKA) and evidence. */
  async list(skpId: string, principal: Principal) {
    const m = this.dataSource.manager;
    const skp = await this.readable(m, skpId, principal);
    const cadence = await this.cadences.get(m, skp.snapshot.opd?.code ?? null, skp.year);
    const stored = new Map((await this.reports.listOf(m, skpId)).map((r) => [r.number, r]));
    const files = await this.evidence.listOf(m, skpId);
    return periodsOfSkp(cadence, skp.startDate, skp.endDate).map((p) => {
      const r = stored.get(p.number);
      return {
        ...p,
        status: r?.status ?? 'TERBUKA',
        realizations: r?.realizations ?? [],
        feedback: r?.feedback ?? null,
        evidence: files.filter((f) => f.number === p.number).map(publicEvidence),
      };
    });
  }

  /**
   * Streams one evidence file to the object store, then records it. Checks come first (owner, set
   * SKP, period open, indicator known); a refused or failed upload leaves no object and no row.
   */
  async upload(skpId: string, number: number, indicatorId: string, rawName: string | undefined, body: Readable, contentType: string | undefined, length: number | undefined, principal: Principal) {
    const m = this.dataSource.manager;
    const skp = await this.ownSetSkp(m, skpId, principal, body);
    const indicator = skp.rhk.flatMap((r) => r.indicators).find((i) => i.id === indicatorId);
    const report = await this.dataSource.transaction(async (tx) => this.reportOf(tx, skp, number));
    try {
      if (!indicator) throw RealizationMessages.error('INDIKATOR_TIDAK_DIKENAL', {}, 'indicatorId');
      report.requireEvidenceAllowed(this.clock.today());
    } catch (e) {
      body.resume();
      throw e;
    }
    const id = randomUUID();
    const key = `skp/${skp.id}/${number}/${id}`;
    const stored = await storeUpload(this.store, { key, body, contentType, declaredLength: length, policy: DEFAULT_UPLOAD_POLICY });
    const record: EvidenceRecord = {
      id,
      skpId: skp.id,
      number,
      indicatorId,
      objectKey: key,
      fileName: safeFileName(rawName),
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
        locked!.requireEvidenceAllowed(this.clock.today());
        await this.evidence.insert(tx, record);
        await auditTransition(tx, partyOf(principal), { action: 'evidence.uploaded', entityType: 'skp', entityId: skp.id, details: { period: number, indicatorId, evidenceId: id, sha256: stored.sha256, size: stored.size } });
      });
    } catch (e) {
      await this.store.delete(key).catch((err) => this.logger.error(`orphan evidence object ${key}: ${String(err)}`));
      throw e;
    }
    return publicEvidence(record);
  }

  /** An evidence file for those who may read the SKP, always as a download. */
  async download(evidenceId: string, principal: Principal): Promise<{ record: EvidenceRecord; file: ObjectDownload }> {
    const m = this.dataSource.manager;
    const record = await this.evidence.find(m, evidenceId);
    if (!record) throw RealizationMessages.error('BUKTI_TIDAK_DITEMUKAN');
    await this.readable(m, record.skpId, principal);
    const file = await this.store.get(record.objectKey);
    if (!file) throw RealizationMessages.error('BUKTI_TIDAK_DITEMUKAN');
    return { record, file };
  }

  /** The employee reports (or corrects) the period's realizations. */
  async report(skpId: string, number: number, body: ReportRealizationDto, principal: Principal): Promise<ReportState> {
    return this.dataSource.transaction(async (m) => {
      const skp = await this.ownSetSkp(m, skpId, principal);
      const report = await this.reportOf(m, skp, number);
      const counts = await this.evidence.countByIndicator(m, skp.id, number);
      const indicators = skp.rhk.flatMap((r) => r.indicators);
      const t = report.report(this.clock.today(), body.realizations.map((l) => ({ indicatorId: l.indicatorId, value: l.value, note: l.note?.trim() || null })), indicators, counts);
      await this.reports.update(m, report, this.clock.now());
      report.pullEvents();
      await auditTransition(m, partyOf(principal), { action: 'periodic-report.reported', entityType: 'periodic-report', entityId: report.id, from: t.from, to: t.to, details: { skpId, period: number } });
      await this.outbox.enqueue(m, { type: RealizationReportedV1, subject: skp.id, data: evaluationEventData(skp, { period: number }) });
      return report.toState();
    });
  }

  /** The penilai answers a reported period; required before it locks. */
  async feedback(skpId: string, number: number, body: GiveFeedbackDto, principal: Principal): Promise<ReportState> {
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

  /** The scheduled job: locks every answered period whose feedback deadline has passed. */
  async lockDue(m: EntityManager): Promise<number> {
    let locked = 0;
    for (const report of await this.reports.lockDue(m, this.clock.today(), 10_000)) {
      const t = report.lockIfDue(this.clock.today());
      if (!t) continue;
      await this.reports.update(m, report, this.clock.now());
      await auditTransition(m, SYSTEM, { action: 'periodic-report.locked', entityType: 'periodic-report', entityId: report.id, from: t.from, to: t.to, reason: 'batas waktu umpan balik terlewati' });
      locked++;
    }
    return locked;
  }

  private async readable(m: EntityManager, skpId: string, principal: Principal): Promise<SkpState> {
    const s = await this.skps.find(m, skpId);
    if (!s) throw SkpMessages.error('SKP_TIDAK_DITEMUKAN');
    const ok = await this.access.canRead(m, principal, { nip: s.snapshot.nip, penilaiNip: s.penilaiNip, atasanNip: s.snapshot.atasanPejabatPenilai?.nip ?? null, opdCode: s.snapshot.opd?.code ?? null, unitId: s.snapshot.unit?.unitId ?? null });
    if (!ok) throw SkpMessages.error('AKSES_SKP_DITOLAK');
    return s;
  }

  private async ownSetSkp(m: EntityManager, skpId: string, principal: Principal, drain?: Readable): Promise<SkpState> {
    const s = await this.skps.find(m, skpId);
    try {
      if (!s) throw SkpMessages.error('SKP_TIDAK_DITEMUKAN');
      if (principal.nip !== s.snapshot.nip) throw SkpMessages.error('BUKAN_PEMILIK_SKP', { aksi: 'melaporkan realisasi' });
      if (s.status !== 'DITETAPKAN' && s.status !== 'DITUTUP') throw RealizationMessages.error('SKP_BELUM_DITETAPKAN_UNTUK_REALISASI');
    } catch (e) {
      drain?.resume();
      throw e;
    }
    return s;
  }

  private async reportOf(m: EntityManager, skp: SkpState, number: number): Promise<PeriodicReport> {
    const existing = await this.reports.lock(m, skp.id, number);
    if (existing) return existing;
    const cadence = await this.cadences.get(m, skp.snapshot.opd?.code ?? null, skp.year);
    const period = periodsOfSkp(cadence, skp.startDate, skp.endDate).find((p) => p.number === number);
    if (!period) throw CadenceMessages.error('PERIODE_TIDAK_ADA', { number });
    const fresh = PeriodicReport.open({ id: randomUUID(), skpId: skp.id, number, start: period.start, end: period.end, reportDue: period.reportDue, feedbackDue: period.feedbackDue });
    return this.reports.ensure(m, fresh, this.clock.now());
  }
}

function publicEvidence(e: EvidenceRecord) {
  return { id: e.id, period: e.number, indicatorId: e.indicatorId, fileName: e.fileName, contentType: e.contentType, size: e.size, sha256: e.sha256, uploadedBy: e.uploadedBy, uploadedAt: e.uploadedAt };
}
