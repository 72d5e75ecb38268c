import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { OrgUnitChangedV1, PositionClosedV1 } from '@capaian/contracts';
import type { Principal } from '@capaian/shared/auth';
import { recordAudit } from '@capaian/shared/persistence';
import { DataSource } from 'typeorm';
import { actorOf } from '../../common/access';
import { PersonnelEvents } from '../../common/events';
import { lockStructure } from '../../common/refs';
import { orgUnitSnapshot, positionSnapshot } from '../../common/snapshots';
import { effectiveDate } from '../../common/temporal';
import { readAfterCommit, type SavedWithoutView } from '../../common/after-commit';
import { inTransaction } from '../../common/transaction';
import { refuse } from '../../common/violations';
import type { ClosePositionDto } from '../dto/close-position.dto';
import { EmployeeRepository } from '../../employee/infrastructure/employee.repository';
import { OrgUnitRepository } from '../../org-unit/infrastructure/org-unit.repository';
import { checkPositionClosure } from '../domain/position.rules';
import { PositionRepository } from '../infrastructure/position.repository';
import { assertCanManagePosition } from '../position-access';
import { PositionQueries, type PositionView } from '../position.queries';

/** Closes an empty position nobody reports to; a head position leaves its unit without a head. */
@Injectable()
export class ClosePosition {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly positions: PositionRepository,
    private readonly units: OrgUnitRepository,
    private readonly employees: EmployeeRepository,
    private readonly events: PersonnelEvents,
    private readonly queries: PositionQueries,
  ) {}

  async execute(p: Principal, ref: string, dto: ClosePositionDto): Promise<PositionView | SavedWithoutView> {
    const date = effectiveDate(dto.effectiveDate);
    const actor = actorOf(p);
    const id = await inTransaction(this.dataSource, async (m) => {
      await lockStructure(m);
      const pos = await this.positions.loadByRef(m, ref, true);
      assertCanManagePosition(p, pos.unit_kind, pos.opd_code, pos.head);
      const blockers = { occupants: await this.employees.countWorkingIn(m, pos.id), reportingPositions: await this.positions.countReportingTo(m, pos.id) };
      refuse(checkPositionClosure(pos.code, pos.status, blockers));

      await this.positions.close(m, pos.id, date);
      await this.positions.historise(m, pos.id, date, ['DITUTUP']);
      if (pos.head) {
        await this.units.setHead(m, pos.unit_id, null);
        await this.units.historise(m, pos.unit_id, date, ['headPositionId'], { keepValidFrom: true });
        await this.events.emit(m, OrgUnitChangedV1, pos.unit_id, { ...(await orgUnitSnapshot(m, pos.unit_id, date)), changes: ['headPositionId'] });
      }
      await recordAudit(m, { actor: actor.subject, actorNip: actor.nip, action: 'position.closed', entityType: 'position', entityId: pos.id, fromState: 'AKTIF', toState: 'DITUTUP', reason: dto.reason });
      await this.events.emit(m, PositionClosedV1, pos.id, { ...(await positionSnapshot(m, pos.id, date)), reason: dto.reason });
      return pos.id;
    });
    return readAfterCommit(id, () => this.queries.get(id));
  }
}
