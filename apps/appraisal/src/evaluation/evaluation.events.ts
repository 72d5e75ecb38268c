import { Injectable } from '@nestjs/common';
import { EvaluationFinalizedV1, EvaluationRatedV1 } from '@capaian/contracts';
import { OutboxService } from '@capaian/shared/messaging';
import type { EntityManager } from 'typeorm';
import { auditTransition, type ActingParty } from '../common/actor';
import { evaluationEventData } from '../realization/evaluation-events';
import type { SkpState } from '../skp/domain/skp';
import type { Evaluation } from './domain/evaluation';

/** Records what an evaluation just did: an audit entry and an outbox event per domain event, in the caller's transaction. */
@Injectable()
export class EvaluationEventRecorder {
  constructor(private readonly outbox: OutboxService) {}

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

}
