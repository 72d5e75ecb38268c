import type { EmployeeRef, EmployeeSnapshot, OrgUnitSnapshot, PositionRef, PositionSnapshot, UnitRef } from '@capaian/contracts';
import type { IsoDate } from '@capaian/kinerja';
import type { EntityManager } from 'typeorm';

/**
 * Event payloads read back from the database inside the writing transaction, after the change:
 * what consumers receive is exactly what was committed.
 */
export async function orgUnitSnapshot(manager: EntityManager, unitId: string, effectiveDate: IsoDate): Promise<OrgUnitSnapshot> {
  const [row] = await manager.query(
    `SELECT u.id, u.code, u.name, u.kind, u.parent_id, u.opd_id, o.code AS opd_code, u.level, u.head_position_id, u.status
       FROM org_unit u LEFT JOIN org_unit o ON o.id = u.opd_id WHERE u.id = $1`,
    [unitId],
  );
  return orgUnitSnapshotOf(row, effectiveDate);
}

/** An `org_unit` row (with its OPD's code as `opd_code`) as the event payload. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function orgUnitSnapshotOf(row: Record<string, any>, effectiveDate: IsoDate): OrgUnitSnapshot {
  return {
    unitId: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind,
    parentId: row.parent_id,
    opdId: row.opd_id,
    opdCode: row.opd_code,
    level: Number(row.level),
    headPositionId: row.head_position_id,
    status: row.status,
    effectiveDate,
  };
}

export async function positionSnapshot(manager: EntityManager, positionId: string, effectiveDate: IsoDate): Promise<PositionSnapshot> {
  const [row] = await manager.query(
    `SELECT p.*, (u.head_position_id = p.id) AS head FROM position p JOIN org_unit u ON u.id = p.unit_id WHERE p.id = $1`,
    [positionId],
  );
  return positionSnapshotOf(row, effectiveDate);
}

/** A `position` row (with `head`: it heads its unit) as the event payload. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function positionSnapshotOf(row: Record<string, any>, effectiveDate: IsoDate): PositionSnapshot {
  return {
    positionId: row.id,
    code: row.code,
    name: row.name,
    jenisJabatan: row.jenis_jabatan,
    jenjang: row.jenjang,
    kelasJabatan: row.kelas_jabatan === null ? null : Number(row.kelas_jabatan),
    unitId: row.unit_id,
    opdId: row.opd_id,
    reportsToPositionId: row.reports_to_id,
    head: row.head === true,
    capacity: Number(row.capacity),
    status: row.status,
    effectiveDate,
  };
}

export function positionRef(row: {
  position_id: string | null;
  position_code: string;
  position_name: string;
  jenis_jabatan: string;
  jenjang: string | null;
  kelas_jabatan: number | null;
  /** Whether the position heads its unit; read models need it to know who may appraise. */
  position_unit_head?: boolean | null;
}): PositionRef | null {
  if (!row.position_id) return null;
  return {
    positionId: row.position_id,
    code: row.position_code,
    name: row.position_name,
    jenisJabatan: row.jenis_jabatan,
    jenjang: row.jenjang,
    kelasJabatan: row.kelas_jabatan === null ? null : Number(row.kelas_jabatan),
    unitHead: row.position_unit_head === true,
  };
}

function unitRef(id: string | null, code: string, name: string): UnitRef | null {
  return id ? { unitId: id, code, name } : null;
}

/** Current state of employees with their position, unit, OPD and effective supervisor (as of `today`). */
export async function employeeSnapshots(manager: EntityManager, employeeIds: readonly string[], effectiveDate: IsoDate, today: IsoDate): Promise<Map<string, EmployeeSnapshot>> {
  const out = new Map<string, EmployeeSnapshot>();
  if (employeeIds.length === 0) return out;
  const rows = await manager.query(
    `SELECT e.id, e.nip, e.name, e.jenis_asn, e.sex, e.birth_date::text AS birth_date, e.golongan, e.pangkat, e.status, e.email,
            e.tmt_jabatan::text AS tmt_jabatan,
            p.id AS position_id, p.code AS position_code, p.name AS position_name, p.jenis_jabatan, p.jenjang, p.kelas_jabatan,
            (pu.head_position_id IS NOT NULL AND pu.head_position_id = p.id) AS position_unit_head,
            u.id AS unit_id, u.code AS unit_code, u.name AS unit_name,
            o.id AS opd_id, o.code AS opd_code, o.name AS opd_name,
            s.id AS sup_id, s.nip AS sup_nip, s.name AS sup_name
       FROM employee e
       LEFT JOIN position p ON p.id = e.position_id
       LEFT JOIN org_unit pu ON pu.id = p.unit_id
       LEFT JOIN org_unit u ON u.id = e.unit_id
       LEFT JOIN org_unit o ON o.id = e.opd_id
       LEFT JOIN personnel_supervisors_at($1::uuid[], $2::date) sv ON sv.employee_id = e.id
       LEFT JOIN employee s ON s.id = sv.supervisor_id
      WHERE e.id = ANY($1::uuid[])`,
    [employeeIds, today],
  );
  for (const row of rows) {
    out.set(row.id, {
      employeeId: row.id,
      nip: row.nip,
      name: row.name,
      jenisAsn: row.jenis_asn,
      sex: row.sex,
      birthDate: row.birth_date,
      golongan: row.golongan,
      pangkat: row.pangkat,
      status: row.status,
      email: row.email,
      position: positionRef(row),
      unit: unitRef(row.unit_id, row.unit_code, row.unit_name),
      opd: unitRef(row.opd_id, row.opd_code, row.opd_name),
      supervisor: row.sup_id ? { employeeId: row.sup_id, nip: row.sup_nip, name: row.sup_name } : null,
      tmtJabatan: row.tmt_jabatan,
      effectiveDate,
    });
  }
  return out;
}

export async function employeeSnapshot(manager: EntityManager, employeeId: string, effectiveDate: IsoDate, today: IsoDate): Promise<EmployeeSnapshot> {
  const snapshot = (await employeeSnapshots(manager, [employeeId], effectiveDate, today)).get(employeeId);
  if (!snapshot) throw new Error(`employee ${employeeId} vanished inside its own transaction`);
  return snapshot;
}

export async function employeeRefs(manager: EntityManager, ids: readonly string[]): Promise<Map<string, EmployeeRef>> {
  const out = new Map<string, EmployeeRef>();
  if (ids.length === 0) return out;
  const rows = await manager.query(`SELECT id, nip, name FROM employee WHERE id = ANY($1::uuid[])`, [ids]);
  for (const r of rows) out.set(r.id, { employeeId: r.id, nip: r.nip, name: r.name });
  return out;
}
