import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EmployeeChangedV1, PositionChangedV1 } from '@capaian/contracts';
import { todayInJakarta, validateJabatanForJenisAsn } from '@capaian/kinerja';
import type { Principal } from '@capaian/shared/auth';
import { recordAudit } from '@capaian/shared/persistence';
import { DataSource } from 'typeorm';
import { actorOf, isBkpsdm, managesOpd } from '../../common/access';
import { PersonnelEvents } from '../../common/events';
import { forbidden, kernelViolation } from '../../common/personnel.messages';
import { lockStructure } from '../../common/refs';
import { employeeSnapshots, positionSnapshot } from '../../common/snapshots';
import { effectiveDate } from '../../common/temporal';
import { readAfterCommit, type SavedWithoutView } from '../../common/after-commit';
import { inTransaction } from '../../common/transaction';
import { refuse, refuseAll } from '../../common/violations';
import { EmployeeMessages } from '../../employee/employee.messages';
import { EmployeeRepository } from '../../employee/infrastructure/employee.repository';
import { OrgUnitRepository } from '../../org-unit/infrastructure/org-unit.repository';
import { OrgUnitMessages } from '../../org-unit/org-unit.messages';
import { ReportingLineTracker } from '../../reporting/reporting-line.tracker';
import { validatePositionAttributes } from '../domain/position.rules';
import type { UpdatePositionDto } from '../dto/update-position.dto';
import { PositionRepository } from '../infrastructure/position.repository';
import { assertCanManagePosition } from '../position-access';
import { PositionTree } from '../position-tree';
import { PositionMessages as M } from '../position.messages';
import { PositionQueries, type PositionView } from '../position.queries';
import { explicitSuperior } from './explicit-superior';

