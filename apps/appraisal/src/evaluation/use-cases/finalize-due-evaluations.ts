import { Injectable } from '@nestjs/common';
import { EvaluationFinalizedV1 } from '@capaian/contracts';
import { Clock } from '@capaian/kinerja';
import { OutboxService } from '@capaian/shared/messaging';
import { AuditEntry } from '@capaian/shared/persistence';
import type { EntityManager } from 'typeorm';
import { SYSTEM } from '../../common/actor';
import { evaluationEventData } from '../../realization/evaluation-events';
import { SkpRepository } from '../../skp/infrastructure/skp.repository';
import { EvaluationRepository } from '../infrastructure/evaluation.repository';

/** The job: finalizes the evaluations whose objection window has lapsed, a batch per call, in the job's transaction; returns how many. */
@Injectable()
export class FinalizeDueEvaluations {
  constructor(
    private readonly skps: SkpRepository,
    private readonly evaluations: EvaluationRepository,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  async execute(m: EntityManager, limit = 2000): Promise<number> {
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
      states.flatMap((s) => {
        const skp = skps.get(s.skpId);
        // The evaluation table references skp, so the SKP is there; flatMap only satisfies the type.
        return skp ? [{ type: EvaluationFinalizedV1, subject: s.skpId, data: evaluationEventData(skp, { evaluationId: s.id, ratingHasilKerja: s.ratingHasilKerja, ratingPerilaku: s.ratingPerilaku, predikat: s.predikat }) }] : [];
      }),
    );
    return finalized.length;
  }

}
