import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock } from '@capaian/kinerja';
import type { Principal } from '@capaian/shared/auth';
import { DataSource } from 'typeorm';
import { audit } from '../../common/career-people';
import type { CreatePartnerDto } from '../dto/create-partner.dto';
import { PartnerRepository, type PartnerRecord } from '../infrastructure/partner.repository';

/** BKPSDM records a partner institution (education institution or professional organisation). */
@Injectable()
export class CreatePartner {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly partners: PartnerRepository,
    private readonly clock: Clock,
  ) {}

  execute(actor: Principal, dto: CreatePartnerDto): Promise<PartnerRecord> {
    return this.dataSource.transaction(async (m) => {
      const p = await this.partners.insert(m, { name: dto.name, kind: dto.kind, city: dto.city ?? null, createdAt: this.clock.now(), createdBy: actor.subject });
      await audit(m, actor, { action: 'partner.created', entityType: 'partner', entityId: p.id, details: { name: p.name, kind: p.kind } });
      return p;
    });
  }
}
