import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EmployeeChangedV1, OrgUnitChangedV1, PositionChangedV1 } from '@capaian/contracts';
import { todayInJakarta } from '@capaian/kinerja';
import type { Principal } from '@capaian/shared/auth';
import { recordAudit } from '@capaian/shared/persistence';
import { DataSource } from 'typeorm';
import { actorOf, isBkpsdm, managesOpd } from '../../common/access';
import { PersonnelEvents } from '../../common/events';
import { forbidden } from '../../common/personnel.messages';
import { lockStructure } from '../../common/refs';
import { employeeSnapshots, orgUnitSnapshot, positionSnapshot } from '../../common/snapshots';
import { effectiveDate } from '../../common/temporal';
import { readAfterCommit, type SavedWithoutView } from '../../common/after-commit';
import { inTransaction } from '../../common/transaction';
import { refuse } from '../../common/violations';
import { EmployeeRepository } from '../../employee/infrastructure/employee.repository';
import { PositionRepository } from '../../position/infrastructure/position.repository';
import { PositionTree } from '../../position/position-tree';
import { ReportingLineTracker } from '../../reporting/reporting-line.tracker';
import { checkMoveCycle, checkPlacement, isOpdKind } from '../domain/org-unit.rules';
import type { MoveUnitDto } from '../dto/move-unit.dto';
import type { UnitView } from '../infrastructure/org-unit.queries';
import { OrgUnitRepository, unitNode } from '../infrastructure/org-unit.repository';
import { OrgUnitMessages as M } from '../org-unit.messages';
import { OrgUnitQueries } from '../org-unit.queries';

/**
 * Moves a unit with everything below it under another parent. Into another OPD, its positions and
 * employees follow (BKPSDM only); superiors and reporting lines are recomputed and announced.
 */
@Injectable()
export class MoveUnit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly units: OrgUnitRepository,
    private readonly positions: PositionRepository,
    private readonly employees: EmployeeRepository,
    private readonly tree: PositionTree,
    private readonly events: PersonnelEvents,
    private readonly tracker: ReportingLineTracker,
    private readonly queries: OrgUnitQueries,
  ) {}

  async execute(p: Principal, ref: string, dto: MoveUnitDto): Promise<UnitView | SavedWithoutView> {
    const date = effectiveDate(dto.effectiveDate);
    const actor = actorOf(p);
    const id = await inTransaction(this.dataSource, async (m) => {
      await lockStructure(m);
      const unit = await this.units.loadByRef(m, ref, true);
      const parent = await this.units.loadByRef(m, dto.parentId);
      if (unit.kind === 'PEMERINTAH_KOTA') throw M.error('UNIT_AKAR_TIDAK_DAPAT_DIPINDAH');
      if (unit.status !== 'AKTIF') throw M.error('UNIT_SUDAH_DITUTUP', { code: unit.code });
      // Within one OPD the OPD's admin may reorganise; across OPDs it is BKPSDM's call.
      const newOpdId = isOpdKind(unit.kind) ? unit.id : parent.opd_id;
      const crossesOpd = newOpdId !== unit.opd_id || isOpdKind(unit.kind);
      if (crossesOpd ? !isBkpsdm(p) : !managesOpd(p, unit.opd_code)) throw forbidden('moveUnitAcrossOpd');
      if (parent.id === unit.parent_id) return unit.id;
      refuse(checkMoveCycle(unit.id, parent.id, await this.units.ancestorIds(m, parent.id)));
      refuse(checkPlacement(unit.kind, unitNode(parent), true));

      const subtree = await this.units.subtree(m, unit.id);
      const subtreeIds = subtree.map((s) => s.id);
      const scope = await this.tree.subtreePositionIds(m, unit.id);
      const lines = await this.tracker.before(m, { positionIds: scope });
      const opdChanged = newOpdId !== unit.opd_id;
      const employeeIds = opdChanged ? await this.employees.workingIdsInUnits(m, subtreeIds) : [];

      await this.units.moveSubtree(m, unit.id, parent, subtree, newOpdId);
      if (opdChanged) {
        await this.positions.moveUnitsToOpd(m, subtreeIds, newOpdId);
        await this.employees.moveUnitsToOpd(m, subtreeIds, newOpdId);
      }
      for (const s of subtree) {
        const changes = [...(s.id === unit.id ? ['parentId'] : []), 'level', ...(opdChanged ? ['opdId'] : [])];
        await this.units.historise(m, s.id, date, changes);
        await this.events.emit(m, OrgUnitChangedV1, s.id, { ...(await orgUnitSnapshot(m, s.id, date)), changes });
      }
      if (opdChanged) {
        for (const positionId of scope) await this.events.emit(m, PositionChangedV1, positionId, { ...(await positionSnapshot(m, positionId, date)), changes: ['opdId'] });
      }
      await this.tree.recompute(m, unit.id, date, actor);
      const snapshots = await employeeSnapshots(m, employeeIds, date, todayInJakarta());
      for (const employeeId of employeeIds) await this.events.emit(m, EmployeeChangedV1, employeeId, { ...snapshots.get(employeeId)!, changes: ['opd'] });
      await recordAudit(m, {
        actor: actor.subject,
        actorNip: actor.nip,
        action: 'org-unit.moved',
        entityType: 'org-unit',
        entityId: unit.id,
        fromState: unit.parent_id,
        toState: parent.id,
        reason: dto.reason ?? null,
        details: { subtree: subtreeIds.length, opdChanged, employees: employeeIds.length },
      });
      await this.tracker.after(m, lines, { effectiveDate: date, reason: dto.reason ?? 'Pemindahan unit organisasi' });
      return unit.id;
    });
    return readAfterCommit(id, () => this.queries.get(id));
  }
}
