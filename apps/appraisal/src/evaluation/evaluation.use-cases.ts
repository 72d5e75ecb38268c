import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EvaluationFinalizedV1, EvaluationRatedV1 } from '@capaian/contracts';
import { Clock, type BerakhlakValue, type Rating } from '@capaian/kinerja';
import type { Principal } from '@capaian/shared/auth';
import { OutboxService } from '@capaian/shared/messaging';
import { AuditEntry } from '@capaian/shared/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { objectionDeadline } from '../cadence/domain/cadence';
import { CadenceRepository } from '../cadence/infrastructure/cadence.repository';
import { SkpAccess } from '../common/access';
import { auditTransition, partyOf, SYSTEM, type ActingParty } from '../common/actor';
import { evaluationEventData } from '../realization/evaluation-events';
import { PeriodicReportRepository } from '../realization/infrastructure/periodic-report.repository';
import type { SkpState } from '../skp/domain/skp';
import { SkpRepository } from '../skp/infrastructure/skp.repository';
import { SkpMessages } from '../skp/skp.messages';
import { AchievementQuery, type AchievementView } from './achievement.query';
import { Evaluation, type EvaluationState } from './domain/evaluation';
import { EvaluationMessages } from './evaluation.messages';
import { EvaluationRepository } from './infrastructure/evaluation.repository';
import type { RateEvaluationDto } from './rate-evaluation.dto';

/** The year-end rating by the penilai, its reading, and the job that finalizes it when the objection window lapses. */
@Injectable()
export class EvaluationUseCases {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly skps: SkpRepository,
    private readonly evaluations: EvaluationRepository,
    private readonly reports: PeriodicReportRepository,
    private readonly cadences: CadenceRepository,
    private readonly achievement: AchievementQuery,
    private readonly access: SkpAccess,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  async achievementOf(skpId: string, principal: Principal): Promise<AchievementView> {
    const m = this.dataSource.manager;
    return this.achievement.of(m, await this.readable(m, skpId, principal));
  }

  /**
   * The penilai rates (or re-rates) a set SKP after its end: every reported period answered, within
   * the OPD's rating deadline. The suggestion comes from capaian; the predikat from the matrix.
   */
  async rate(skpId: string, body: RateEvaluationDto, principal: Principal): Promise<EvaluationState> {
    return this.dataSource.transaction(async (m) => {
      const skp = await this.skps.find(m, skpId);
      if (!skp) throw SkpMessages.error('SKP_TIDAK_DITEMUKAN');
      if (!principal.nip || principal.nip !== skp.penilaiNip) throw SkpMessages.error('BUKAN_PEJABAT_PENILAI');
      if (skp.status !== 'DITETAPKAN' && skp.status !== 'DITUTUP') throw EvaluationMessages.error('SKP_BELUM_DITETAPKAN');
      const today = this.clock.today();
      if (today < skp.endDate) throw EvaluationMessages.error('BELUM_AKHIR_PERIODE', { tanggal: skp.endDate });
      const cadence = await this.cadences.get(m, skp.snapshot.opd?.code ?? null, skp.year);
      if (today > cadence.ratingDeadline) throw EvaluationMessages.error('BATAS_WAKTU_PENILAIAN_TERLEWATI', { batas: cadence.ratingDeadline });
      if ((await this.reports.listOf(m, skp.id)).some((r) => r.status === 'DILAPORKAN')) throw EvaluationMessages.error('UMPAN_BALIK_BELUM_LENGKAP');
      const suggestion = (await this.achievement.of(m, skp)).suggestedRatingHasilKerja;
      const input = { ratingHasilKerja: body.ratingHasilKerja, reason: body.reason, perilaku: body.perilaku as Partial<Record<BerakhlakValue, Rating>>, unitPredikat: body.unitPredikat };
      const unitHead = !!skp.snapshot.jabatan?.unitHead && !!body.unitPredikat;
      const deadline = objectionDeadline(cadence, today);
      const now = this.clock.now();
      let evaluation = await this.evaluations.lockBySkp(m, skp.id);
      let from: string | null = null;
      if (evaluation) {
        from = evaluation.status;
        evaluation.rerate(unitHead, input, deadline);
        await this.evaluations.update(m, evaluation, now, principal.nip);
      } else {
        evaluation = Evaluation.rate({ id: randomUUID(), skpId: skp.id, unitHead, suggested: suggestion, objectionDeadline: deadline }, input);
        await this.evaluations.insert(m, evaluation, { employeeId: skp.snapshot.employeeId, nip: skp.snapshot.nip, opdCode: skp.snapshot.opd?.code ?? null, year: skp.year }, principal.nip, now);
      }
      await this.record(m, partyOf(principal), skp, evaluation, from, body.reason ?? null);
      return evaluation.toState();
    });
  }

