import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  EmployeeChangedV1,
  EmployeeHiredV1,
  EmployeeLeftV1,
  EmployeePromotedV1,
  EmployeeTransferredV1,
  type EmployeeSnapshot,
} from '@capaian/contracts';
import { isActiveStatus, isIsoDate, normalizeGolongan, todayInJakarta, type IsoDate, type JenisAsn, type JenisKelamin, type StatusPegawai } from '@capaian/kinerja';
import type { Principal } from '@capaian/shared/auth';
import { ProblemException, toPage, type Page } from '@capaian/shared/http';
import { recordAudit } from '@capaian/shared/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { AccountsService, type AccountState } from '../accounts/accounts.service';
import { actorOf, readsCityWide, type Actor } from '../common/access';
import { PersonnelEvents } from '../common/events';
import { inTransaction } from '../common/transaction';
import { assertNoFieldViolations, assertNoViolation, conflictOnUnique, forbidden } from '../common/problems';
import { lockStructure, resolveUnitId } from '../common/refs';
import { employeeSnapshot } from '../common/snapshots';
import { asOfDate, effectiveDate, recordInterval, validOn } from '../common/temporal';
import type { FieldViolation } from '../position/domain/position.rules';
import { PositionService } from '../position/position.service';
import { chainIdsAt, supervisorIdAt } from '../reporting/infrastructure/reporting.queries';
import { ReportingLineTracker } from '../reporting/reporting-line.tracker';
import {
  checkCapacity,
  checkJabatanForJenisAsn,
  checkJenisAsnChange,
  checkPromotion,
  checkStatusChange,
  checkSupervisorOverride,
  derivedPangkat,
  validateEmployeeFacts,
} from './domain/employee.rules';
import { EmployeeAccess } from './employee-access';
import type {
  ChangeStatusDto,
  EmployeeListQuery,
  HireEmployeeDto,
  PromoteEmployeeDto,
  RemoveOverrideDto,
  SupervisorOverrideDto,
  TransferEmployeeDto,
  UpdateEmployeeDto,
} from './employee.dto';
import { employeeColumns, employeeSelect, readModeFor, toEmployeeView, type EmployeeRow, type EmployeeView } from './infrastructure/employee.read-model';

interface EmployeeRecord {
  id: string;
  nip: string;
  name: string;
  jenis_asn: JenisAsn;
  birth_date: string;
  sex: JenisKelamin;
  golongan: string | null;
  pangkat: string | null;
  position_id: string | null;
  unit_id: string | null;
  opd_id: string | null;
  opd_code: string | null;
  tmt_jabatan: string | null;
  email: string | null;
  status: StatusPegawai;
  supervisor_override_id: string | null;
}

export interface HistoryEntry {
  validFrom: string;
  validTo: string | null;
  changes: string[];
  status: string;
  jenisAsn: string;
  golongan: string | null;
  position: { id: string; code: string; name: string } | null;
  unit: { id: string; code: string; name: string } | null;
  opd: { id: string; code: string; name: string } | null;
  supervisorOverrideId: string | null;
  nomorSk: string | null;
  reason: string | null;
  recordedAt: string;
}

function dateField(value: string | undefined, field: string, errors: FieldViolation[]): void {
  if (value !== undefined && !isIsoDate(value)) errors.push({ field, code: 'TANGGAL_TIDAK_VALID', message: 'Tanggal harus berformat YYYY-MM-DD dan ada di kalender' });
}

