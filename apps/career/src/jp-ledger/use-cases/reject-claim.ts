import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock } from '@capaian/kinerja';
import type { Principal } from '@capaian/shared/auth';
import { DataSource } from 'typeorm';
import { audit, isBkpsdm } from '../../common/career-people';
import { ExternalClaimRepository, type ClaimRow } from '../infrastructure/external-claim.repository';
import { JpLedgerMessages as M } from '../jp-ledger.messages';

/** BKPSDM rejects a claim with a reason; nothing enters the ledger. */
@Injectable()
export class RejectClaim {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly claims: ExternalClaimRepository,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Principal, id: string, reason: string): Promise<ClaimRow> {
    if (!isBkpsdm(actor)) throw M.error('AKSES_JP_DITOLAK');
    await this.dataSource.transaction(async (m) => {
      const { claim } = await this.claims.lock(m, id);
      claim.reject(reason);
      await this.claims.save(m, claim, actor.subject, this.clock.now());
      await audit(m, actor, { action: 'jp-claim.rejected', entityType: 'jp-claim', entityId: id, from: 'DIAJUKAN', to: 'DITOLAK', reason });
    });
    return this.claims.get(this.dataSource.manager, id);
  }
}