  async get(id: string, principal: Principal): Promise<EvaluationState> {
    const m = this.dataSource.manager;
    const e = await this.evaluations.find(m, id);
    if (!e) throw EvaluationMessages.error('EVALUASI_TIDAK_DITEMUKAN');
    await this.readable(m, e.skpId, principal);
    return e;
  }

  /** The scheduled job: finalizes the evaluations whose objection window has lapsed; returns how many. */
  async finalizeDue(m: EntityManager, limit = 2000): Promise<number> {
    const today = this.clock.today();
    const now = this.clock.now();
    const due = await this.evaluations.lockDue(m, today, limit);
    const finalized = due.filter((e) => e.finalizeAfterWindow(today) !== null);
    if (finalized.length === 0) return 0;
    // Set-based for the year-end peak: one UPDATE, one audit INSERT and multi-row outbox INSERTs per batch.
    await this.evaluations.markFinal(m, finalized.map((e) => e.id), now);
    const skps = new Map((await this.skps.findMany(m, finalized.map((e) => e.toState().skpId))).map((s) => [s.id, s]));
    const states = finalized.map((e) => {
      e.pullEvents();
      return e.toState();
    });
    await m.insert(
      AuditEntry,
      states.map((s) => ({
        actor: SYSTEM.subject,
        actorNip: null,
        action: 'evaluation.finalized',
        entityType: 'evaluation',
        entityId: s.id,
        fromState: 'DINILAI',
        toState: 'FINAL',
        reason: 'masa keberatan berakhir',
        details: { ratingHasilKerja: s.ratingHasilKerja, ratingPerilaku: s.ratingPerilaku, predikat: s.predikat } as never,
        correlationId: null,
      })),
    );
    await this.outbox.enqueueMany(
      m,
      states.map((s) => ({
        type: EvaluationFinalizedV1,
        subject: s.skpId,
        data: evaluationEventData(skps.get(s.skpId)!, { evaluationId: s.id, ratingHasilKerja: s.ratingHasilKerja, ratingPerilaku: s.ratingPerilaku, predikat: s.predikat }),
      })),
    );
    return finalized.length;
  }

  /** Audit and events of what the evaluation just did. */
  async record(m: EntityManager, who: ActingParty, skp: SkpState, evaluation: Evaluation, from: string | null, reason: string | null): Promise<void> {
    const s = evaluation.toState();
    const data = evaluationEventData(skp, { evaluationId: s.id, ratingHasilKerja: s.ratingHasilKerja, ratingPerilaku: s.ratingPerilaku, predikat: s.predikat });
    for (const event of evaluation.pullEvents()) {
      await auditTransition(m, who, {
        action: event.kind === 'rated' ? 'evaluation.rated' : 'evaluation.finalized',
        entityType: 'evaluation',
        entityId: s.id,
        from,
        to: s.status,
        reason,
        details: { ratingHasilKerja: s.ratingHasilKerja, ratingPerilaku: s.ratingPerilaku, predikat: s.predikat, suggested: s.suggestedHasilKerja },
      });
      await this.outbox.enqueue(m, { type: event.kind === 'rated' ? EvaluationRatedV1 : EvaluationFinalizedV1, subject: skp.id, data });
    }
  }

  async readable(m: EntityManager, skpId: string, principal: Principal): Promise<SkpState> {
    const s = await this.skps.find(m, skpId);
    if (!s) throw SkpMessages.error('SKP_TIDAK_DITEMUKAN');
    const ok = await this.access.canRead(m, principal, { nip: s.snapshot.nip, penilaiNip: s.penilaiNip, atasanNip: s.snapshot.atasanPejabatPenilai?.nip ?? null, opdCode: s.snapshot.opd?.code ?? null, unitId: s.snapshot.unit?.unitId ?? null });
    if (!ok) throw SkpMessages.error('AKSES_SKP_DITOLAK');
    return s;
  }
}
