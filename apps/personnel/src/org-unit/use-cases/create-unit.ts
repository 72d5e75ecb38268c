import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { OrgUnitCreatedV1 } from '@capaian/contracts';
import type { Principal } from '@capaian/shared/auth';
import { recordAudit } from '@capaian/shared/persistence';
import { DataSource } from 'typeorm';
import { actorOf, isBkpsdm, managesOpd } from '../../common/access';
import { PersonnelEvents } from '../../common/events';
import { forbidden } from '../../common/personnel.messages';
import { lockStructure } from '../../common/refs';
import { orgUnitSnapshot } from '../../common/snapshots';
import { effectiveDate } from '../../common/temporal';
import { readAfterCommit, type SavedWithoutView } from '../../common/after-commit';
import { inTransaction } from '../../common/transaction';
import { conflictOnUnique, refuse } from '../../common/violations';
import { checkPlacement, isOpdKind, levelUnder } from '../domain/org-unit.rules';
import type { CreateUnitDto } from '../dto/create-unit.dto';
import { OrgUnitRepository, unitNode } from '../infrastructure/org-unit.repository';
import { OrgUnitMessages as M } from '../org-unit.messages';
import { OrgUnitQueries } from '../org-unit.queries';
import type { UnitView } from '../infrastructure/org-unit.queries';

/** Forms a unit under a parent whose kind allows it (OPD-level units by BKPSDM only). */
@Injectable()
export class CreateUnit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly units: OrgUnitRepository,
    private readonly events: PersonnelEvents,
    private readonly queries: OrgUnitQueries,
  ) {}

  async execute(p: Principal, dto: CreateUnitDto): Promise<UnitView | SavedWithoutView> {
    const date = effectiveDate(dto.effectiveDate);
    const actor = actorOf(p);
    const id = await inTransaction(this.dataSource, async (m) => {
      await lockStructure(m);
      const parent = dto.parentId ? await this.units.loadByRef(m, dto.parentId) : null;
      if (dto.kind === 'PEMERINTAH_KOTA' || isOpdKind(dto.kind)) {
        if (!isBkpsdm(p)) throw forbidden('createOpdUnit');
      } else if (parent && !managesOpd(p, parent.opd_code)) {
        throw forbidden('createUnitOtherOpd');
      }
      refuse(checkPlacement(dto.kind, parent ? unitNode(parent) : null, await this.units.hasRoot(m)));
      if (parent && !(await this.units.activeOn(m, parent.id, date))) throw M.error('UNIT_INDUK_BELUM_ADA_PADA_TANGGAL', { code: parent.code, date }, 'parentId');

      const id = randomUUID();
      // An OPD is its own OPD; below it, a unit belongs to its parent's OPD; the city belongs to none.
      const opdId = dto.kind === 'PEMERINTAH_KOTA' ? null : isOpdKind(dto.kind) ? id : parent!.opd_id;
      try {
        await this.units.insert(m, { id, code: dto.code, name: dto.name.trim(), kind: dto.kind, parentId: parent?.id ?? null, opdId, level: levelUnder(parent ? parent.level : null), validFrom: date });
      } catch (e) {
        conflictOnUnique(e, {
          org_unit_code_uq: () => M.error('KODE_UNIT_SUDAH_ADA', { code: dto.code }),
          org_unit_single_root_uq: () => M.error('UNIT_AKAR_SUDAH_ADA'),
        });
      }
      await this.units.historise(m, id, date, ['DIBENTUK']);
      await recordAudit(m, { actor: actor.subject, actorNip: actor.nip, action: 'org-unit.created', entityType: 'org-unit', entityId: id, toState: 'AKTIF', details: { code: dto.code, name: dto.name, kind: dto.kind } });
      await this.events.emit(m, OrgUnitCreatedV1, id, await orgUnitSnapshot(m, id, date));
      return id;
    });
    return readAfterCommit(id, () => this.queries.get(id));
  }
}
