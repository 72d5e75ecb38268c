import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { JpRecognisedV1 } from '@capaian/contracts';
import { Clock } from '@capaian/kinerja';
import type { Principal } from '@capaian/shared/auth';
import { OutboxService } from '@capaian/shared/messaging';
import { DataSource } from 'typeorm';
import { audit, CareerPeople, isBkpsdm } from '../../common/career-people';
import { ExternalClaimRepository, type ClaimRow } from '../infrastructure/external-claim.repository';
import { JpLedgerRepository } from '../infrastructure/jp-ledger.repository';
import { publishJp } from '../jp.events';
import { JpLedgerMessages as M } from '../jp-ledger.messages';

/** BKPSDM verifies a claim: the JP enters the ledger once, in the year the activity ended; without a certificate 422. */
@Injectable()
export class VerifyClaim {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly claims: ExternalClaimRepository,
    private readonly ledger: JpLedgerRepository,
    private readonly people: CareerPeople,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Principal, id: string): Promise<ClaimRow> {
    if (!isBkpsdm(actor)) throw M.error('AKSES_JP_DITOLAK');
    await this.dataSource.transaction(async (m) => {
      const { row, claim } = await this.claims.lock(m, id);
      const jp = claim.verify();
      const person = await this.people.byNip(row.nip, m);
      const year = Number(row.endDate.slice(0, 4));
      const recorded = await this.ledger.recognise(m, {
        employeeId: row.employeeId, nip: row.nip, opdCode: row.opdCode, jenisAsn: person.jenisAsn, year, jp,
        source: 'KLAIM_EKSTERNAL', sourceId: id, note: row.title, recognisedBy: actor.subject, recognisedAt: this.clock.now(),
      });
      if (!recorded) throw M.error('KLAIM_SUDAH_DIPUTUS', { status: 'diverifikasi' });
      await this.claims.save(m, claim, actor.subject, this.clock.now());
      await audit(m, actor, { action: 'jp-claim.verified', entityType: 'jp-claim', entityId: id, from: 'DIAJUKAN', to: 'DIVERIFIKASI', details: { jp, year } });
      await publishJp(m, this.outbox, JpRecognisedV1, { employeeId: row.employeeId, nip: row.nip, opdCode: row.opdCode, year, jp, source: 'KLAIM_EKSTERNAL', sourceId: id, yearTotalJp: recorded.yearTotalJp });
    });
    return this.claims.get(this.dataSource.manager, id);
  }
}
