import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ObjectionFiledV1 } from '@capaian/contracts';
import { Clock } from '@capaian/kinerja';
import type { Principal } from '@capaian/shared/auth';
import { OutboxService } from '@capaian/shared/messaging';
import { DataSource } from 'typeorm';
import { auditTransition, partyOf } from '../../common/actor';
import { EvaluationMessages } from '../../evaluation/evaluation.messages';
import { EvaluationRepository } from '../../evaluation/infrastructure/evaluation.repository';
import { evaluationEventData } from '../../realization/evaluation-events';
import { SkpRepository } from '../../skp/infrastructure/skp.repository';
import { Objection, type ObjectionState } from '../domain/objection';
import { ObjectionRepository } from '../infrastructure/objection.repository';
import { ObjectionMessages } from '../objection.messages';
import type { FileObjectionDto } from '../dto/file-objection.dto';

/** The employee rated objects, once, within the window; the evaluation waits for the atasan penilai. */
@Injectable()
export class FileObjection {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly objections: ObjectionRepository,
    private readonly evaluations: EvaluationRepository,
    private readonly skps: SkpRepository,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  execute(principal: Principal, evaluationId: string, body: FileObjectionDto): Promise<ObjectionState> {
    return this.dataSource.transaction(async (m) => {
      const evaluation = await this.evaluations.lock(m, evaluationId);
      if (!evaluation) throw EvaluationMessages.error('EVALUASI_TIDAK_DITEMUKAN');
      const e = evaluation.toState();
      const skp = await this.skps.require(m, e.skpId);
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

}
