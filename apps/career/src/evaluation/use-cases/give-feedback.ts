import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock } from '@capaian/kinerja';
import type { Principal } from '@capaian/shared/auth';
import { DataSource } from 'typeorm';
import { audit } from '../../common/career-people';
import { EnrolmentMessages } from '../../enrolment/enrolment.messages';
import { EnrolmentRepository } from '../../enrolment/infrastructure/enrolment.repository';
import { SessionRepository } from '../../session/infrastructure/session.repository';
import type { GiveFeedbackDto } from '../dto/give-feedback.dto';
import { EvaluationMessages as M } from '../evaluation.messages';
import { EvaluationRepository } from '../infrastructure/evaluation.repository';

const FINISHED = ['LULUS', 'TIDAK_LULUS', 'SERTIFIKAT_DIUNGGAH', 'SELESAI'];

/** The participant's feedback on a session: only someone who attended it, and once. */
@Injectable()
export class GiveFeedback {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly enrolments: EnrolmentRepository,
    private readonly sessions: SessionRepository,
    private readonly evaluations: EvaluationRepository,
    private readonly clock: Clock,
  ) {}

  execute(actor: Principal, enrolmentId: string, dto: GiveFeedbackDto) {
    return this.dataSource.transaction(async (m) => {
      const row = await this.enrolments.find(m, enrolmentId);
      if (!row) throw EnrolmentMessages.error('PENDAFTARAN_TIDAK_DITEMUKAN');
      if (row.nip !== actor.nip) throw M.error('BUKAN_PESERTA');
      if (!FINISHED.includes(row.status) || row.daysPresent < 1) throw M.error('BELUM_MENGIKUTI_SESI');
      const session = await this.sessions.get(m, row.sessionId);
      const ok = await this.evaluations.insertFeedback(m, { enrolmentId, sessionId: session.id, partnerId: session.partnerId, content: dto.content, facilitator: dto.facilitator, organisation: dto.organisation, comment: dto.comment?.trim() || null, at: this.clock.now() });
      if (!ok) throw M.error('UMPAN_BALIK_SUDAH_ADA');
      await audit(m, actor, { action: 'enrolment.feedback-given', entityType: 'enrolment', entityId: enrolmentId, details: { content: dto.content, facilitator: dto.facilitator, organisation: dto.organisation } });
      return { enrolmentId, partnerId: session.partnerId, content: dto.content, facilitator: dto.facilitator, organisation: dto.organisation };
    });
  }
}
