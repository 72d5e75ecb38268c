import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EmployeeChangedV1, OrgUnitChangedV1, PositionChangedV1, PositionClosedV1, PositionCreatedV1 } from '@capaian/contracts';
import { todayInJakarta, validateJabatanForJenisAsn, type IsoDate, type JenisJabatan } from '@capaian/kinerja';
import type { Principal } from '@capaian/shared/auth';
import { toPage, type Page } from '@capaian/shared/http';
import { recordAudit } from '@capaian/shared/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { actorOf, isBkpsdm, managesOpd } from '../common/access';
import { PersonnelEvents } from '../common/events';
import { forbidden, kernelViolation } from '../common/personnel.messages';
import { inTransaction } from '../common/transaction';
import { conflictOnUnique, refuse, refuseAll } from '../common/violations';
import { EmployeeMessages } from '../employee/employee.messages';
import { EmployeeRepository, workingEmployee } from '../employee/infrastructure/employee.repository';
import { OrgUnitMessages } from '../org-unit/org-unit.messages';
import { lockStructure, resolvePositionId, resolveUnitId } from '../common/refs';
import { employeeSnapshots, orgUnitSnapshot, positionSnapshot } from '../common/snapshots';
import { asOfDate, effectiveDate, existedOn, recordInterval, validOn } from '../common/temporal';
import { readModeFor, type ReadMode } from '../employee/infrastructure/employee.read-model';
import { isOpdKind, type UnitKind } from '../org-unit/domain/org-unit.rules';
import { ReportingLineTracker } from '../reporting/reporting-line.tracker';
import { checkPositionClosure, checkSuperior, validatePositionAttributes } from './domain/position.rules';
import type { ClosePositionDto, CreatePositionDto, PositionListQuery, UpdatePositionDto } from './position.dto';
import { PositionTree } from './position-tree';
import { PositionMessages as M } from './position.messages';

export interface PositionView {
  id: string;
  code: string;
  name: string;
  jenisJabatan: string;
  jenjang: string | null;
  kelasJabatan: number | null;
  unit: { id: string; code: string; name: string };
  opd: { id: string; code: string } | null;
  reportsTo: { id: string; code: string; name: string } | null;
  reportsToMode: 'OTOMATIS' | 'MANUAL';
  head: boolean;
  capacity: number;
  occupied: number;
  status: 'AKTIF' | 'DITUTUP';
  validFrom: string;
  holders?: { id: string; nip: string; name: string; status: string }[];
}

/** Positions with unit, OPD, superior and how many hold them: now, or as of the date in `$1`. */
function positionSelect(mode: ReadMode): string {
  if (mode === 'current') {
    return `SELECT p.id, p.code, p.name, p.jenis_jabatan, p.jenjang, p.kelas_jabatan, p.reports_to_mode, p.capacity, p.status, p.valid_from::text AS valid_from,
        u.id AS unit_id, u.code AS unit_code, u.name AS unit_name, o.id AS opd_id, o.code AS opd_code,
        r.id AS reports_to_id, r.code AS reports_to_code, r.name AS reports_to_name, (u.head_position_id = p.id) AS head,
        (SELECT count(*)::int FROM employee e WHERE e.position_id = p.id AND ${workingEmployee('e')}) AS occupied
      FROM position p JOIN org_unit u ON u.id = p.unit_id LEFT JOIN org_unit o ON o.id = p.opd_id LEFT JOIN position r ON r.id = p.reports_to_id
      CROSS JOIN (SELECT $1::date AS as_of) asof WHERE true`;
  }
  return `SELECT p.position_id AS id, p.code, p.name, p.jenis_jabatan, p.jenjang, p.kelas_jabatan, pc.reports_to_mode, p.capacity, p.status, p.valid_from::text AS valid_from,
      u.unit_id AS unit_id, u.code AS unit_code, u.name AS unit_name, o.unit_id AS opd_id, o.code AS opd_code,
      r.position_id AS reports_to_id, r.code AS reports_to_code, r.name AS reports_to_name, (u.head_position_id = p.position_id) AS head,
      (SELECT count(*)::int FROM employee_history e WHERE e.position_id = p.position_id AND ${validOn('e', '$1')} AND ${workingEmployee('e')}) AS occupied
    FROM position_history p JOIN position pc ON pc.id = p.position_id
    JOIN org_unit_history u ON u.unit_id = p.unit_id AND ${validOn('u', '$1')}
    LEFT JOIN org_unit_history o ON o.unit_id = u.opd_id AND ${validOn('o', '$1')}
    LEFT JOIN position_history r ON r.position_id = p.reports_to_id AND ${validOn('r', '$1')}
    WHERE ${validOn('p', '$1')}`;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function toView(r: any): PositionView {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    jenisJabatan: r.jenis_jabatan,
    jenjang: r.jenjang,
    kelasJabatan: r.kelas_jabatan === null ? null : Number(r.kelas_jabatan),
    unit: { id: r.unit_id, code: r.unit_code, name: r.unit_name },
    opd: r.opd_id ? { id: r.opd_id, code: r.opd_code } : null,
    reportsTo: r.reports_to_id ? { id: r.reports_to_id, code: r.reports_to_code, name: r.reports_to_name } : null,
    reportsToMode: r.reports_to_mode,
    head: r.head === true,
    capacity: Number(r.capacity),
    occupied: Number(r.occupied),
    status: r.status,
    validFrom: r.valid_from,
  };
}

