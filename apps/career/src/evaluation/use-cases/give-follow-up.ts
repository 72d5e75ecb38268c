import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, compareIsoDates } from '@capaian/kinerja';
import type { Principal } from '@capaian/shared/auth';
import { DataSource } from 'typeorm';
import { audit, CareerPeople } from '../../common/career-people';
import { EnrolmentMessages } from '../../enrolment/enrolment.messages';
import { EnrolmentRepository } from '../../enrolment/infrastructure/enrolment.repository';
import { SessionRepository } from '../../session/infrastructure/session.repository';
import { followUpOpensOn } from '../domain/scorecard';
import type { GiveFollowUpDto } from '../dto/give-follow-up.dto';
import { EvaluationMessages as M } from '../evaluation.messages';
import { EvaluationRepository } from '../infrastructure/evaluation.repository';

/** The supervisor's follow-up on how the participant applies the learning, some months after the session; once. */
@Injectable()
export class GiveFollowUp {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly enrolments: EnrolmentRepository,
    private readonly sessions: SessionRepository,
    private readonly evaluations: EvaluationRepository,
    private readonly people: CareerPeople,
    private readonly clock: Clock,
  ) {}

  execute(actor: Principal, enrolmentId: string, dto: GiveFollowUpDto) {
    return this.dataSource.transaction(async (m) => {
      const row = await this.enrolments.find(m, enrolmentId);
      if (!row) throw EnrolmentMessages.error('PENDAFTARAN_TIDAK_DITEMUKAN');
      // The supervisor today (the projection), not the one at registration: the follow-up is about work now.
      const participant = await this.people.byNip(row.nip, m);
      const self = await this.people.selfOrNull(actor, m);
      if (!self || self.id !== participant.supervisorId) throw M.error('BUKAN_ATASAN_PESERTA');
      if (!['LULUS', 'TIDAK_LULUS', 'SERTIFIKAT_DIUNGGAH', 'SELESAI'].includes(row.status) || row.daysPresent < 1) throw M.error('BELUM_MENGIKUTI_SESI');
      const session = await this.sessions.get(m, row.sessionId);
      const opens = followUpOpensOn(session.endDate);
      if (compareIsoDates(this.clock.today(), opens) < 0) throw M.error('TINDAK_LANJUT_TERLALU_DINI', { from: opens });
      const ok = await this.evaluations.insertFollowUp(m, { enrolmentId, sessionId: session.id, partnerId: session.partnerId, application: dto.application, note: dto.note?.trim() || null, supervisorNip: self.nip, at: this.clock.now() });
      if (!ok) throw M.error('TINDAK_LANJUT_SUDAH_ADA');
      await audit(m, actor, { action: 'enrolment.follow-up-given', entityType: 'enrolment', entityId: enrolmentId, details: { application: dto.application } });
      return { enrolmentId, partnerId: session.partnerId, application: dto.application };
    });
  }
}
