import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { OrgUnitChangedV1, PositionCreatedV1 } from '@capaian/contracts';
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
import { conflictOnUnique, refuseAll } from '../../common/violations';
import { OrgUnitRepository } from '../../org-unit/infrastructure/org-unit.repository';
import { ReportingLineTracker } from '../../reporting/reporting-line.tracker';
import { validatePositionAttributes } from '../domain/position.rules';
import type { CreatePositionDto } from '../dto/create-position.dto';
import { PositionRepository } from '../infrastructure/position.repository';
import { assertCanManagePosition } from '../position-access';
import { PositionTree } from '../position-tree';
import { PositionMessages as M } from '../position.messages';
import { PositionQueries, type PositionView } from '../position.queries';
import { explicitSuperior } from './explicit-superior';

/** Forms a position in a unit; a head position becomes the unit's head and superiors follow. */
@Injectable()
export class CreatePosition {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly positions: PositionRepository,
    private readonly units: OrgUnitRepository,
    private readonly tree: PositionTree,
    private readonly events: PersonnelEvents,
    private readonly tracker: ReportingLineTracker,
    private readonly queries: PositionQueries,
  ) {}

  async execute(p: Principal, dto: CreatePositionDto): Promise<PositionView | SavedWithoutView> {
    const date = effectiveDate(dto.effectiveDate);
    const actor = actorOf(p);
    const head = dto.head === true;
    const capacity = dto.capacity ?? 1;
    refuseAll(validatePositionAttributes({ jenisJabatan: dto.jenisJabatan, jenjang: dto.jenjang ?? null, kelasJabatan: dto.kelasJabatan ?? null, capacity, head }));
    const id = await inTransaction(this.dataSource, async (m) => {
      await lockStructure(m);
      const unit = await this.units.loadByRef(m, dto.unitId);
      assertCanManagePosition(p, unit.kind, unit.opd_code, head);
      if (unit.status !== 'AKTIF' || !(await this.units.activeOn(m, unit.id, date))) throw M.error('UNIT_TIDAK_AKTIF_PADA_TANGGAL', { code: unit.code, date }, 'unitId');
      if (head && unit.head_position_id) throw M.error('KEPALA_UNIT_SUDAH_ADA', { code: unit.code });
      const id = randomUUID();
      const manual = dto.reportsToPositionId !== undefined;
      const superior = manual ? await explicitSuperior(this.positions, m, id, dto.reportsToPositionId!) : null;
      const attributes = {
        name: dto.name.trim(),
        jenisJabatan: dto.jenisJabatan,
        jenjang: dto.jenjang ?? null,
        kelasJabatan: dto.kelasJabatan ?? null,
        capacity,
        unitId: unit.id,
        opdId: unit.opd_id,
        reportsToId: superior,
        reportsToMode: manual ? ('MANUAL' as const) : ('OTOMATIS' as const),
      };
      try {
        await this.positions.insert(m, id, dto.code, attributes, date);
      } catch (e) {
        conflictOnUnique(e, { position_code_uq: () => M.error('KODE_JABATAN_SUDAH_ADA', { code: dto.code }) });
      }
      const lines = head ? await this.tracker.before(m, { positionIds: await this.tree.subtreePositionIds(m, unit.id) }) : null;
      if (head) {
        await this.units.setHead(m, unit.id, id);
        await this.units.historise(m, unit.id, date, ['headPositionId'], { keepValidFrom: true });
      }
      if (!manual) await this.positions.setSuperior(m, id, await this.tree.automaticSuperiorOf(m, id, unit.id));
      await this.positions.historise(m, id, date, ['DIBENTUK']);
      await recordAudit(m, { actor: actor.subject, actorNip: actor.nip, action: 'position.created', entityType: 'position', entityId: id, toState: 'AKTIF', details: { ...dto } });
      await this.events.emit(m, PositionCreatedV1, id, await positionSnapshot(m, id, date));
      if (lines) {
        await this.events.emit(m, OrgUnitChangedV1, unit.id, { ...(await orgUnitSnapshot(m, unit.id, date)), changes: ['headPositionId'] });
        await this.tree.recompute(m, unit.id, date, actor);
        await this.tracker.after(m, lines, { effectiveDate: date, reason: 'Pembentukan jabatan kepala unit' });
      }
      return id;
    });
    return readAfterCommit(id, () => this.queries.get(id));
  }
}
