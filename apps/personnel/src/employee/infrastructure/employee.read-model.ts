import { pangkatOf, type IsoDate } from '@capaian/kinerja';
import { validOn } from '../../common/temporal';

/**
 * How employees are read: from the current tables (fast, for "now") or from the history tables
 * as of a date. Both produce the same columns, so one mapping serves every endpoint.
 */
export type ReadMode = 'current' | 'history';

export interface EmployeeRow {
  id: string;
  nip: string;
  name: string;
  jenis_asn: string;
  sex: string;
  birth_date: string;
  email: string | null;
  tmt_jabatan: string | null;
  account_status: string;
  golongan: string | null;
  status: string;
  override_id: string | null;
  override_reason: string | null;
  position_id: string | null;
  position_code: string | null;
  position_name: string | null;
  jenis_jabatan: string | null;
  jenjang: string | null;
  kelas_jabatan: number | null;
  unit_id: string | null;
  unit_code: string | null;
  unit_name: string | null;
  opd_id: string | null;
  opd_code: string | null;
  opd_name: string | null;
  opd_head: boolean | null;
  unit_head: boolean | null;
}

/**
 * `SELECT … FROM …` of employees; in history mode `dateParam` (e.g. `$1`) is the as-of date.
 * Now, the position and the two units are looked up per employee by primary key: callers select a
 * page or a handful of employees, and as plain joins PostgreSQL hash-joined the whole org_unit
 * table (twice) for 21 rows. `OFFSET 0` keeps each lookup a subquery the planner does not flatten
 * into a join, whatever it estimates (a prepared statement's generic plan estimates blindly).
 */
export function employeeSelect(mode: ReadMode, dateParam: string): string {
  const columns = `e.id, e.nip, e.name, e.jenis_asn, e.sex, e.birth_date::text AS birth_date, e.email, e.tmt_jabatan::text AS tmt_jabatan,
    e.account_status, ${mode === 'current' ? 'e.golongan, e.status, e.supervisor_override_id AS override_id' : 'eh.golongan, eh.status, eh.supervisor_override_id AS override_id'},
    e.supervisor_override_reason AS override_reason,
    ${mode === 'current' ? 'p.id' : 'p.position_id'} AS position_id, p.code AS position_code, p.name AS position_name, p.jenis_jabatan, p.jenjang, p.kelas_jabatan,
    ${mode === 'current' ? 'u.id' : 'u.unit_id'} AS unit_id, u.code AS unit_code, u.name AS unit_name,
    ${mode === 'current' ? 'o.id' : 'o.unit_id'} AS opd_id, o.code AS opd_code, o.name AS opd_name,
    (o.head_position_id IS NOT NULL AND o.head_position_id = ${mode === 'current' ? 'p.id' : 'p.position_id'}) AS opd_head,
    (u.head_position_id IS NOT NULL AND u.head_position_id = ${mode === 'current' ? 'p.id' : 'p.position_id'}) AS unit_head`;
  if (mode === 'current') {
    return `SELECT ${columns}
      FROM employee e
      LEFT JOIN LATERAL (SELECT p.id, p.code, p.name, p.jenis_jabatan, p.jenjang, p.kelas_jabatan FROM position p WHERE p.id = e.position_id OFFSET 0) p ON true
      LEFT JOIN LATERAL (SELECT u.id, u.code, u.name, u.head_position_id FROM org_unit u WHERE u.id = e.unit_id OFFSET 0) u ON true
      LEFT JOIN LATERAL (SELECT o.id, o.code, o.name, o.head_position_id FROM org_unit o WHERE o.id = e.opd_id OFFSET 0) o ON true
      CROSS JOIN (SELECT ${dateParam}::date AS as_of) asof`;
  }
  return `SELECT ${columns}
    FROM employee e
    JOIN employee_history eh ON eh.employee_id = e.id AND ${validOn('eh', dateParam)}
    LEFT JOIN position_history p ON p.position_id = eh.position_id AND ${validOn('p', dateParam)}
    LEFT JOIN org_unit_history u ON u.unit_id = p.unit_id AND ${validOn('u', dateParam)}
    LEFT JOIN org_unit_history o ON o.unit_id = u.opd_id AND ${validOn('o', dateParam)}`;
}

/** Column names for filters, per mode. */
export function employeeColumns(mode: ReadMode) {
  return mode === 'current'
    ? { golongan: 'e.golongan', status: 'e.status', jenisAsn: 'e.jenis_asn', opdCode: 'o.code', unitId: 'e.unit_id', positionId: 'e.position_id', jenisJabatan: 'p.jenis_jabatan' }
    : { golongan: 'eh.golongan', status: 'eh.status', jenisAsn: 'eh.jenis_asn', opdCode: 'o.code', unitId: 'u.unit_id', positionId: 'eh.position_id', jenisJabatan: 'p.jenis_jabatan' };
}

export function readModeFor(asOf: IsoDate | undefined, today: IsoDate): ReadMode {
  return asOf === undefined || asOf >= today ? 'current' : 'history';
}

/**
 * The employee as the API shows it. PostgreSQL keeps the same object, as JSON text, in each
 * employee's row (`view_json`, migration 1765800000000): the list of employees sends that.
 */
export interface EmployeeView {
  id: string;
  nip: string;
  name: string;
  jenisAsn: string;
  sex: string;
  birthDate: string;
  golongan: string | null;
  pangkat: string | null;
  status: string;
  email: string | null;
  tmtJabatan: string | null;
  position: { id: string; code: string; name: string; jenisJabatan: string; jenjang: string | null; kelasJabatan: number | null } | null;
  unit: { id: string; code: string; name: string } | null;
  opd: { id: string; code: string; name: string } | null;
  opdHead: boolean;
  unitHead: boolean;
  supervisorOverride: { supervisorId: string; reason: string | null } | null;
  accountStatus: string;
}

export function toEmployeeView(row: EmployeeRow): EmployeeView {
  return {
    id: row.id,
    nip: row.nip,
    name: row.name,
    jenisAsn: row.jenis_asn,
    sex: row.sex,
    birthDate: row.birth_date,
    golongan: row.golongan,
    pangkat: row.golongan ? pangkatOf(row.golongan) : null,
    status: row.status,
    email: row.email,
    tmtJabatan: row.tmt_jabatan,
    position: row.position_id
      ? {
          id: row.position_id,
          code: row.position_code!,
          name: row.position_name!,
          jenisJabatan: row.jenis_jabatan!,
          jenjang: row.jenjang,
          kelasJabatan: row.kelas_jabatan === null ? null : Number(row.kelas_jabatan),
        }
      : null,
    unit: row.unit_id ? { id: row.unit_id, code: row.unit_code!, name: row.unit_name! } : null,
    opd: row.opd_id ? { id: row.opd_id, code: row.opd_code!, name: row.opd_name! } : null,
    opdHead: row.opd_head === true,
    unitHead: row.unit_head === true,
    supervisorOverride: row.override_id ? { supervisorId: row.override_id, reason: row.override_reason } : null,
    accountStatus: row.account_status,
  };
}
