import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { OrgUnitClosedV1, PositionClosedV1 } from '@capaian/contracts';
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
import { EmployeeRepository } from '../../employee/infrastructure/employee.repository';
import { PositionRepository } from '../../position/infrastructure/position.repository';
import { checkClosure } from '../domain/org-unit.rules';
import type { CloseUnitDto } from '../dto/close-unit.dto';
import type { UnitView } from '../infrastructure/org-unit.queries';
import { OrgUnitRepository, unitNode } from '../infrastructure/org-unit.repository';
import { assertCanManageUnit } from '../org-unit-access';
import { OrgUnitQueries } from '../org-unit.queries';

/** Closes an empty unit (no open sub-units, nobody working in it or reporting into it) and its positions. */
@Injectable()
export class CloseUnit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly units: OrgUnitRepository,
    private readonly positions: PositionRepository,
    private readonly employees: EmployeeRepository,
    private readonly events: PersonnelEvents,
    private readonly queries: OrgUnitQueries,
  ) {}

  async execute(p: Principal, ref: string, dto: CloseUnitDto): Promise<UnitView | SavedWithoutView> {
    const date = effectiveDate(dto.effectiveDate);
    const actor = actorOf(p);
    const id = await inTransaction(this.dataSource, async (m) => {
      await lockStructure(m);
      const unit = await this.units.loadByRef(m, ref, true);
      assertCanManageUnit(p, unit);
      refuse(
        checkClosure(unitNode(unit), {
          activeChildUnits: await this.units.countOpenChildren(m, unit.id),
          activeEmployees: await this.employees.countWorkingInUnit(m, unit.id),
          externalReports: await this.positions.countReportingIntoUnit(m, unit.id),
        }),
      );

      const positionIds = await this.positions.openIdsInUnit(m, unit.id);
      for (const positionId of positionIds) {
        await this.positions.close(m, positionId, date);
        await this.positions.historise(m, positionId, date, ['DITUTUP']);
        await this.events.emit(m, PositionClosedV1, positionId, { ...(await positionSnapshot(m, positionId, date)), reason: dto.reason });
      }
      await this.units.close(m, unit.id, date);
      await this.units.historise(m, unit.id, date, ['DITUTUP']);
      await recordAudit(m, {
        actor: actor.subject,
        actorNip: actor.nip,
        action: 'org-unit.closed',
        entityType: 'org-unit',
        entityId: unit.id,
        fromState: 'AKTIF',
        toState: 'DITUTUP',
        reason: dto.reason,
        details: { positionsClosed: positionIds.length },
      });
      await this.events.emit(m, OrgUnitClosedV1, unit.id, { ...(await orgUnitSnapshot(m, unit.id, date)), reason: dto.reason });
      return unit.id;
    });
    return readAfterCommit(id, () => this.queries.get(id));
  }
}
