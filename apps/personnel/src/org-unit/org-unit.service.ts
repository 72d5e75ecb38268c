import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EmployeeChangedV1, OrgUnitChangedV1, OrgUnitClosedV1, OrgUnitCreatedV1, PositionChangedV1, PositionClosedV1 } from '@capaian/contracts';
import { todayInJakarta, type IsoDate } from '@capaian/kinerja';
import type { Principal } from '@capaian/shared/auth';
import { toPage, type Page } from '@capaian/shared/http';
import { recordAudit } from '@capaian/shared/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { actorOf, isBkpsdm, managesOpd } from '../common/access';
import { PersonnelEvents } from '../common/events';
import { forbidden } from '../common/personnel.messages';
import { inTransaction } from '../common/transaction';
import { conflictOnUnique, refuse } from '../common/violations';
import { EmployeeRepository } from '../employee/infrastructure/employee.repository';
import { PositionMessages } from '../position/position.messages';
import { lockStructure, resolvePositionId, resolveUnitId } from '../common/refs';
import { employeeSnapshots, orgUnitSnapshot, positionSnapshot } from '../common/snapshots';
import { asOfDate, effectiveDate, existedOn, recordInterval } from '../common/temporal';
import { readModeFor } from '../employee/infrastructure/employee.read-model';
import { PositionTree } from '../position/position-tree';
import { ReportingLineTracker } from '../reporting/reporting-line.tracker';
import { checkClosure, checkMoveCycle, checkPlacement, isOpdKind, levelUnder, OPD_KINDS, type UnitKind, type UnitNode } from './domain/org-unit.rules';
import { toUnitView, unitIdColumn, unitSelect, type UnitRow, type UnitView } from './infrastructure/org-unit.queries';
import { OrgUnitMessages as M } from './org-unit.messages';
import type { CloseUnitDto, CreateUnitDto, MoveUnitDto, UnitListQuery, UnitTreeQuery, UpdateUnitDto } from './org-unit.dto';

export interface UnitTreeNode extends UnitView {
  children: UnitTreeNode[];
}

interface UnitRecord {
  id: string;
  code: string;
  name: string;
  kind: UnitKind;
  parent_id: string | null;
  opd_id: string | null;
  level: number;
  head_position_id: string | null;
  status: 'AKTIF' | 'DITUTUP';
  opd_code: string | null;
}

