import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ObjectionDecidedV1, ObjectionFiledV1 } from '@capaian/contracts';
import { Clock } from '@capaian/kinerja';
import type { Principal } from '@capaian/shared/auth';
import { OutboxService } from '@capaian/shared/messaging';
import { DataSource } from 'typeorm';
import { auditTransition, partyOf } from '../common/actor';
import { EvaluationMessages } from '../evaluation/evaluation.messages';
import { EvaluationUseCases } from '../evaluation/evaluation.use-cases';
import { EvaluationRepository } from '../evaluation/infrastructure/evaluation.repository';
import { evaluationEventData } from '../realization/evaluation-events';
import { SkpRepository } from '../skp/infrastructure/skp.repository';
import { Objection, type ObjectionState } from './domain/objection';
import { ObjectionRepository } from './infrastructure/objection.repository';
import type { DecideObjectionDto, FileObjectionDto } from './objection.dto';
import { ObjectionMessages } from './objection.messages';

/** Keberatan: filed by the employee within the window, decided by the atasan penilai; the evaluation is then final. */
@Injectable()
export class ObjectionUseCases {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly objections: ObjectionRepository,
    private readonly evaluations: EvaluationRepository,
    private readonly evaluationUseCases: EvaluationUseCases,
    private readonly skps: SkpRepository,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  async file(evaluationId: string, body: FileObjectionDto, principal: Principal): Promise<ObjectionState> {
    return this.dataSource.transaction(async (m) => {
      const evaluation = await this.evaluations.lock(m, evaluationId);
      if (!evaluation) throw EvaluationMessages.error('EVALUASI_TIDAK_DITEMUKAN');
      const e = evaluation.toState();
      const skp = (await this.skps.find(m, e.skpId))!;
      if (await this.objections.existsFor(m, evaluationId)) throw ObjectionMessages.error('KEBERATAN_SUDAH_ADA');
      const objection = Objection.file({
        id: randomUUID(),
        evaluationId,
        employeeNip: skp.snapshot.nip,
        atasanNip: skp.snapshot.atasanPejabatPenilai?.nip ?? null,
        actorNip: principal.nip ?? null,
        reason: body.reason,
        today: this.clock.today(),
        objectionDeadline: e.objectionDeadline,
      });
      const t = evaluation.markObjected();
      const now = this.clock.now();
      await this.evaluations.update(m, evaluation, now);
      await this.objections.insert(m, objection, now);
      objection.pullEvents();
      await auditTransition(m, partyOf(principal), { action: 'objection.filed', entityType: 'evaluation', entityId: evaluationId, from: t.from, to: t.to, reason: body.reason, details: { objectionId: objection.id } });
      await this.outbox.enqueue(m, {
        type: ObjectionFiledV1,
        subject: skp.id,
        data: evaluationEventData(skp, { evaluationId, objectionId: objection.id, ratingHasilKerja: e.ratingHasilKerja, ratingPerilaku: e.ratingPerilaku, predikat: e.predikat }),
      });
      return objection.toState();
    });
  }

  async decide(objectionId: string, body: DecideObjectionDto, principal: Principal): Promise<ObjectionState> {
    return this.dataSource.transaction(async (m) => {
      const objection = await this.objections.lock(m, objectionId);
      if (!objection) throw ObjectionMessages.error('KEBERATAN_TIDAK_DITEMUKAN');
      const o = objection.toState();
      const t = body.accepted
        ? objection.accept(principal.nip ?? null, body.decision, { ratingHasilKerja: body.ratingHasilKerja, ratingPerilaku: body.ratingPerilaku })
        : objection.reject(principal.nip ?? null, body.decision);
      const evaluation = (await this.evaluations.lock(m, o.evaluationId))!;
      const decided = objection.toState();
      evaluation.decideObjection(body.accepted ? { ratingHasilKerja: decided.newRatingHasilKerja!, ratingPerilaku: decided.newRatingPerilaku! } : null);
      const now = this.clock.now();
      await this.objections.update(m, objection, now);
      await this.evaluations.update(m, evaluation, now);
      objection.pullEvents();
      const skp = (await this.skps.find(m, evaluation.toState().skpId))!;
      const e = evaluation.toState();
      await auditTransition(m, partyOf(principal), { action: 'objection.decided', entityType: 'objection', entityId: objectionId, from: t.from, to: t.to, reason: body.decision });
      await this.outbox.enqueue(m, {
        type: ObjectionDecidedV1,
        subject: skp.id,
        data: evaluationEventData(skp, { evaluationId: e.id, objectionId, accepted: body.accepted, ratingHasilKerja: e.ratingHasilKerja, ratingPerilaku: e.ratingPerilaku, predikat: e.predikat }),
      });
      await this.evaluationUseCases.record(m, partyOf(principal), skp, evaluation, 'KEBERATAN', body.decision);
      return decided;
    });
  }
}