interface PositionRecord {
  id: string;
  code: string;
  name: string;
  jenis_jabatan: JenisJabatan;
  jenjang: string | null;
  kelas_jabatan: number | null;
  unit_id: string;
  opd_id: string | null;
  reports_to_id: string | null;
  reports_to_mode: 'OTOMATIS' | 'MANUAL';
  capacity: number;
  status: 'AKTIF' | 'DITUTUP';
  head: boolean;
  unit_kind: UnitKind;
  opd_code: string | null;
}

/** Positions (jabatan): kind, grade, unit, capacity and the position each reports to. */
@Injectable()
export class PositionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: PersonnelEvents,
    private readonly tree: PositionTree,
    private readonly tracker: ReportingLineTracker,
    private readonly employees: EmployeeRepository,
  ) {}

  async list(q: PositionListQuery): Promise<Page<PositionView>> {
    const date = asOfDate(q.asOf);
    const mode = readModeFor(q.asOf ? date : undefined, todayInJakarta());
    const params: unknown[] = [date];
    const where: string[] = [];
    if (q.unitId) {
      params.push(await resolveUnitId(this.dataSource.manager, q.unitId));
      where.push(`p.unit_id = $${params.length}`);
    }
    if (q.opd) {
      params.push(q.opd);
      where.push(`o.code = $${params.length}`);
    }
    if (q.jenisJabatan) {
      params.push(q.jenisJabatan);
      where.push(`p.jenis_jabatan = $${params.length}`);
    }
    if (q.status) {
      params.push(q.status);
      where.push(`p.status = $${params.length}`);
    }
    if (q.q) {
      params.push(`${q.q.toLowerCase().replace(/[%_\\]/g, '\\$&')}%`);
      where.push(`(lower(p.name) LIKE $${params.length} OR lower(p.code) LIKE $${params.length})`);
    }
    let base = `${positionSelect(mode)}${where.length ? ' AND ' + where.join(' AND ') : ''}`;
    if (q.vacant) base = `SELECT * FROM (${base}) v WHERE v.status = 'AKTIF' AND v.occupied < v.capacity`;
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM (${base}) x`, params);
    const rows = await this.dataSource.query(`SELECT * FROM (${base}) y ORDER BY y.unit_code, y.head DESC, y.code LIMIT ${q.size} OFFSET ${q.offset}`, params);
    return toPage(rows.map(toView), total, q);
  }

  async get(ref: string, asOf?: string): Promise<PositionView> {
    const date = asOfDate(asOf);
    const mode = readModeFor(asOf ? date : undefined, todayInJakarta());
    const id = await resolvePositionId(this.dataSource.manager, ref);
    const rows = await this.dataSource.query(`${positionSelect(mode)} AND ${mode === 'current' ? 'p.id' : 'p.position_id'} = $2`, [date, id]);
    if (rows.length === 0) throw M.error('JABATAN_TIDAK_DITEMUKAN', { ref: `${ref} pada ${date}` });
    const holders =
      mode === 'current'
        ? await this.dataSource.query(`SELECT id, nip, name, status FROM employee e WHERE e.position_id = $1 AND ${workingEmployee('e')} ORDER BY name, nip`, [id])
        : await this.dataSource.query(
            `SELECT e.id, e.nip, e.name, h.status FROM employee_history h JOIN employee e ON e.id = h.employee_id
              WHERE h.position_id = $1 AND ${validOn('h', '$2')} AND ${workingEmployee('h')} ORDER BY e.name, e.nip`,
            [id, date],
          );
    return { ...toView(rows[0]), holders };
  }

  private async load(m: EntityManager, id: string, lock = false): Promise<PositionRecord> {
    const rows = await m.query(
      `SELECT p.*, (u.head_position_id = p.id) AS head, u.kind AS unit_kind, o.code AS opd_code
         FROM position p JOIN org_unit u ON u.id = p.unit_id LEFT JOIN org_unit o ON o.id = p.opd_id WHERE p.id = $1 ${lock ? 'FOR UPDATE OF p' : ''}`,
      [id],
    );
    if (rows.length === 0) throw M.error('JABATAN_TIDAK_DITEMUKAN', { ref: id });
    return { ...rows[0], capacity: Number(rows[0].capacity), head: rows[0].head === true };
  }

  private async unitOf(m: EntityManager, unitRef: string) {
    const id = await resolveUnitId(m, unitRef);
    const [u] = await m.query(`SELECT u.id, u.code, u.kind, u.status, u.opd_id, u.head_position_id, o.code AS opd_code FROM org_unit u LEFT JOIN org_unit o ON o.id = u.opd_id WHERE u.id = $1`, [id]);
    return u as { id: string; code: string; kind: UnitKind; status: string; opd_id: string | null; head_position_id: string | null; opd_code: string | null };
  }

  /** The superior chain of a position (ids, nearest first), for cycle checks. */
  private async superiorsOf(m: EntityManager, positionId: string): Promise<string[]> {
    const rows = await m.query(
      `WITH RECURSIVE up(id, reports_to_id, depth) AS (SELECT id, reports_to_id, 0 FROM position WHERE id = $1
         UNION ALL SELECT p.id, p.reports_to_id, up.depth + 1 FROM position p JOIN up ON p.id = up.reports_to_id WHERE up.depth < 64)
       SELECT id FROM up WHERE depth > 0 ORDER BY depth`,
      [positionId],
    );
    return rows.map((r: { id: string }) => r.id);
  }

  private async explicitSuperior(m: EntityManager, positionId: string | null, ref: string): Promise<string> {
    const candidateId = await resolvePositionId(m, ref);
    const candidate = await this.load(m, candidateId);
    refuse(
      checkSuperior(positionId, { id: candidate.id, code: candidate.code, status: candidate.status, capacity: candidate.capacity }, await this.superiorsOf(m, candidateId)),
    );
    return candidateId;
  }

  private assertCanManage(p: Principal, unitKind: UnitKind, opdCode: string | null, head: boolean): void {
    // The head of an OPD (or of the city) is appointed city-wide, by BKPSDM.
    if (head && (unitKind === 'PEMERINTAH_KOTA' || isOpdKind(unitKind))) {
      if (!isBkpsdm(p)) throw forbidden('manageOpdHead');
      return;
    }
    if (unitKind === 'PEMERINTAH_KOTA' ? !isBkpsdm(p) : !managesOpd(p, opdCode)) throw forbidden('managePosition');
  }

  async create(p: Principal, dto: CreatePositionDto): Promise<PositionView> {
    const date = effectiveDate(dto.effectiveDate);
    const actor = actorOf(p);
    const head = dto.head === true;
    const capacity = dto.capacity ?? 1;
    refuseAll(
      validatePositionAttributes({ jenisJabatan: dto.jenisJabatan, jenjang: dto.jenjang ?? null, kelasJabatan: dto.kelasJabatan ?? null, capacity, head }),
    );
    const id = await inTransaction(this.dataSource, async (m) => {
      await lockStructure(m);
      const unit = await this.unitOf(m, dto.unitId);
      this.assertCanManage(p, unit.kind, unit.opd_code, head);
      if (unit.status !== 'AKTIF' || !(await existedOn(m, 'org_unit_history', unit.id, date))) {
        throw M.error('UNIT_TIDAK_AKTIF_PADA_TANGGAL', { code: unit.code, date }, 'unitId');
      }
      if (head && unit.head_position_id) throw M.error('KEPALA_UNIT_SUDAH_ADA', { code: unit.code });
      const id = randomUUID();
      const manual = dto.reportsToPositionId !== undefined;
      const superior = manual ? await this.explicitSuperior(m, id, dto.reportsToPositionId!) : null;
      try {
        await m.query(
          `INSERT INTO position (id, code, name, jenis_jabatan, jenjang, kelas_jabatan, unit_id, opd_id, reports_to_id, reports_to_mode, capacity, status, valid_from)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'AKTIF', $12)`,
          [id, dto.code, dto.name.trim(), dto.jenisJabatan, dto.jenjang ?? null, dto.kelasJabatan ?? null, unit.id, unit.opd_id, superior, manual ? 'MANUAL' : 'OTOMATIS', capacity, date],
        );
      } catch (e) {
        conflictOnUnique(e, { position_code_uq: () => M.error('KODE_JABATAN_SUDAH_ADA', { code: dto.code }) });
      }
      let snapshot = null;
      if (head) {
        snapshot = await this.tracker.before(m, { positionIds: await this.tree.subtreePositionIds(m, unit.id) });
        await m.query(`UPDATE org_unit SET head_position_id = $2, updated_at = now() WHERE id = $1`, [unit.id, id]);
        const [u] = await m.query(`SELECT * FROM org_unit WHERE id = $1`, [unit.id]);
        await recordInterval(
          m,
          'org_unit_history',
          unit.id,
          date,
          { code: u.code, name: u.name, kind: u.kind, parent_id: u.parent_id, opd_id: u.opd_id, level: u.level, head_position_id: id, status: u.status },
          ['headPositionId'],
        );
      }
      if (!manual) {
        const auto = await this.tree.automaticSuperiorOf(m, id, unit.id);
        await m.query(`UPDATE position SET reports_to_id = $2 WHERE id = $1`, [id, auto]);
      }
      await this.tree.historise(m, id, date, ['DIBENTUK']);
      await recordAudit(m, { actor: actor.subject, actorNip: actor.nip, action: 'position.created', entityType: 'position', entityId: id, toState: 'AKTIF', details: { ...dto } });
      await this.events.emit(m, PositionCreatedV1, id, await positionSnapshot(m, id, date));
      if (head) {
        await this.events.emit(m, OrgUnitChangedV1, unit.id, { ...(await orgUnitSnapshot(m, unit.id, date)), changes: ['headPositionId'] });
        await this.tree.recompute(m, unit.id, date, actor);
        await this.tracker.after(m, snapshot!, { effectiveDate: date, reason: 'Pembentukan jabatan kepala unit' });
      }
      return id;
    });
    return this.get(id);
  }

  async update(p: Principal, ref: string, dto: UpdatePositionDto): Promise<PositionView> {
    const date = effectiveDate(dto.effectiveDate);
    const actor = actorOf(p);
    const id = await inTransaction(this.dataSource, async (m) => {
      await lockStructure(m);
      const pos = await this.load(m, await resolvePositionId(m, ref), true);
      this.assertCanManage(p, pos.unit_kind, pos.opd_code, pos.head);
      if (pos.status !== 'AKTIF') throw M.error('JABATAN_SUDAH_DITUTUP', { code: pos.code });
      const next = {
        name: dto.name?.trim() ?? pos.name,
        jenisJabatan: dto.jenisJabatan ?? pos.jenis_jabatan,
        jenjang: dto.jenjang !== undefined ? dto.jenjang : dto.jenisJabatan && !dto.jenisJabatan.startsWith('FUNGSIONAL') ? null : pos.jenjang,
        kelasJabatan: dto.kelasJabatan !== undefined ? dto.kelasJabatan : pos.kelas_jabatan === null ? null : Number(pos.kelas_jabatan),
        capacity: dto.capacity ?? pos.capacity,
      };
      refuseAll(validatePositionAttributes({ ...next, head: pos.head }));
      const occupied = await this.employees.countWorkingIn(m, pos.id);
      const [{ reporting }] = await m.query(`SELECT count(*)::int AS reporting FROM position WHERE reports_to_id = $1 AND status = 'AKTIF'`, [pos.id]);
      if (next.capacity < occupied) throw M.error('KEBUTUHAN_KURANG_DARI_PEMANGKU', { code: pos.code, count: occupied });
      if (next.capacity > 1 && reporting > 0) throw M.error('JABATAN_ATASAN_HARUS_TUNGGAL', { code: pos.code }, 'capacity');
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
      if ((next.kelasJabatan ?? null) !== (pos.kelas_jabatan === null ? null : Number(pos.kelas_jabatan))) changes.push('kelasJabatan');
      if (next.capacity !== pos.capacity) changes.push('capacity');

      let unitId = pos.unit_id;
      let opdId = pos.opd_id;
      if (dto.unitId !== undefined) {
        const unit = await this.unitOf(m, dto.unitId);
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
        if (dto.reportsToPositionId === null) {
          mode = 'OTOMATIS';
        } else {
          mode = 'MANUAL';
          superior = await this.explicitSuperior(m, pos.id, dto.reportsToPositionId);
        }
      }
      if (mode === 'OTOMATIS') superior = await this.tree.automaticSuperiorOf(m, pos.id, unitId);
      if (superior !== pos.reports_to_id) changes.push('reportsToPositionId');
      if (mode !== pos.reports_to_mode) changes.push('reportsToMode');
      if (changes.length === 0) return pos.id;

      const snapshot = await this.tracker.before(m, { positionIds: [pos.id] });
      await m.query(
        `UPDATE position SET name = $2, jenis_jabatan = $3, jenjang = $4, kelas_jabatan = $5, capacity = $6, unit_id = $7, opd_id = $8,
                reports_to_id = $9, reports_to_mode = $10, updated_at = now() WHERE id = $1`,
        [pos.id, next.name, next.jenisJabatan, next.jenjang ?? null, next.kelasJabatan ?? null, next.capacity, unitId, opdId, superior, mode],
      );
      let movedEmployees: string[] = [];
      if (unitId !== pos.unit_id) {
        movedEmployees = await this.employees.followPosition(m, pos.id, unitId, opdId);
      }
      await this.tree.historise(m, pos.id, date, changes);
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
        for (const e of movedEmployees) await this.events.emit(m, EmployeeChangedV1, e, { ...snapshots.get(e)!, changes: ['unit', ...(opdId !== pos.opd_id ? ['opd'] : [])] });
      }
      await this.tracker.after(m, snapshot, { effectiveDate: date, reason: dto.reason ?? 'Perubahan jabatan atasan' });
      return pos.id;
    });
    return this.get(id);
  }

  async close(p: Principal, ref: string, dto: ClosePositionDto): Promise<PositionView> {
    const date = effectiveDate(dto.effectiveDate);
    const actor = actorOf(p);
    const id = await inTransaction(this.dataSource, async (m) => {
      await lockStructure(m);
      const pos = await this.load(m, await resolvePositionId(m, ref), true);
      this.assertCanManage(p, pos.unit_kind, pos.opd_code, pos.head);
      const occupants = await this.employees.countWorkingIn(m, pos.id);
      const [{ reporting }] = await m.query(`SELECT count(*)::int AS reporting FROM position WHERE reports_to_id = $1 AND status = 'AKTIF'`, [pos.id]);
      refuse(checkPositionClosure(pos.code, pos.status, { occupants, reportingPositions: reporting }));
      await m.query(`UPDATE position SET status = 'DITUTUP', closed_on = $2, updated_at = now() WHERE id = $1`, [pos.id, date]);
      await this.tree.historise(m, pos.id, date, ['DITUTUP']);
      if (pos.head) {
        await m.query(`UPDATE org_unit SET head_position_id = NULL, updated_at = now() WHERE id = $1`, [pos.unit_id]);
        const [u] = await m.query(`SELECT * FROM org_unit WHERE id = $1`, [pos.unit_id]);
        await recordInterval(
          m,
          'org_unit_history',
          u.id,
          date,
          { code: u.code, name: u.name, kind: u.kind, parent_id: u.parent_id, opd_id: u.opd_id, level: u.level, head_position_id: null, status: u.status },
          ['headPositionId'],
        );
        await this.events.emit(m, OrgUnitChangedV1, u.id, { ...(await orgUnitSnapshot(m, u.id, date)), changes: ['headPositionId'] });
      }
      await recordAudit(m, { actor: actor.subject, actorNip: actor.nip, action: 'position.closed', entityType: 'position', entityId: pos.id, fromState: 'AKTIF', toState: 'DITUTUP', reason: dto.reason });
      await this.events.emit(m, PositionClosedV1, pos.id, { ...(await positionSnapshot(m, pos.id, date)), reason: dto.reason });
      return pos.id;
    });
    return this.get(id);
  }

  /** For employee writes: the position an employee is placed in, locked for the capacity check. */
  async lockForPlacement(m: EntityManager, ref: string, date: IsoDate): Promise<PositionRecord & { occupied: number }> {
    const id = await resolvePositionId(m, ref);
    const pos = await this.load(m, id, true);
    if (pos.status !== 'AKTIF') throw M.error('JABATAN_SUDAH_DITUTUP', { code: pos.code }, 'positionId');
    if (!(await existedOn(m, 'position_history', id, date))) throw M.error('JABATAN_BELUM_ADA_PADA_TANGGAL', { code: pos.code, date }, 'positionId');
    return { ...pos, occupied: await this.employees.countWorkingIn(m, id) };
  }
}
