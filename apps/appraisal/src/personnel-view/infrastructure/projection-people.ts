import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PersonnelDirectory, type ProjectedEmployeeView } from '@capaian/shared/projection';
import { DataSource, type EntityManager } from 'typeorm';
import { AppraisalPeople, type EmployeeView, type PersonRef, type UnitView } from '../appraisal-people';

function person(ref: { employeeId: string; nip: string; name: string } | null): PersonRef | null {
  return ref && ref.nip ? { employeeId: ref.employeeId, nip: ref.nip, name: ref.name || ref.nip } : null;
}

export function employeeViewOf(e: ProjectedEmployeeView): EmployeeView {
  return {
    employeeId: e.id,
    nip: e.nip,
    name: e.name,
    jenisAsn: e.jenisAsn,
    golongan: e.golongan,
    status: e.status,
    jabatan: e.position ? { positionId: e.position.id, name: e.position.name, jenisJabatan: e.position.jenisJabatan, unitHead: e.position.unitHead } : null,
    unit: e.unit ? { unitId: e.unit.unitId, code: e.unit.code, name: e.unit.name } : null,
    opd: e.opd ? { unitId: e.opd.unitId, code: e.opd.code, name: e.opd.name } : null,
    pejabatPenilai: person(e.pejabatPenilai),
    atasanPejabatPenilai: person(e.atasanPejabatPenilai),
  };
}

/**
 * Appraisal's view of people, read from the personnel projection (`@capaian/shared/projection`)
 * that this service keeps from personnel's Kafka events — never a call to personnel. Single
 * employees come through the projection's PersonnelDirectory; the OPD-wide lists of the dashboard
 * read the projection's tables in one query each.
 */
@Injectable()
export class ProjectionPeople extends AppraisalPeople {
  constructor(
    private readonly directory: PersonnelDirectory,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    super();
  }

  async employeeByNip(m: EntityManager, nip: string): Promise<EmployeeView | null> {
    const e = await this.directory.employeeByNip(nip, m);
    return e ? employeeViewOf(e) : null;
  }

  async unitsOfOpd(m: EntityManager, opdCode: string): Promise<UnitView[]> {
    return (m ?? this.dataSource.manager).query(
      `SELECT id AS "unitId", code, name, level FROM personnel_unit WHERE opd_code = $1 AND status = 'AKTIF' ORDER BY level, code`,
      [opdCode],
    );
  }

  async employeesOfOpd(m: EntityManager, opdCode: string) {
    const rows: { nip: string; name: string | null; unit_id: string | null; penilai_id: string | null; penilai_nip: string | null; penilai_name: string | null }[] = await m.query(
      `SELECT nip, name, unit_id, penilai_id, penilai_nip, penilai_name FROM personnel_employee
        WHERE opd_code = $1 AND status IN ('AKTIF', 'CUTI') AND core_version IS NOT NULL`,
      [opdCode],
    );
    return rows.map((r) => ({ nip: r.nip, name: r.name ?? r.nip, unitId: r.unit_id, penilai: r.penilai_id && r.penilai_nip ? { employeeId: r.penilai_id, nip: r.penilai_nip, name: r.penilai_name ?? r.penilai_nip } : null }));
  }

  async opdExists(m: EntityManager, opdCode: string): Promise<boolean> {
    const [row] = await m.query(`SELECT 1 FROM personnel_unit WHERE code = $1 AND level = 1 LIMIT 1`, [opdCode]);
    return !!row;
  }
}