/** The organisation tree: create, rename, set the head, move and close units; read it as of any date. */
@Injectable()
export class OrgUnitService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: PersonnelEvents,
    private readonly positions: PositionTree,
    private readonly tracker: ReportingLineTracker,
    private readonly employees: EmployeeRepository,
  ) {}

  // ---- reads ----

  async list(q: UnitListQuery): Promise<Page<UnitView>> {
    const date = asOfDate(q.asOf);
    const mode = readModeFor(q.asOf ? date : undefined, todayInJakarta());
    const params: unknown[] = [date];
    const where: string[] = [];
    if (q.parentId) {
      params.push(await resolveUnitId(this.dataSource.manager, q.parentId));
      where.push(`u.parent_id = $${params.length}`);
    }
    if (q.opd) {
      params.push(q.opd);
      where.push(`o.code = $${params.length}`);
    }
    if (q.kind) {
      params.push(q.kind);
      where.push(`u.kind = $${params.length}`);
    }
    if (q.status) {
      params.push(q.status);
      where.push(`u.status = $${params.length}`);
    }
    if (q.q) {
      params.push(`${q.q.toLowerCase().replace(/[%_\\]/g, '\\$&')}%`);
      where.push(`(lower(u.name) LIKE $${params.length} OR lower(u.code) LIKE $${params.length} OR lower(u.name) LIKE '%' || $${params.length})`);
    }
    const base = `${unitSelect(mode, '$1')}${where.length ? ' AND ' + where.join(' AND ') : ''}`;
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM (${base}) x`, params);
    const rows: UnitRow[] = await this.dataSource.query(`${base} ORDER BY u.level, u.code LIMIT ${q.size} OFFSET ${q.offset}`, params);
    return toPage(rows.map(toUnitView), total, q);
  }

  async get(ref: string, asOf?: string): Promise<UnitView> {
    const date = asOfDate(asOf);
    const mode = readModeFor(asOf ? date : undefined, todayInJakarta());
    const id = await resolveUnitId(this.dataSource.manager, ref);
    const rows: UnitRow[] = await this.dataSource.query(`${unitSelect(mode, '$1')} AND ${unitIdColumn(mode)} = $2`, [date, id]);
    if (rows.length === 0) throw M.error('UNIT_TIDAK_DITEMUKAN', { ref: `${ref} pada ${date}` });
    return toUnitView(rows[0]);
  }

  async tree(q: UnitTreeQuery): Promise<UnitTreeNode[]> {
    const date = asOfDate(q.asOf);
    const mode = readModeFor(q.asOf ? date : undefined, todayInJakarta());
    const rows: UnitRow[] = await this.dataSource.query(`${unitSelect(mode, '$1')}${q.includeClosed ? '' : ` AND u.status = 'AKTIF'`} ORDER BY u.level, u.code`, [date]);
    const nodes = new Map<string, UnitTreeNode>(rows.map((r) => [r.id, { ...toUnitView(r), children: [] }]));
    const roots: UnitTreeNode[] = [];
    for (const node of nodes.values()) {
      const parent = node.parentId ? nodes.get(node.parentId) : undefined;
      if (parent) parent.children.push(node);
      else if (!node.parentId) roots.push(node);
    }
    let top = roots;
    if (q.root) {
      const rootId = await resolveUnitId(this.dataSource.manager, q.root);
      const node = nodes.get(rootId);
      if (!node) throw M.error('UNIT_TIDAK_DITEMUKAN', { ref: `${q.root} pada ${date}` });
      top = [node];
    }
    if (q.depth !== undefined) {
      const prune = (n: UnitTreeNode, d: number) => {
        if (d >= q.depth!) n.children = [];
        else n.children.forEach((c) => prune(c, d + 1));
      };
      top.forEach((n) => prune(n, 0));
    }
    return top;
  }

  // ---- writes ----

  private async load(manager: EntityManager, id: string, lock = false): Promise<UnitRecord> {
    const rows = await manager.query(
      `SELECT u.*, o.code AS opd_code FROM org_unit u LEFT JOIN org_unit o ON o.id = u.opd_id WHERE u.id = $1 ${lock ? 'FOR UPDATE OF u' : ''}`,
      [id],
    );
    if (rows.length === 0) throw M.error('UNIT_TIDAK_DITEMUKAN', { ref: id });
    return { ...rows[0], level: Number(rows[0].level) };
  }

  private node(u: UnitRecord): UnitNode {
    return { id: u.id, code: u.code, kind: u.kind, parentId: u.parent_id, status: u.status };
  }

  private async historise(manager: EntityManager, unitId: string, date: IsoDate, changes: readonly string[]): Promise<void> {
    const u = await this.load(manager, unitId);
    await recordInterval(
      manager,
      'org_unit_history',
      unitId,
      date,
      { code: u.code, name: u.name, kind: u.kind, parent_id: u.parent_id, opd_id: u.opd_id, level: u.level, head_position_id: u.head_position_id, status: u.status },
      changes,
    );
    await manager.query(`UPDATE org_unit SET valid_from = GREATEST(valid_from, $2::date), updated_at = now() WHERE id = $1`, [unitId, date]);
  }

  /** OPD-level units and the root are the city's business (BKPSDM); below that, the OPD's admin may act. */
  private assertCanManage(p: Principal, unit: { kind: UnitKind; opd_code: string | null }): void {
    const cityLevel = unit.kind === 'PEMERINTAH_KOTA' || isOpdKind(unit.kind);
    if (cityLevel ? !isBkpsdm(p) : !managesOpd(p, unit.opd_code)) {
      throw forbidden(cityLevel ? 'manageOpdUnit' : 'manageUnit');
    }
  }

  async create(p: Principal, dto: CreateUnitDto): Promise<UnitView> {
    const date = effectiveDate(dto.effectiveDate);
    const actor = actorOf(p);
    const id = await inTransaction(this.dataSource, async (m) => {
      await lockStructure(m);
      const parent = dto.parentId ? await this.load(m, await resolveUnitId(m, dto.parentId)) : null;
      const [{ roots }] = await m.query(`SELECT count(*)::int AS roots FROM org_unit WHERE parent_id IS NULL`);
      if (dto.kind === 'PEMERINTAH_KOTA' || isOpdKind(dto.kind)) {
        if (!isBkpsdm(p)) throw forbidden('createOpdUnit');
      } else if (parent && !managesOpd(p, parent.opd_code)) {
        throw forbidden('createUnitOtherOpd');
      }
      refuse(checkPlacement(dto.kind, parent ? this.node(parent) : null, roots > 0));
      if (parent && !(await existedOn(m, 'org_unit_history', parent.id, date))) {
        throw M.error('UNIT_INDUK_BELUM_ADA_PADA_TANGGAL', { code: parent.code, date }, 'parentId');
      }
      const id = randomUUID();
      const opdId = dto.kind === 'PEMERINTAH_KOTA' ? null : isOpdKind(dto.kind) ? id : parent!.opd_id;
      try {
        await m.query(
          `INSERT INTO org_unit (id, code, name, kind, parent_id, opd_id, level, status, valid_from) VALUES ($1, $2, $3, $4, $5, $6, $7, 'AKTIF', $8)`,
          [id, dto.code, dto.name.trim(), dto.kind, parent?.id ?? null, opdId, levelUnder(parent ? parent.level : null), date],
        );
      } catch (e) {
        conflictOnUnique(e, {
          org_unit_code_uq: () => M.error('KODE_UNIT_SUDAH_ADA', { code: dto.code }, 'code'),
          org_unit_single_root_uq: () => M.error('UNIT_AKAR_SUDAH_ADA'),
        });
      }
      await this.historise(m, id, date, ['DIBENTUK']);
      await recordAudit(m, { actor: actor.subject, actorNip: actor.nip, action: 'org-unit.created', entityType: 'org-unit', entityId: id, toState: 'AKTIF', details: { code: dto.code, name: dto.name, kind: dto.kind } });
      await this.events.emit(m, OrgUnitCreatedV1, id, await orgUnitSnapshot(m, id, date));
      return id;
    });
    return this.get(id);
  }

  async update(p: Principal, ref: string, dto: UpdateUnitDto): Promise<UnitView> {
    const date = effectiveDate(dto.effectiveDate);
    const actor = actorOf(p);
    const id = await inTransaction(this.dataSource, async (m) => {
      await lockStructure(m);
      const unit = await this.load(m, await resolveUnitId(m, ref), true);
      this.assertCanManage(p, unit);
      if (unit.status !== 'AKTIF') throw M.error('UNIT_SUDAH_DITUTUP', { code: unit.code });
      const changes: string[] = [];
      if (dto.name !== undefined && dto.name.trim() !== unit.name) {
        await m.query(`UPDATE org_unit SET name = $2 WHERE id = $1`, [unit.id, dto.name.trim()]);
        changes.push('name');
      }
      let headChanged = false;
      if (dto.headPositionId !== undefined) {
        const headId = dto.headPositionId === null ? null : await resolvePositionId(m, dto.headPositionId);
        if (headId !== unit.head_position_id) {
          if (headId) await this.assertHeadCandidate(m, unit, headId);
          headChanged = true;
          changes.push('headPositionId');
          const scope = await this.positions.subtreePositionIds(m, unit.id);
          const snapshot = await this.tracker.before(m, { positionIds: [...scope, ...(unit.head_position_id ? [unit.head_position_id] : [])] });
          await m.query(`UPDATE org_unit SET head_position_id = $2 WHERE id = $1`, [unit.id, headId]);
          await this.historise(m, unit.id, date, changes);
          for (const positionId of [unit.head_position_id, headId]) {
            if (positionId) await this.events.emit(m, PositionChangedV1, positionId, { ...(await positionSnapshot(m, positionId, date)), changes: ['head'] });
          }
          // The head's subordinates in the unit and the heads of sub-units without a head of their own follow.
          await this.positions.recompute(m, unit.id, date, actor);
          await this.tracker.after(m, snapshot, { effectiveDate: date, reason: dto.reason ?? 'Pergantian kepala unit' });
        }
      }
      if (changes.length === 0) return unit.id;
      if (!headChanged) await this.historise(m, unit.id, date, changes);
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
    return this.get(id);
  }

  private async assertHeadCandidate(m: EntityManager, unit: UnitRecord, positionId: string): Promise<void> {
    const [pos] = await m.query(`SELECT id, code, unit_id, status, capacity, jenis_jabatan FROM position WHERE id = $1 FOR UPDATE`, [positionId]);
    const field = 'headPositionId';
    if (pos.unit_id !== unit.id) throw M.error('KEPALA_UNIT_DI_LUAR_UNIT', { position: pos.code, unit: unit.code }, field);
    if (pos.status !== 'AKTIF') throw PositionMessages.error('JABATAN_SUDAH_DITUTUP', { code: pos.code }, field);
    if (Number(pos.capacity) !== 1) throw PositionMessages.error('KEPALA_UNIT_HANYA_SATU', {}, field);
    if (pos.jenis_jabatan === 'PELAKSANA') throw PositionMessages.error('KEPALA_UNIT_TIDAK_BOLEH_PELAKSANA', {}, field);
  }

  async move(p: Principal, ref: string, dto: MoveUnitDto): Promise<UnitView> {
    const date = effectiveDate(dto.effectiveDate);
    const actor = actorOf(p);
    const id = await inTransaction(this.dataSource, async (m) => {
      await lockStructure(m);
      const unit = await this.load(m, await resolveUnitId(m, ref), true);
      const parent = await this.load(m, await resolveUnitId(m, dto.parentId));
      if (unit.kind === 'PEMERINTAH_KOTA') throw M.error('UNIT_AKAR_TIDAK_DAPAT_DIPINDAH');
      if (unit.status !== 'AKTIF') throw M.error('UNIT_SUDAH_DITUTUP', { code: unit.code });
      // Within one OPD the OPD's admin may reorganise; across OPDs it is BKPSDM's call.
      const newOpdId = isOpdKind(unit.kind) ? unit.id : parent.opd_id;
      const crossesOpd = newOpdId !== unit.opd_id || isOpdKind(unit.kind);
      if (crossesOpd ? !isBkpsdm(p) : !managesOpd(p, unit.opd_code)) {
        throw forbidden('moveUnitAcrossOpd');
      }
      if (parent.id === unit.parent_id) return unit.id;
      const ancestors: { id: string }[] = await m.query(
        `WITH RECURSIVE up(id, parent_id, depth) AS (SELECT id, parent_id, 0 FROM org_unit WHERE id = $1
           UNION ALL SELECT u.id, u.parent_id, up.depth + 1 FROM org_unit u JOIN up ON u.id = up.parent_id WHERE up.depth < 32)
         SELECT id FROM up WHERE depth > 0 ORDER BY depth`,
        [parent.id],
      );
      refuse(checkMoveCycle(unit.id, parent.id, ancestors.map((a) => a.id)));
      refuse(checkPlacement(unit.kind, this.node(parent), true));

      const subtree: { id: string; depth: number }[] = await m.query(
        `WITH RECURSIVE sub(id, depth) AS (SELECT id, 0 FROM org_unit WHERE id = $1
           UNION ALL SELECT u.id, sub.depth + 1 FROM org_unit u JOIN sub ON u.parent_id = sub.id WHERE sub.depth < 32)
         SELECT id, depth FROM sub ORDER BY depth`,
        [unit.id],
      );
      const subtreeIds = subtree.map((s) => s.id);
      const scope = await this.positions.subtreePositionIds(m, unit.id);
      const snapshot = await this.tracker.before(m, { positionIds: scope });
      const opdChanged = newOpdId !== unit.opd_id;
      const employeeIds = opdChanged ? await this.employees.workingIdsInUnits(m, subtreeIds) : [];

      await m.query(`UPDATE org_unit SET parent_id = $2 WHERE id = $1`, [unit.id, parent.id]);
      for (const s of subtree) {
        await m.query(`UPDATE org_unit SET level = $2, opd_id = CASE WHEN kind = ANY($4::text[]) THEN id ELSE $3::uuid END WHERE id = $1`, [
          s.id,
          parent.level + 1 + s.depth,
          newOpdId,
          OPD_KINDS,
        ]);
      }
      if (opdChanged) {
        await m.query(`UPDATE position SET opd_id = $2, updated_at = now() WHERE unit_id = ANY($1::uuid[])`, [subtreeIds, newOpdId]);
        await this.employees.moveUnitsToOpd(m, subtreeIds, newOpdId);
      }
      for (const s of subtree) {
        const changes = s.id === unit.id ? ['parentId', 'level', ...(opdChanged ? ['opdId'] : [])] : ['level', ...(opdChanged ? ['opdId'] : [])];
        await this.historise(m, s.id, date, changes);
        await this.events.emit(m, OrgUnitChangedV1, s.id, { ...(await orgUnitSnapshot(m, s.id, date)), changes });
      }
      if (opdChanged) {
        for (const positionId of scope) await this.events.emit(m, PositionChangedV1, positionId, { ...(await positionSnapshot(m, positionId, date)), changes: ['opdId'] });
      }
      await this.positions.recompute(m, unit.id, date, actor);
      const today = todayInJakarta();
      const snapshots = await employeeSnapshots(m, employeeIds, date, today);
      for (const employeeId of employeeIds) {
        await this.events.emit(m, EmployeeChangedV1, employeeId, { ...snapshots.get(employeeId)!, changes: ['opd'] });
      }
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
      await this.tracker.after(m, snapshot, { effectiveDate: date, reason: dto.reason ?? 'Pemindahan unit organisasi' });
      return unit.id;
    });
    return this.get(id);
  }

  async close(p: Principal, ref: string, dto: CloseUnitDto): Promise<UnitView> {
    const date = effectiveDate(dto.effectiveDate);
    const actor = actorOf(p);
    const id = await inTransaction(this.dataSource, async (m) => {
      await lockStructure(m);
      const unit = await this.load(m, await resolveUnitId(m, ref), true);
      this.assertCanManage(p, unit);
      const [blockers] = await m.query(
        `SELECT
           (SELECT count(*)::int FROM org_unit c WHERE c.parent_id = $1 AND c.status = 'AKTIF') AS children,
           (SELECT count(*)::int FROM position o JOIN position t ON t.id = o.reports_to_id
             WHERE t.unit_id = $1 AND o.unit_id <> $1 AND o.status = 'AKTIF') AS external_reports`,
        [unit.id],
      );
      const activeEmployees = await this.employees.countWorkingInUnit(m, unit.id);
      refuse(checkClosure(this.node(unit), { activeChildUnits: blockers.children, activeEmployees, externalReports: blockers.external_reports }));
      const positions: { id: string }[] = await m.query(`SELECT id FROM position WHERE unit_id = $1 AND status = 'AKTIF'`, [unit.id]);
      for (const pos of positions) {
        await m.query(`UPDATE position SET status = 'DITUTUP', closed_on = $2, updated_at = now() WHERE id = $1`, [pos.id, date]);
        await this.positions.historise(m, pos.id, date, ['DITUTUP']);
        await this.events.emit(m, PositionClosedV1, pos.id, { ...(await positionSnapshot(m, pos.id, date)), reason: dto.reason });
      }
      await m.query(`UPDATE org_unit SET status = 'DITUTUP', closed_on = $2 WHERE id = $1`, [unit.id, date]);
      await this.historise(m, unit.id, date, ['DITUTUP']);
      await recordAudit(m, {
        actor: actor.subject,
        actorNip: actor.nip,
        action: 'org-unit.closed',
        entityType: 'org-unit',
        entityId: unit.id,
        fromState: 'AKTIF',
        toState: 'DITUTUP',
        reason: dto.reason,
        details: { positionsClosed: positions.length },
      });
      await this.events.emit(m, OrgUnitClosedV1, unit.id, { ...(await orgUnitSnapshot(m, unit.id, date)), reason: dto.reason });
      return unit.id;
    });
    return this.get(id, undefined);
  }
}
