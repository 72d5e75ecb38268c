import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ObjectionDecidedV1 } from '@capaian/contracts';
import { Clock } from '@capaian/kinerja';
import type { Principal } from '@capaian/shared/auth';
import { OutboxService } from '@capaian/shared/messaging';
import { DataSource } from 'typeorm';
import { auditTransition, partyOf } from '../../common/actor';
import { EvaluationEventRecorder } from '../../evaluation/evaluation.events';
import { EvaluationRepository } from '../../evaluation/infrastructure/evaluation.repository';
import { EvaluationMessages } from '../../evaluation/evaluation.messages';
import { evaluationEventData } from '../../realization/evaluation-events';
import { SkpRepository } from '../../skp/infrastructure/skp.repository';
import type { ObjectionState } from '../domain/objection';
import { ObjectionRepository } from '../infrastructure/objection.repository';
import { ObjectionMessages } from '../objection.messages';
import type { DecideObjectionDto } from '../dto/decide-objection.dto';

/** The atasan penilai decides: accepted with new ratings or rejected with reasons; the evaluation is then final. */
@Injectable()
export class DecideObjection {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly objections: ObjectionRepository,
    private readonly evaluations: EvaluationRepository,
    private readonly events: EvaluationEventRecorder,
    private readonly skps: SkpRepository,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  execute(principal: Principal, objectionId: string, body: DecideObjectionDto): Promise<ObjectionState> {
    return this.dataSource.transaction(async (m) => {
      const objection = await this.objections.lock(m, objectionId);
      if (!objection) throw ObjectionMessages.error('KEBERATAN_TIDAK_DITEMUKAN');
      const o = objection.toState();
      const t = body.accepted
        ? objection.accept(principal.nip ?? null, body.decision, { ratingHasilKerja: body.ratingHasilKerja, ratingPerilaku: body.ratingPerilaku })
        : objection.reject(principal.nip ?? null, body.decision);
      const evaluation = await this.evaluations.lock(m, o.evaluationId);
      if (!evaluation) throw EvaluationMessages.error('EVALUASI_TIDAK_DITEMUKAN');
      const decided = objection.toState();
      const { newRatingHasilKerja: hk, newRatingPerilaku: rp } = decided;
      evaluation.decideObjection(decided.status === 'DITERIMA' && hk && rp ? { ratingHasilKerja: hk, ratingPerilaku: rp } : null);
      const now = this.clock.now();
      await this.objections.update(m, objection, now);
      await this.evaluations.update(m, evaluation, now);
      objection.pullEvents();
      const skp = await this.skps.require(m, evaluation.toState().skpId);
      const e = evaluation.toState();
      await auditTransition(m, partyOf(principal), { action: 'objection.decided', entityType: 'objection', entityId: objectionId, from: t.from, to: t.to, reason: body.decision });
      await this.outbox.enqueue(m, {
        type: ObjectionDecidedV1,
        subject: skp.id,
        data: evaluationEventData(skp, { evaluationId: e.id, objectionId, accepted: body.accepted, ratingHasilKerja: e.ratingHasilKerja, ratingPerilaku: e.ratingPerilaku, predikat: e.predikat }),
      });
      await this.events.record(m, partyOf(principal), skp, evaluation, 'KEBERATAN', body.decision);
      return decided;
    });
  }
}
