import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, compareIsoDates, parseIsoDate } from '@capaian/kinerja';
import type { Principal } from '@capaian/shared/auth';
import { DataSource } from 'typeorm';
import { audit, CareerPeople } from '../../common/career-people';
import type { CreateClaimDto } from '../dto/create-claim.dto';
import { ExternalClaimRepository, type ClaimRow } from '../infrastructure/external-claim.repository';
import { JpLedgerMessages as M } from '../jp-ledger.messages';

/** The employee claims JP earned outside the platform; the certificate follows, BKPSDM decides. */
@Injectable()
export class SubmitClaim {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly claims: ExternalClaimRepository,
    private readonly people: CareerPeople,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Principal, dto: CreateClaimDto): Promise<ClaimRow> {
    if (!parseIsoDate(dto.endDate) || compareIsoDates(dto.endDate, this.clock.today()) > 0) throw M.error('TANGGAL_KLAIM_TIDAK_VALID', {}, 'endDate');
    const me = await this.people.self(actor);
    const id = randomUUID();
    await this.dataSource.transaction(async (m) => {
      await this.claims.insert(m, { id, employeeId: me.id, nip: me.nip, opdCode: me.opdCode, title: dto.title, form: dto.form, organizer: dto.organizer, endDate: dto.endDate, jp: dto.jp, createdAt: this.clock.now() });
      await audit(m, actor, { action: 'jp-claim.submitted', entityType: 'jp-claim', entityId: id, to: 'DIAJUKAN', details: { title: dto.title, jp: dto.jp, endDate: dto.endDate } });
    });
    return this.claims.get(this.dataSource.manager, id);
  }
}