/** Employees: hire, correct, transfer (mutasi), promote, change status, override the supervisor; read as of any date. */
@Injectable()
export class EmployeeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: PersonnelEvents,
    private readonly tracker: ReportingLineTracker,
    private readonly positions: PositionService,
    private readonly accounts: AccountsService,
    private readonly access: EmployeeAccess,
  ) {}

  // ---- reads ----

  async list(p: Principal, q: EmployeeListQuery): Promise<Page<EmployeeView>> {
    let opd = q.opd;
    if (!readsCityWide(p)) {
      if (!p.roles.includes('admin-opd') || !p.opd) throw forbidden('Daftar pegawai hanya untuk admin; gunakan /me/direct-reports untuk bawahan Anda');
      if (opd && opd !== p.opd) throw forbidden('Anda hanya dapat melihat pegawai di OPD Anda');
      opd = p.opd;
    }
    const today = todayInJakarta();
    const date = asOfDate(q.asOf);
    const mode = readModeFor(q.asOf ? date : undefined, today);
    const col = employeeColumns(mode);
    const params: unknown[] = [date];
    const where: string[] = [];
    const add = (sql: (n: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (opd) add((n) => `${col.opdCode} = ${n}`, opd);
    if (q.unitId) add((n) => `${col.unitId} = ${n}`, await resolveUnitId(this.dataSource.manager, q.unitId));
    if (q.jenisJabatan) add((n) => `${col.jenisJabatan} = ${n}`, q.jenisJabatan);
    if (q.golongan) add((n) => `${col.golongan} = ${n}`, normalizeGolongan(q.golongan));
    if (q.jenisAsn) add((n) => `${col.jenisAsn} = ${n}`, q.jenisAsn);
    if (q.status) add((n) => `${col.status} = ${n}`, q.status);
    else where.push(`${col.status} IN ('AKTIF', 'CUTI')`);
    if (q.q) {
      const term = q.q.trim().toLowerCase().replace(/[%_\\]/g, '\\$&');
      if (/^\d+$/.test(term)) add((n) => `e.nip LIKE ${n}`, `${term}%`);
      else add((n) => `(lower(e.name) LIKE ${n} || '%' OR lower(e.name) LIKE '% ' || ${n} || '%')`, term);
    }
    const base = `${employeeSelect(mode, '$1')}${where.length ? ' WHERE ' + where.join(' AND ') : ''}`;
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM (${base}) x`, params);
    const rows: EmployeeRow[] = await this.dataSource.query(`${base} ORDER BY e.name, e.nip LIMIT ${q.size} OFFSET ${q.offset}`, params);
    return toPage(rows.map(toEmployeeView), total, q);
  }

  async get(p: Principal, ref: string, asOf?: string): Promise<EmployeeView> {
    const key = await this.access.find(ref);
    await this.access.assertCanRead(p, key);
    return this.view(key.id, asOf);
  }

  async view(id: string, asOf?: string): Promise<EmployeeView> {
    const today = todayInJakarta();
    const date = asOfDate(asOf);
    const mode = readModeFor(asOf ? date : undefined, today);
    const rows: EmployeeRow[] = await this.dataSource.query(`${employeeSelect(mode, '$1')} WHERE e.id = $2`, [date, id]);
    if (rows.length === 0) throw new ProblemException(404, 'PEGAWAI_BELUM_TERCATAT_PADA_TANGGAL', `Pegawai belum tercatat pada ${date}`);
    return toEmployeeView(rows[0]);
  }

  async history(p: Principal, ref: string): Promise<{ items: HistoryEntry[] }> {
    const key = await this.access.find(ref);
    await this.access.assertCanRead(p, key);
    const rows = await this.dataSource.query(
      `SELECT h.valid_from::text AS valid_from, h.valid_to::text AS valid_to, h.changes, h.status, h.jenis_asn, h.golongan, h.supervisor_override_id,
              h.nomor_sk, h.reason, h.recorded_at, ph.position_id, ph.code AS position_code, ph.name AS position_name,
              uh.unit_id, uh.code AS unit_code, uh.name AS unit_name, oh.unit_id AS opd_id, oh.code AS opd_code, oh.name AS opd_name
         FROM employee_history h
         LEFT JOIN position_history ph ON ph.position_id = h.position_id AND ${validOn('ph', 'h.valid_from')}
         LEFT JOIN org_unit_history uh ON uh.unit_id = ph.unit_id AND ${validOn('uh', 'h.valid_from')}
         LEFT JOIN org_unit_history oh ON oh.unit_id = uh.opd_id AND ${validOn('oh', 'h.valid_from')}
        WHERE h.employee_id = $1 ORDER BY h.valid_from`,
      [key.id],
    );
    return {
      items: rows.map(
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        (r: any): HistoryEntry => ({
          validFrom: r.valid_from,
          validTo: r.valid_to,
          changes: r.changes,
          status: r.status,
          jenisAsn: r.jenis_asn,
          golongan: r.golongan,
          position: r.position_id ? { id: r.position_id, code: r.position_code, name: r.position_name } : null,
          unit: r.unit_id ? { id: r.unit_id, code: r.unit_code, name: r.unit_name } : null,
          opd: r.opd_id ? { id: r.opd_id, code: r.opd_code, name: r.opd_name } : null,
          supervisorOverrideId: r.supervisor_override_id,
          nomorSk: r.nomor_sk,
          reason: r.reason,
          recordedAt: new Date(r.recorded_at).toISOString(),
        }),
      ),
    };
  }

  // ---- writes ----

  private async load(m: EntityManager, id: string): Promise<EmployeeRecord> {
    const [row] = await m.query(
      `SELECT e.*, e.birth_date::text AS birth_date, e.tmt_jabatan::text AS tmt_jabatan, o.code AS opd_code
         FROM employee e LEFT JOIN org_unit o ON o.id = e.opd_id WHERE e.id = $1 FOR UPDATE OF e`,
      [id],
    );
    return row;
  }

  private async historise(m: EntityManager, id: string, date: IsoDate, changes: string[], actor: Actor, extra: { nomorSk?: string | null; reason?: string | null } = {}) {
    const [e] = await m.query(`SELECT position_id, jenis_asn, golongan, status, supervisor_override_id FROM employee WHERE id = $1`, [id]);
    await recordInterval(
      m,
      'employee_history',
      id,
      date,
      {
        position_id: e.position_id,
        jenis_asn: e.jenis_asn,
        golongan: e.golongan,
        status: e.status,
        supervisor_override_id: e.supervisor_override_id,
        nomor_sk: extra.nomorSk ?? null,
        reason: extra.reason ?? null,
        recorded_by: actor.subject,
      },
      changes,
    );
    await m.query(`UPDATE employee SET valid_from = GREATEST(valid_from, $2::date), updated_at = now() WHERE id = $1`, [id, date]);
  }

  private snapshot(m: EntityManager, id: string, date: IsoDate): Promise<EmployeeSnapshot> {
    return employeeSnapshot(m, id, date, todayInJakarta());
  }

  async hire(p: Principal, dto: HireEmployeeDto): Promise<{ employee: EmployeeView; account: AccountState | null }> {
    const actor = actorOf(p);
    const golongan = dto.golongan ? normalizeGolongan(dto.golongan, dto.jenisAsn) : null;
    const errors: FieldViolation[] = [];
    dateField(dto.birthDate, 'birthDate', errors);
    dateField(dto.tmtJabatan, 'tmtJabatan', errors);
    assertNoFieldViolations(errors);
    assertNoFieldViolations(validateEmployeeFacts({ nip: dto.nip, jenisAsn: dto.jenisAsn, birthDate: dto.birthDate, sex: dto.sex, golongan, pangkat: dto.pangkat }));
    const date = effectiveDate(dto.effectiveDate);
    const id = await inTransaction(this.dataSource, async (m) => {
      const pos = await this.positions.lockForPlacement(m, dto.positionId, date);
      this.access.assertCanManage(p, pos.opd_code);
      const compat = checkJabatanForJenisAsn(dto.jenisAsn, pos.jenis_jabatan);
      if (compat) assertNoFieldViolations([compat]);
      assertNoViolation(checkCapacity(pos.code, pos.capacity, pos.occupied));
      const existing = await m.query(`SELECT id FROM employee WHERE nip = $1`, [dto.nip]);
      if (existing.length > 0) throw this.duplicateNip(dto.nip);
      const snapshot = await this.tracker.before(m, { positionIds: [pos.id] });
      const id = randomUUID();
      try {
        await m.query(
          `INSERT INTO employee (id, nip, name, jenis_asn, birth_date, sex, golongan, pangkat, position_id, unit_id, opd_id, tmt_jabatan, email, status, valid_from)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 'AKTIF', $14)`,
          [id, dto.nip, dto.name.trim(), dto.jenisAsn, dto.birthDate, dto.sex, golongan, derivedPangkat(golongan), pos.id, pos.unit_id, pos.opd_id, dto.tmtJabatan ?? date, dto.email?.toLowerCase() ?? null, date],
        );
      } catch (e) {
        conflictOnUnique(e, { employee_nip_uq: () => this.duplicateNip(dto.nip) });
      }
      await this.historise(m, id, date, ['PENGANGKATAN'], actor);
      await recordAudit(m, {
        actor: actor.subject,
        actorNip: actor.nip,
        action: 'employee.hired',
        entityType: 'employee',
        entityId: id,
        toState: 'AKTIF',
        details: { nip: dto.nip, positionId: pos.id, jenisAsn: dto.jenisAsn, golongan },
      });
      await this.events.emit(m, EmployeeHiredV1, id, await this.snapshot(m, id, date));
      await this.tracker.after(m, snapshot, { effectiveDate: date, reason: 'Pengangkatan pegawai', skip: [id] });
      return id;
    });
    const account = dto.createAccount === false ? null : await this.accounts.provision(id, actor);
    return { employee: await this.view(id), account };
  }

  private duplicateNip(nip: string): ProblemException {
    return new ProblemException(409, 'NIP_SUDAH_TERDAFTAR', `NIP ${nip} sudah terdaftar`, {
      errors: [{ field: 'nip', code: 'NIP_SUDAH_TERDAFTAR', message: `NIP ${nip} sudah terdaftar` }],
    });
  }

  async update(p: Principal, ref: string, dto: UpdateEmployeeDto): Promise<EmployeeView> {
    const actor = actorOf(p);
    const key = await this.access.find(ref);
    const errors: FieldViolation[] = [];
    dateField(dto.birthDate, 'birthDate', errors);
    dateField(dto.tmtJabatan, 'tmtJabatan', errors);
    assertNoFieldViolations(errors);
    const date = effectiveDate(dto.effectiveDate);
    const result = await inTransaction(this.dataSource, async (m) => {
      const e = await this.load(m, key.id);
      this.access.assertCanManage(p, e.opd_code);
      const next = {
        name: dto.name?.trim() ?? e.name,
        email: dto.email === undefined ? e.email : dto.email === null ? null : dto.email.toLowerCase(),
        birthDate: dto.birthDate ?? e.birth_date,
        sex: dto.sex ?? e.sex,
        jenisAsn: dto.jenisAsn ?? e.jenis_asn,
        tmtJabatan: dto.tmtJabatan ?? e.tmt_jabatan,
      };
      assertNoViolation(checkJenisAsnChange(e.jenis_asn, next.jenisAsn));
      assertNoFieldViolations(validateEmployeeFacts({ nip: e.nip, jenisAsn: next.jenisAsn, birthDate: next.birthDate, sex: next.sex, golongan: e.golongan }));
      const changes: string[] = [];
      if (next.name !== e.name) changes.push('name');
      if (next.email !== e.email) changes.push('email');
      if (next.birthDate !== e.birth_date) changes.push('birthDate');
      if (next.sex !== e.sex) changes.push('sex');
      if (next.jenisAsn !== e.jenis_asn) changes.push('jenisAsn');
      if (next.tmtJabatan !== e.tmt_jabatan) changes.push('tmtJabatan');
      if (changes.length === 0) return { id: e.id, changes };
      await m.query(
        `UPDATE employee SET name = $2, email = $3, birth_date = $4, sex = $5, jenis_asn = $6, tmt_jabatan = $7, updated_at = now() WHERE id = $1`,
        [e.id, next.name, next.email, next.birthDate, next.sex, next.jenisAsn, next.tmtJabatan],
      );
      if (changes.includes('jenisAsn')) await this.historise(m, e.id, date, ['PENGANGKATAN_PNS'], actor);
      await recordAudit(m, {
        actor: actor.subject,
        actorNip: actor.nip,
        action: 'employee.changed',
        entityType: 'employee',
        entityId: e.id,
        details: { changes, before: { name: e.name, email: e.email, birthDate: e.birth_date, sex: e.sex, jenisAsn: e.jenis_asn, tmtJabatan: e.tmt_jabatan } },
      });
      await this.events.emit(m, EmployeeChangedV1, e.id, { ...(await this.snapshot(m, e.id, date)), changes });
      return { id: e.id, changes };
    });
    if (result.changes.some((c) => c === 'name' || c === 'email')) await this.accounts.syncProfile(result.id, actor);
    return this.view(result.id);
  }

  async transfer(p: Principal, ref: string, dto: TransferEmployeeDto): Promise<EmployeeView> {
    const actor = actorOf(p);
    const key = await this.access.find(ref);
    const errors: FieldViolation[] = [];
    dateField(dto.tmtJabatan, 'tmtJabatan', errors);
    assertNoFieldViolations(errors);
    const date = effectiveDate(dto.effectiveDate);
    const result = await inTransaction(this.dataSource, async (m) => {
      const e = await this.load(m, key.id);
      this.access.assertCanManage(p, e.opd_code);
      if (!isActiveStatus(e.status)) throw new ProblemException(409, 'PEGAWAI_SUDAH_BERHENTI', `Pegawai berstatus ${e.status} tidak dapat dimutasi`);
      const pos = await this.positions.lockForPlacement(m, dto.positionId, date);
      this.access.assertCanManage(p, pos.opd_code);
      if (pos.id === e.position_id) throw new ProblemException(409, 'MUTASI_KE_JABATAN_SAMA', 'Pegawai sudah menduduki jabatan tersebut');
      const compat = checkJabatanForJenisAsn(e.jenis_asn, pos.jenis_jabatan);
      if (compat) assertNoFieldViolations([compat]);
      assertNoViolation(checkCapacity(pos.code, pos.capacity, pos.occupied));
      const before = await this.snapshot(m, e.id, date);
      const snapshot = await this.tracker.before(m, { positionIds: [e.position_id!, pos.id], employeeIds: [e.id] });
      // An override was about the old position; it does not travel with the employee.
      await m.query(
        `UPDATE employee SET position_id = $2, unit_id = $3, opd_id = $4, tmt_jabatan = $5, supervisor_override_id = NULL, supervisor_override_reason = NULL, updated_at = now() WHERE id = $1`,
        [e.id, pos.id, pos.unit_id, pos.opd_id, dto.tmtJabatan ?? date],
      );
      await this.historise(m, e.id, date, ['MUTASI'], actor, { nomorSk: dto.nomorSk, reason: dto.reason });
      await recordAudit(m, {
        actor: actor.subject,
        actorNip: actor.nip,
        action: 'employee.transferred',
        entityType: 'employee',
        entityId: e.id,
        fromState: e.position_id,
        toState: pos.id,
        reason: dto.reason ?? null,
        details: { nomorSk: dto.nomorSk ?? null, fromOpd: e.opd_id, toOpd: pos.opd_id, effectiveDate: date },
      });
      await this.events.emit(m, EmployeeTransferredV1, e.id, {
        ...(await this.snapshot(m, e.id, date)),
        from: { position: before.position, unit: before.unit, opd: before.opd },
        betweenOpd: e.opd_id !== pos.opd_id,
        nomorSk: dto.nomorSk ?? null,
        reason: dto.reason ?? null,
      });
      await this.tracker.after(m, snapshot, { effectiveDate: date, reason: dto.reason ?? 'Mutasi pegawai', skip: [e.id] });
      return { id: e.id, opdChanged: e.opd_id !== pos.opd_id };
    });
    if (result.opdChanged) await this.accounts.syncProfile(result.id, actor, { opdChanged: true });
    return this.view(result.id);
  }

  async promote(p: Principal, ref: string, dto: PromoteEmployeeDto): Promise<EmployeeView> {
    const actor = actorOf(p);
    const key = await this.access.find(ref);
    const date = effectiveDate(dto.effectiveDate);
    const id = await inTransaction(this.dataSource, async (m) => {
      const e = await this.load(m, key.id);
      this.access.assertCanManage(p, e.opd_code);
      if (!isActiveStatus(e.status)) throw new ProblemException(409, 'PEGAWAI_SUDAH_BERHENTI', `Pegawai berstatus ${e.status} tidak dapat naik pangkat`);
      const golongan = normalizeGolongan(dto.golongan, e.jenis_asn);
      assertNoViolation(checkPromotion(e.jenis_asn, e.golongan, golongan));
      await m.query(`UPDATE employee SET golongan = $2, pangkat = $3, updated_at = now() WHERE id = $1`, [e.id, golongan, derivedPangkat(golongan)]);
      await this.historise(m, e.id, date, ['KENAIKAN_PANGKAT'], actor, { nomorSk: dto.nomorSk });
      await recordAudit(m, {
        actor: actor.subject,
        actorNip: actor.nip,
        action: 'employee.promoted',
        entityType: 'employee',
        entityId: e.id,
        fromState: e.golongan,
        toState: golongan,
        details: { nomorSk: dto.nomorSk ?? null, effectiveDate: date },
      });
      await this.events.emit(m, EmployeePromotedV1, e.id, {
        ...(await this.snapshot(m, e.id, date)),
        fromGolongan: e.golongan,
        fromPangkat: e.pangkat,
        nomorSk: dto.nomorSk ?? null,
      });
      return e.id;
    });
    return this.view(id);
  }

  async changeStatus(p: Principal, ref: string, dto: ChangeStatusDto): Promise<EmployeeView> {
    const actor = actorOf(p);
    const key = await this.access.find(ref);
    const date = effectiveDate(dto.effectiveDate);
    const leaving = !isActiveStatus(dto.status);
    const id = await inTransaction(this.dataSource, async (m) => {
      const e = await this.load(m, key.id);
      this.access.assertCanManage(p, e.opd_code);
      assertNoViolation(checkStatusChange(e.status, dto.status));
      const before = await this.snapshot(m, e.id, date);
      const snapshot = await this.tracker.before(m, { positionIds: e.position_id ? [e.position_id] : [], employeeIds: [e.id] });
      if (leaving) {
        await m.query(
          `UPDATE employee SET status = $2, position_id = NULL, unit_id = NULL, opd_id = NULL, supervisor_override_id = NULL, supervisor_override_reason = NULL, updated_at = now() WHERE id = $1`,
          [e.id, dto.status],
        );
      } else {
        await m.query(`UPDATE employee SET status = $2, updated_at = now() WHERE id = $1`, [e.id, dto.status]);
      }
      await this.historise(m, e.id, date, [dto.status], actor, { nomorSk: dto.nomorSk, reason: dto.reason });
      await recordAudit(m, {
        actor: actor.subject,
        actorNip: actor.nip,
        action: leaving ? 'employee.left' : 'employee.status-changed',
        entityType: 'employee',
        entityId: e.id,
        fromState: e.status,
        toState: dto.status,
        reason: dto.reason,
        details: { nomorSk: dto.nomorSk ?? null, effectiveDate: date },
      });
      const after = await this.snapshot(m, e.id, date);
      if (leaving) {
        await this.events.emit(m, EmployeeLeftV1, e.id, { ...after, reason: dto.reason, lastPosition: before.position, lastOpd: before.opd });
      } else {
        await this.events.emit(m, EmployeeChangedV1, e.id, { ...after, changes: ['status'] });
      }
      await this.tracker.after(m, snapshot, { effectiveDate: date, reason: dto.reason, skip: [e.id] });
      return e.id;
    });
    if (leaving) await this.accounts.disable(id, actor);
    return this.view(id);
  }

  async setSupervisorOverride(p: Principal, ref: string, dto: SupervisorOverrideDto): Promise<EmployeeView> {
    const actor = actorOf(p);
    const key = await this.access.find(ref);
    const target = await this.access.find(dto.supervisorId);
    const date = effectiveDate(dto.effectiveDate);
    const id = await inTransaction(this.dataSource, async (m) => {
      await lockStructure(m);
      const e = await this.load(m, key.id);
      this.access.assertCanManage(p, e.opd_code);
      if (!isActiveStatus(e.status)) throw new ProblemException(409, 'PEGAWAI_SUDAH_BERHENTI', `Pegawai berstatus ${e.status}`);
      const [candidate] = await m.query(`SELECT id, status FROM employee WHERE id = $1`, [target.id]);
      assertNoViolation(checkSupervisorOverride(e.id, candidate, await chainIdsAt(m, candidate.id, todayInJakarta())));
      const previous = await supervisorIdAt(m, e.id, todayInJakarta());
      const snapshot = await this.tracker.before(m, { employeeIds: [e.id] });
      await m.query(`UPDATE employee SET supervisor_override_id = $2, supervisor_override_reason = $3, updated_at = now() WHERE id = $1`, [e.id, candidate.id, dto.reason]);
      await this.historise(m, e.id, date, ['ATASAN_KHUSUS'], actor, { reason: dto.reason });
      await recordAudit(m, {
        actor: actor.subject,
        actorNip: actor.nip,
        action: 'employee.supervisor-overridden',
        entityType: 'employee',
        entityId: e.id,
        fromState: previous,
        toState: candidate.id,
        reason: dto.reason,
        details: { effectiveDate: date },
      });
      await this.tracker.after(m, snapshot, { effectiveDate: date, reason: dto.reason });
      return e.id;
    });
    return this.view(id);
  }

  async removeSupervisorOverride(p: Principal, ref: string, dto: RemoveOverrideDto): Promise<EmployeeView> {
    const actor = actorOf(p);
    const key = await this.access.find(ref);
    const date = effectiveDate(dto.effectiveDate);
    const id = await inTransaction(this.dataSource, async (m) => {
      await lockStructure(m);
      const e = await this.load(m, key.id);
      this.access.assertCanManage(p, e.opd_code);
      if (!e.supervisor_override_id) throw new ProblemException(409, 'ATASAN_KHUSUS_TIDAK_ADA', 'Pegawai tidak memiliki penunjukan atasan khusus');
      const snapshot = await this.tracker.before(m, { employeeIds: [e.id] });
      await m.query(`UPDATE employee SET supervisor_override_id = NULL, supervisor_override_reason = NULL, updated_at = now() WHERE id = $1`, [e.id]);
      await this.historise(m, e.id, date, ['ATASAN_KHUSUS_DICABUT'], actor, { reason: dto.reason });
      await recordAudit(m, {
        actor: actor.subject,
        actorNip: actor.nip,
        action: 'employee.supervisor-override-removed',
        entityType: 'employee',
        entityId: e.id,
        fromState: e.supervisor_override_id,
        reason: dto.reason,
      });
      await this.tracker.after(m, snapshot, { effectiveDate: date, reason: dto.reason });
      return e.id;
    });
    return this.view(id);
  }
}
