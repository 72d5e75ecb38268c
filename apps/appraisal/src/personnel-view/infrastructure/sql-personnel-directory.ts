import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PersonnelDirectory, type EmployeeView, type PersonRef, type UnitView } from '../personnel-directory';

interface EmployeeRow {
  id: string;
  nip: string;
  name: string | null;
  jenis_asn: string | null;
  golongan: string | null;
  status: string | null;
  position_id: string | null;
  position_name: string | null;
  jenis_jabatan: string | null;
  unit_head: boolean | null;
  unit_id: string | null;
  unit_code: string | null;
  unit_name: string | null;
  opd_id: string | null;
  opd_code: string | null;
  opd_name: string | null;
  penilai_id: string | null;
  penilai_nip: string | null;
  penilai_name: string | null;
  atasan_penilai_id: string | null;
  atasan_penilai_nip: string | null;
  atasan_penilai_name: string | null;
}

function ref(id: string | null, nip: string | null, name: string | null): PersonRef | null {
  return id && nip ? { employeeId: id, nip, name: name ?? nip } : null;
}

/**
 * Reads the personnel projection kept in this database by `@capaian/shared/projection`
 * (`personnel_employee`, `personnel_unit`), which follows personnel's Kafka events.
 */
@Injectable()
export class SqlPersonnelDirectory extends PersonnelDirectory {
  async employeeByNip(m: EntityManager, nip: string): Promise<EmployeeView | null> {
    const [r]: EmployeeRow[] = await m.query(`SELECT * FROM personnel_employee WHERE nip = $1 ORDER BY (status = 'AKTIF') DESC LIMIT 1`, [nip]);
    if (!r) return null;
    return {
      employeeId: r.id,
      nip: r.nip,
      name: r.name ?? r.nip,
      jenisAsn: r.jenis_asn,
      golongan: r.golongan,
      status: r.status,
      jabatan: r.position_id ? { positionId: r.position_id, name: r.position_name ?? '', jenisJabatan: r.jenis_jabatan ?? '', unitHead: !!r.unit_head } : null,
      unit: r.unit_id ? { unitId: r.unit_id, code: r.unit_code, name: r.unit_name ?? '' } : null,
      opd: r.opd_id && r.opd_code ? { unitId: r.opd_id, code: r.opd_code, name: r.opd_name ?? r.opd_code } : null,
      pejabatPenilai: ref(r.penilai_id, r.penilai_nip, r.penilai_name),
      atasanPejabatPenilai: ref(r.atasan_penilai_id, r.atasan_penilai_nip, r.atasan_penilai_name),
    };
  }

  async unitsOfOpd(m: EntityManager, opdCode: string): Promise<UnitView[]> {
    return m.query(
      `SELECT id AS "unitId", code AS code, name AS name, level FROM personnel_unit
        WHERE opd_code = $1 AND status = 'AKTIF' ORDER BY level, code`,
      [opdCode],
    );
  }

  async employeesOfOpd(m: EntityManager, opdCode: string) {
    const rows: { nip: string; name: string | null; unit_id: string | null; penilai_id: string | null; penilai_nip: string | null; penilai_name: string | null }[] = await m.query(
      `SELECT nip, name AS name, unit_id, penilai_id, penilai_nip, penilai_name FROM personnel_employee
        WHERE opd_code = $1 AND coalesce(status, 'AKTIF') = 'AKTIF'`,
      [opdCode],
    );
    return rows.map((r) => ({ nip: r.nip, name: r.name ?? r.nip, unitId: r.unit_id, penilai: ref(r.penilai_id, r.penilai_nip, r.penilai_name) }));
  }

  async opdExists(m: EntityManager, opdCode: string): Promise<boolean> {
    const [row] = await m.query(`SELECT 1 FROM personnel_unit WHERE code = $1 AND level = 1 LIMIT 1`, [opdCode]);
    return !!row;
  }
}
