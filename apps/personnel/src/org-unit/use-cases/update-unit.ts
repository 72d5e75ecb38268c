import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { OrgUnitChangedV1, PositionChangedV1 } from '@capaian/contracts';
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
import { PositionRepository, resolvePositionId } from '../../position/infrastructure/position.repository';
import { PositionTree } from '../../position/position-tree';
import { ReportingLineTracker } from '../../reporting/reporting-line.tracker';
import { checkHeadCandidate } from '../domain/org-unit.rules';
import type { UpdateUnitDto } from '../dto/update-unit.dto';
import type { UnitView } from '../infrastructure/org-unit.queries';
import { OrgUnitRepository } from '../infrastructure/org-unit.repository';
import { assertCanManageUnit } from '../org-unit-access';
import { OrgUnitMessages as M } from '../org-unit.messages';
import { OrgUnitQueries } from '../org-unit.queries';

/** Renames a unit or names its head position; the reporting lines below follow a new head. */
@Injectable()
export class UpdateUnit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly units: OrgUnitRepository,
    private readonly positions: PositionRepository,
    private readonly tree: PositionTree,
    private readonly events: PersonnelEvents,
    private readonly tracker: ReportingLineTracker,
    private readonly queries: OrgUnitQueries,
  ) {}

  async execute(p: Principal, ref: string, dto: UpdateUnitDto): Promise<UnitView | SavedWithoutView> {
    const date = effectiveDate(dto.effectiveDate);
    const actor = actorOf(p);
    const id = await inTransaction(this.dataSource, async (m) => {
      await lockStructure(m);
      const unit = await this.units.loadByRef(m, ref, true);
      assertCanManageUnit(p, unit);
      if (unit.status !== 'AKTIF') throw M.error('UNIT_SUDAH_DITUTUP', { code: unit.code });
      const changes: string[] = [];
      const name = dto.name?.trim();
      if (name !== undefined && name !== unit.name) {
        await this.units.rename(m, unit.id, name);
        changes.push('name');
      }
      const headId = dto.headPositionId === undefined ? unit.head_position_id : dto.headPositionId === null ? null : await resolvePositionId(m, dto.headPositionId);
      if (headId !== unit.head_position_id) {
        if (headId) {
          const candidate = await this.positions.load(m, headId, true);
          refuse(checkHeadCandidate(unit, { code: candidate.code, unitId: candidate.unit_id, status: candidate.status, capacity: candidate.capacity, jenisJabatan: candidate.jenis_jabatan }));
        }
        changes.push('headPositionId');
        const scope = await this.tree.subtreePositionIds(m, unit.id);
        const lines = await this.tracker.before(m, { positionIds: [...scope, ...(unit.head_position_id ? [unit.head_position_id] : [])] });
        await this.units.setHead(m, unit.id, headId);
        await this.units.historise(m, unit.id, date, changes);
        for (const positionId of [unit.head_position_id, headId]) {
          if (positionId) await this.events.emit(m, PositionChangedV1, positionId, { ...(await positionSnapshot(m, positionId, date)), changes: ['head'] });
        }
        // The head's subordinates in the unit and the heads of sub-units without a head of their own follow.
        await this.tree.recompute(m, unit.id, date, actor);
        await this.tracker.after(m, lines, { effectiveDate: date, reason: dto.reason ?? 'Pergantian kepala unit' });
      } else if (changes.length > 0) {
        await this.units.historise(m, unit.id, date, changes);
      }
      if (changes.length === 0) return unit.id;
      await recordAudit(m, {
        actor: actor.subject,
        actorNip: actor.nip,
        action: 'org-unit.changed',
        entityType: 'org-unit',
        entityId: unit.id,
        reason: dto.reason ?? null,
        details: { changes, before: { name: unit.name, headPositionId: unit.head_position_id } },
      });
      await this.events.emit(m, OrgUnitChangedV1, unit.id, { ...(await orgUnitSnapshot(m, unit.id, date)), changes });
      return unit.id;
    });
    return readAfterCommit(id, () => this.queries.get(id));
  }
}
