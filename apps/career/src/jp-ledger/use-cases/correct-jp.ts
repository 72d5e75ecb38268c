import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { JpCorrectedV1 } from '@capaian/contracts';
import { Clock } from '@capaian/kinerja';
import type { Principal } from '@capaian/shared/auth';
import { OutboxService } from '@capaian/shared/messaging';
import { DataSource } from 'typeorm';
import { audit, CareerPeople, isBkpsdm } from '../../common/career-people';
import type { CorrectJpDto } from '../dto/correct-jp.dto';
import { JpLedgerRepository } from '../infrastructure/jp-ledger.repository';
import { publishJp } from '../jp.events';
import { JpLedgerMessages as M } from '../jp-ledger.messages';

/** BKPSDM corrects a year with a signed entry (the ledger is never edited, only added to). */
@Injectable()
export class CorrectJp {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: JpLedgerRepository,
    private readonly people: CareerPeople,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Principal, dto: CorrectJpDto) {
    if (!isBkpsdm(actor)) throw M.error('AKSES_JP_DITOLAK');
    if (dto.jp === 0) throw M.error('KOREKSI_NOL', {}, 'jp');
    const person = await this.people.byNip(dto.nip);
    return this.dataSource.transaction(async (m) => {
      const id = randomUUID();
      const recorded = await this.ledger.recognise(m, {
        employeeId: person.id, nip: person.nip, opdCode: person.opdCode, jenisAsn: person.jenisAsn, year: dto.year, jp: dto.jp,
        source: 'KOREKSI', sourceId: id, note: dto.note, recognisedBy: actor.subject, recognisedAt: this.clock.now(),
      });
      // A correction's source id is new, so the ledger always takes it.
      if (!recorded) throw new Error(`correction ${id} already in the ledger`);
      await audit(m, actor, { action: 'jp.corrected', entityType: 'jp-ledger', entityId: id, reason: dto.note, details: { nip: person.nip, year: dto.year, jp: dto.jp } });
      await publishJp(m, this.outbox, JpCorrectedV1, { employeeId: person.id, nip: person.nip, opdCode: person.opdCode, year: dto.year, jp: dto.jp, source: 'KOREKSI', sourceId: id, yearTotalJp: recorded.yearTotalJp });
      return { id, nip: person.nip, year: dto.year, jp: dto.jp, yearTotalJp: recorded.yearTotalJp };
    });
  }
}