/** Changes a position: name, kind, grade, capacity, its unit, and the superior (by hand or automatic). */
@Injectable()
export class UpdatePosition {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly positions: PositionRepository,
    private readonly units: OrgUnitRepository,
    private readonly employees: EmployeeRepository,
    private readonly tree: PositionTree,
    private readonly events: PersonnelEvents,
    private readonly tracker: ReportingLineTracker,
    private readonly queries: PositionQueries,
  ) {}

  async execute(p: Principal, ref: string, dto: UpdatePositionDto): Promise<PositionView | SavedWithoutView> {
    const date = effectiveDate(dto.effectiveDate);
    const actor = actorOf(p);
    const id = await inTransaction(this.dataSource, async (m) => {
      await lockStructure(m);
      const pos = await this.positions.loadByRef(m, ref, true);
      assertCanManagePosition(p, pos.unit_kind, pos.opd_code, pos.head);
      if (pos.status !== 'AKTIF') throw M.error('JABATAN_SUDAH_DITUTUP', { code: pos.code });
      const kelasNow = pos.kelas_jabatan === null ? null : Number(pos.kelas_jabatan);
      const next = {
        name: dto.name?.trim() ?? pos.name,
        jenisJabatan: dto.jenisJabatan ?? pos.jenis_jabatan,
        // A position that stops being fungsional loses its jenjang unless one is given.
        jenjang: dto.jenjang !== undefined ? dto.jenjang : dto.jenisJabatan && !dto.jenisJabatan.startsWith('FUNGSIONAL') ? null : pos.jenjang,
        kelasJabatan: dto.kelasJabatan !== undefined ? dto.kelasJabatan : kelasNow,
        capacity: dto.capacity ?? pos.capacity,
      };
      refuseAll(validatePositionAttributes({ ...next, head: pos.head }));
      const occupied = await this.employees.countWorkingIn(m, pos.id);
      if (next.capacity < occupied) throw M.error('KEBUTUHAN_KURANG_DARI_PEMANGKU', { code: pos.code, count: occupied });
      if (next.capacity > 1 && (await this.positions.countReportingTo(m, pos.id)) > 0) throw M.error('JABATAN_ATASAN_HARUS_TUNGGAL', { code: pos.code }, 'capacity');
      if (next.jenisJabatan !== pos.jenis_jabatan) {
        for (const jenisAsn of await this.employees.jenisAsnIn(m, pos.id)) {
          const e = validateJabatanForJenisAsn(jenisAsn, next.jenisJabatan);
          if (e) refuse(kernelViolation(EmployeeMessages, e, 'jenisJabatan'));
        }
      }
      const changes: string[] = [];
      if (next.name !== pos.name) changes.push('name');
      if (next.jenisJabatan !== pos.jenis_jabatan) changes.push('jenisJabatan');
      if ((next.jenjang ?? null) !== pos.jenjang) changes.push('jenjang');
      if ((next.kelasJabatan ?? null) !== kelasNow) changes.push('kelasJabatan');
      if (next.capacity !== pos.capacity) changes.push('capacity');

      let unitId = pos.unit_id;
      let opdId = pos.opd_id;
      if (dto.unitId !== undefined) {
        const unit = await this.units.loadByRef(m, dto.unitId);
        if (unit.id !== pos.unit_id) {
          if (pos.head) throw M.error('JABATAN_KEPALA_TIDAK_DAPAT_DIPINDAH', { code: pos.code });
          if (unit.opd_id !== pos.opd_id ? !isBkpsdm(p) : !managesOpd(p, unit.opd_code)) throw forbidden('movePositionAcrossOpd');
          if (unit.status !== 'AKTIF') throw OrgUnitMessages.error('UNIT_SUDAH_DITUTUP', { code: unit.code }, 'unitId');
          unitId = unit.id;
          opdId = unit.opd_id;
          changes.push('unitId');
          if (opdId !== pos.opd_id) changes.push('opdId');
        }
      }
      let mode = pos.reports_to_mode;
      let superior = pos.reports_to_id;
      if (dto.reportsToPositionId !== undefined) {
        mode = dto.reportsToPositionId === null ? 'OTOMATIS' : 'MANUAL';
        if (dto.reportsToPositionId !== null) superior = await explicitSuperior(this.positions, m, pos.id, dto.reportsToPositionId);
      }
      if (mode === 'OTOMATIS') superior = await this.tree.automaticSuperiorOf(m, pos.id, unitId);
      if (superior !== pos.reports_to_id) changes.push('reportsToPositionId');
      if (mode !== pos.reports_to_mode) changes.push('reportsToMode');
      if (changes.length === 0) return pos.id;

      const lines = await this.tracker.before(m, { positionIds: [pos.id] });
      await this.positions.update(m, pos.id, {
        name: next.name,
        jenisJabatan: next.jenisJabatan,
        jenjang: next.jenjang ?? null,
        kelasJabatan: next.kelasJabatan ?? null,
        capacity: next.capacity,
        unitId,
        opdId,
        reportsToId: superior,
        reportsToMode: mode,
      });
      const movedEmployees = unitId !== pos.unit_id ? await this.employees.followPosition(m, pos.id, unitId, opdId) : [];
      await this.positions.historise(m, pos.id, date, changes);
      await recordAudit(m, {
        actor: actor.subject,
        actorNip: actor.nip,
        action: 'position.changed',
        entityType: 'position',
        entityId: pos.id,
        reason: dto.reason ?? null,
        details: { changes, before: { ...pos }, after: { ...next, unitId, superior, mode } },
      });
      await this.events.emit(m, PositionChangedV1, pos.id, { ...(await positionSnapshot(m, pos.id, date)), changes });
      if (movedEmployees.length > 0) {
        const snapshots = await employeeSnapshots(m, movedEmployees, date, todayInJakarta());
        const employeeChanges = ['unit', ...(opdId !== pos.opd_id ? ['opd'] : [])];
        for (const e of movedEmployees) await this.events.emit(m, EmployeeChangedV1, e, { ...snapshots.get(e)!, changes: employeeChanges });
      }
      await this.tracker.after(m, lines, { effectiveDate: date, reason: dto.reason ?? 'Perubahan jabatan atasan' });
      return pos.id;
    });
    return readAfterCommit(id, () => this.queries.get(id));
  }
}
