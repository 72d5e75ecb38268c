import type { EmployeeRef, EmployeeSnapshot, OrgUnitSnapshot, PositionSnapshot } from '@capaian/contracts';
import type { EntityManager } from 'typeorm';
import { orgUnitSnapshotOf, positionRef, positionSnapshotOf } from '../common/snapshots';

/**
 * The whole current organisation in three set-based reads (no per-row queries), for the republish.
 * Same columns and mapping as the per-aggregate snapshots in common/snapshots.ts; `effectiveDate`
 * is the date the current state took effect (`valid_from` of the current row).
 */
export async function allUnitSnapshots(manager: EntityManager): Promise<OrgUnitSnapshot[]> {
  const rows = await manager.query(
    `SELECT u.id, u.code, u.name, u.kind, u.parent_id, u.opd_id, o.code AS opd_code, u.level, u.head_position_id, u.status, u.valid_from::text AS valid_from
       FROM org_unit u LEFT JOIN org_unit o ON o.id = u.opd_id ORDER BY u.level, u.code`,
  );
  return rows.map((row: Record<string, any>) => orgUnitSnapshotOf(row, row.valid_from));
}

export async function allPositionSnapshots(manager: EntityManager): Promise<PositionSnapshot[]> {
  const rows = await manager.query(
    `SELECT p.id, p.code, p.name, p.jenis_jabatan, p.jenjang, p.kelas_jabatan, p.unit_id, p.opd_id, p.reports_to_id, p.capacity, p.status,
            p.valid_from::text AS valid_from, (u.head_position_id IS NOT NULL AND u.head_position_id = p.id) AS head
       FROM position p JOIN org_unit u ON u.id = p.unit_id ORDER BY p.code`,
  );
  return rows.map((row: Record<string, any>) => positionSnapshotOf(row, row.valid_from));
}

/** Every employee without the supervisor (the caller adds it from the reporting graph), plus what roles need. */
export interface EmployeeBase {
  snapshot: Omit<EmployeeSnapshot, 'supervisor'>;
  accountId: string | null;
  ref: EmployeeRef;
}

export async function allEmployeeBases(manager: EntityManager): Promise<EmployeeBase[]> {
  const rows = await manager.query(
    `SELECT e.id, e.nip, e.name, e.jenis_asn, e.sex, e.birth_date::text AS birth_date, e.golongan, e.pangkat, e.status, e.email,
            e.tmt_jabatan::text AS tmt_jabatan, e.valid_from::text AS valid_from, e.account_id, e.account_status,
            p.id AS position_id, p.code AS position_code, p.name AS position_name, p.jenis_jabatan, p.jenjang, p.kelas_jabatan,
            (pu.head_position_id IS NOT NULL AND pu.head_position_id = p.id) AS position_unit_head,
            u.id AS unit_id, u.code AS unit_code, u.name AS unit_name,
            o.id AS opd_id, o.code AS opd_code, o.name AS opd_name
       FROM employee e
       LEFT JOIN position p ON p.id = e.position_id
       LEFT JOIN org_unit pu ON pu.id = p.unit_id
       LEFT JOIN org_unit u ON u.id = e.unit_id
       LEFT JOIN org_unit o ON o.id = e.opd_id
      ORDER BY e.nip`,
  );
  return rows.map((row: Record<string, any>) => ({
    snapshot: {
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
      position: positionRef(row as never),
      unit: row.unit_id ? { unitId: row.unit_id, code: row.unit_code, name: row.unit_name } : null,
      opd: row.opd_id ? { unitId: row.opd_id, code: row.opd_code, name: row.opd_name } : null,
      tmtJabatan: row.tmt_jabatan,
      effectiveDate: row.valid_from,
    },
    // A disabled account (the employee left) exercises no role, whatever Keycloak still maps to it.
    accountId: row.account_id && row.account_status !== 'TIDAK_ADA' && row.account_status !== 'NONAKTIF' ? row.account_id : null,
    ref: { employeeId: row.id, nip: row.nip, name: row.name },
  }));
}
