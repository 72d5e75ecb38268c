import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ElevatedRole, EmployeeRef, PenilaiBasis, RoleAssignment, UnitRef } from '@capaian/contracts';
import { DataSource, type EntityManager } from 'typeorm';

/** An employee as the local read model knows them. */
export interface ProjectedEmployeeView {
  id: string;
  nip: string;
  name: string;
  jenisAsn: string;
  golongan: string | null;
  pangkat: string | null;
  status: string;
  email: string | null;
  position: {
    id: string;
    code: string;
    name: string;
    /** The position kind (JPT_PRATAMA, ADMINISTRATOR, PENGAWAS, FUNGSIONAL_KEAHLIAN, …). */
    jenisJabatan: string;
    jenjang: string | null;
    kelasJabatan: number | null;
    /** Head (kepala) of its unit. */
    unitHead: boolean;
  } | null;
  unit: UnitRef | null;
  opd: UnitRef | null;
  supervisor: EmployeeRef | null;
  pejabatPenilai: EmployeeRef | null;
  atasanPejabatPenilai: EmployeeRef | null;
  penilaiBasis: PenilaiBasis | null;
  roles: RoleAssignment[];
}

const ACTIVE = `('AKTIF', 'CUTI')`;

// The position's head flag as a lookup by primary key per employee, not a join: while a consumer
// catches up (statistics behind a fast-growing table) the planner hash-joined every position of the
// city for one employee, 5 ms instead of 0.1 per lookup.
const SELECT = `SELECT e.*, COALESCE(e.unit_head, (SELECT p.head FROM personnel_position p WHERE p.id = e.position_id), false) AS head_flag,
    COALESCE((SELECT json_agg(json_build_object('role', r.role, 'opdId', r.opd_id, 'opdCode', r.opd_code, 'opdName', r.opd_name) ORDER BY r.role)
                FROM personnel_role r WHERE r.employee_id = e.id AND r.granted), '[]'::json) AS roles
  FROM personnel_employee e`;

type Row = Record<string, any>;

function ref(id: string | null, nip: string | null, name: string | null): EmployeeRef | null {
  return id ? { employeeId: id, nip: nip ?? '', name: name ?? '' } : null;
}

function viewOf(r: Row): ProjectedEmployeeView {
  return {
    id: r.id,
    nip: r.nip,
    name: r.name,
    jenisAsn: r.jenis_asn,
    golongan: r.golongan,
    pangkat: r.pangkat,
    status: r.status,
    email: r.email,
    position: r.position_id
      ? {
          id: r.position_id,
          code: r.position_code,
          name: r.position_name,
          jenisJabatan: r.jenis_jabatan,
          jenjang: r.jenjang,
          kelasJabatan: r.kelas_jabatan === null ? null : Number(r.kelas_jabatan),
          unitHead: r.head_flag === true,
        }
      : null,
    unit: r.unit_id ? { unitId: r.unit_id, code: r.unit_code, name: r.unit_name } : null,
    opd: r.opd_id ? { unitId: r.opd_id, code: r.opd_code, name: r.opd_name } : null,
    supervisor: ref(r.supervisor_id, r.supervisor_nip, r.supervisor_name),
    pejabatPenilai: ref(r.penilai_id, r.penilai_nip, r.penilai_name),
    atasanPejabatPenilai: ref(r.atasan_penilai_id, r.atasan_penilai_nip, r.atasan_penilai_name),
    penilaiBasis: r.penilai_basis,
    roles: rolesOf(r.roles),
  };
}

function rolesOf(list: { role: ElevatedRole; opdId: string | null; opdCode: string | null; opdName: string | null }[]): RoleAssignment[] {
  return list.map((r) => ({ role: r.role, opd: r.opdId ? { unitId: r.opdId, code: r.opdCode ?? '', name: r.opdName ?? '' } : null }));
}

/**
 * The questions other services ask about personnel, answered from their own database (no call to
 * personnel). Only employees whose own data has arrived are returned (core_version set).
 */
@Injectable()
export class PersonnelDirectory {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private m(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  async employeeById(id: string, manager?: EntityManager): Promise<ProjectedEmployeeView | null> {
    const [row] = await this.m(manager).query(`${SELECT} WHERE e.id = $1::uuid AND e.core_version IS NOT NULL`, [id]);
    return row ? viewOf(row) : null;
  }

  async employeeByNip(nip: string, manager?: EntityManager): Promise<ProjectedEmployeeView | null> {
    const [row] = await this.m(manager).query(`${SELECT} WHERE e.nip = $1 AND e.core_version IS NOT NULL ORDER BY e.core_version DESC LIMIT 1`, [nip]);
    return row ? viewOf(row) : null;
  }

  /** Active employees whose pejabat penilai is `penilaiId` (the people they appraise), by name. */
  async appraiseesOf(penilaiId: string, manager?: EntityManager): Promise<ProjectedEmployeeView[]> {
    const rows = await this.m(manager).query(
      `${SELECT} WHERE e.penilai_id = $1::uuid AND e.core_version IS NOT NULL AND e.status IN ${ACTIVE} ORDER BY e.name, e.nip`,
      [penilaiId],
    );
    return rows.map(viewOf);
  }

  /** Active employees for whom `employeeId` is the atasan pejabat penilai (who approves their ratings). */
  async appraiseesOfAtasanPenilai(employeeId: string, manager?: EntityManager): Promise<ProjectedEmployeeView[]> {
    const rows = await this.m(manager).query(
      `${SELECT} WHERE e.atasan_penilai_id = $1::uuid AND e.core_version IS NOT NULL AND e.status IN ${ACTIVE} ORDER BY e.name, e.nip`,
      [employeeId],
    );
    return rows.map(viewOf);
  }

  /** Active direct reports (effective supervisor), by name. */
  async directReportsOf(supervisorId: string, manager?: EntityManager): Promise<ProjectedEmployeeView[]> {
    const rows = await this.m(manager).query(
      `${SELECT} WHERE e.supervisor_id = $1::uuid AND e.core_version IS NOT NULL AND e.status IN ${ACTIVE} ORDER BY e.name, e.nip`,
      [supervisorId],
    );
    return rows.map(viewOf);
  }

  /** The elevated roles an employee holds, by employee id or NIP. */
  async rolesOf(employeeIdOrNip: string, manager?: EntityManager): Promise<RoleAssignment[]> {
    const byNip = /^\d{18}$/.test(employeeIdOrNip);
    const rows = await this.m(manager).query(
      `SELECT r.role, r.opd_id AS "opdId", r.opd_code AS "opdCode", r.opd_name AS "opdName"
         FROM personnel_role r ${byNip ? 'JOIN personnel_employee e ON e.id = r.employee_id WHERE e.nip = $1' : 'WHERE r.employee_id = $1::uuid'}
          AND r.granted ORDER BY r.role`,
      [employeeIdOrNip],
    );
    return rolesOf(rows);
  }

  /** Counts of what the read model holds (for health pages and tests). */
  async counts(manager?: EntityManager): Promise<{ units: number; positions: number; employees: number; roles: number }> {
    const [row] = await this.m(manager).query(
      `SELECT (SELECT count(*) FROM personnel_unit)::int AS units, (SELECT count(*) FROM personnel_position)::int AS positions,
              (SELECT count(*) FROM personnel_employee WHERE core_version IS NOT NULL)::int AS employees,
              (SELECT count(*) FROM personnel_role WHERE granted)::int AS roles`,
    );
    return row;
  }
}
