import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, compareIsoDates, parseIsoDate } from '@capaian/kinerja';
import type { Principal } from '@capaian/shared/auth';
import { DataSource } from 'typeorm';
import { audit } from '../../common/career-people';
import type { CreateAgreementDto } from '../dto/create-agreement.dto';
import { PartnerRepository, type AgreementRecord } from '../infrastructure/partner.repository';
import { PartnerMessages as M } from '../partner.messages';

/** BKPSDM records an MoU or PKS with a partner: validity dates and the participants it covers. */
@Injectable()
export class AddAgreement {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly partners: PartnerRepository,
    private readonly clock: Clock,
  ) {}

  execute(actor: Principal, partnerId: string, dto: CreateAgreementDto): Promise<AgreementRecord> {
    if (!parseIsoDate(dto.validFrom) || !parseIsoDate(dto.validUntil) || compareIsoDates(dto.validUntil, dto.validFrom) < 0) {
      throw M.error('MASA_BERLAKU_TERBALIK', {}, 'validUntil');
    }
    return this.dataSource.transaction(async (m) => {
      if (!(await this.partners.find(m, partnerId))) throw M.error('MITRA_TIDAK_DITEMUKAN');
      const a = await this.partners.insertAgreement(m, { partnerId, kind: dto.kind, number: dto.number, validFrom: dto.validFrom, validUntil: dto.validUntil, quota: dto.quota, createdAt: this.clock.now() });
      if (!a) throw M.error('NOMOR_PERJANJIAN_GANDA', { number: dto.number }, 'number');
      await audit(m, actor, { action: 'partner.agreement-added', entityType: 'partner', entityId: partnerId, details: { agreementId: a.id, kind: a.kind, number: a.number, validFrom: a.validFrom, validUntil: a.validUntil, quota: a.quota } });
      return a;
    });
  }
}
