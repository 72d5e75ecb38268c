import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, throwIfAny } from '@capaian/kinerja';
import type { Principal } from '@capaian/shared/auth';
import { DataSource } from 'typeorm';
import { audit } from '../../common/career-people';
import { PartnerRepository } from '../../partner/infrastructure/partner.repository';
import { checkNewSession, type AgreementTerms } from '../domain/session';
import type { CreateSessionDto } from '../dto/create-session.dto';
import { SessionRepository, type SessionRecord } from '../infrastructure/session.repository';
import { SessionMessages as M } from '../session.messages';

/**
 * BKPSDM schedules a session of a program. A session delivered by a partner under an agreement
 * must fall inside the agreement's validity and within its remaining quota (locked while checked).
 */
@Injectable()
export class CreateSession {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionRepository,
    private readonly partners: PartnerRepository,
    private readonly clock: Clock,
  ) {}

  execute(actor: Principal, programId: string, dto: CreateSessionDto): Promise<SessionRecord> {
    return this.dataSource.transaction(async (m) => {
      const [program] = await m.query(`SELECT id FROM development_program WHERE id = $1`, [programId]);
      if (!program) throw M.error('PROGRAM_TIDAK_DITEMUKAN');
      let terms: AgreementTerms | null = null;
      if (dto.agreementId) {
        const agreement = await this.partners.lockAgreement(m, dto.agreementId);
        if (!agreement || (dto.partnerId && agreement.partnerId !== dto.partnerId)) throw M.error('PERJANJIAN_BUKAN_MILIK_MITRA', {}, 'agreementId');
        terms = { validFrom: agreement.validFrom, validUntil: agreement.validUntil, seatsLeft: agreement.quota - agreement.seatsUsed };
        dto.partnerId = agreement.partnerId;
      } else if (dto.partnerId && !(await this.partners.find(m, dto.partnerId))) {
        throw M.error('PERJANJIAN_BUKAN_MILIK_MITRA', {}, 'partnerId');
      }
      const input = { ...dto, online: dto.online ?? false, location: dto.location?.trim() || null };
      throwIfAny(checkNewSession(input, terms));
      const id = await this.sessions.insert(m, { ...input, programId, partnerId: dto.partnerId ?? null, agreementId: dto.agreementId ?? null, createdAt: this.clock.now(), createdBy: actor.subject });
      if (dto.agreementId) await this.partners.useSeats(m, dto.agreementId, dto.quota);
      await audit(m, actor, { action: 'session.created', entityType: 'session', entityId: id, details: { programId, ...input } });
      return await this.sessions.get(m, id);
    });
  }
}
