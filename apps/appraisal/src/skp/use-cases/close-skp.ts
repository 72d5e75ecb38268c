import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock } from '@capaian/kinerja';
import type { Principal } from '@capaian/shared/auth';
import { DataSource } from 'typeorm';
import { addDays } from '../../cadence/domain/cadence';
import { partyOf } from '../../common/actor';
import { AppraisalPeople } from '../../personnel-view/appraisal-people';
import type { SkpState } from '../domain/skp';
import type { CloseSkpDto } from '../dto/close-skp.dto';
import { SkpRepository } from '../infrastructure/skp.repository';
import { SkpMessages } from '../skp.messages';
import { actorOf, SkpWorkflow } from '../skp.workflow';
import { draftSkp } from './create-skp';

/**
 * BKPSDM closes an SKP (transfer, promotion); with `openNew`, a new draft SKP opens the next day for
 * the employee's current position and appraisers as the projection knows them.
 */
@Injectable()
export class CloseSkp {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly workflow: SkpWorkflow,
    private readonly skps: SkpRepository,
    private readonly people: AppraisalPeople,
    private readonly clock: Clock,
  ) {}

  execute(principal: Principal, id: string, body: CloseSkpDto): Promise<{ closed: SkpState; opened: SkpState | null }> {
    return this.dataSource.transaction(async (m) => {
      const closed = await this.workflow.runIn(m, id, partyOf(principal), (skp) => skp.close(actorOf(principal), body.reason, body.endDate));
      if (!body.openNew || closed.endDate >= `${closed.year}-12-31`) return { closed, opened: null };
      const employee = await this.people.employeeByNip(m, closed.snapshot.nip);
      if (!employee) throw SkpMessages.error('PEGAWAI_TIDAK_DITEMUKAN', { nip: closed.snapshot.nip });
      const opened = await draftSkp(m, this.skps, partyOf(principal), this.clock.now(), {
        employee,
        year: closed.year,
        startDate: addDays(closed.endDate, 1),
        endDate: `${closed.year}-12-31`,
        content: { pendekatan: closed.pendekatan, rhk: [], annex: { resources: [], accountability: [], consequences: [] } },
      });
      return { closed, opened };
    });
  }
}
