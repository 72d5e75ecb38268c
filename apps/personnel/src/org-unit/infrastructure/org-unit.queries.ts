import { workingEmployee } from '../../employee/infrastructure/employee.repository';
import type { IsoDate } from '@capaian/kinerja';
import { validOn } from '../../common/temporal';
import type { ReadMode } from '../../employee/infrastructure/employee.read-model';

export interface UnitRow {
  id: string;
  code: string;
  name: string;
  kind: string;
  parent_id: string | null;
  opd_id: string | null;
  opd_code: string | null;
  level: number;
  status: 'AKTIF' | 'DITUTUP';
  valid_from: string;
  head_position_id: string | null;
  head_code: string | null;
  head_name: string | null;
  holder_id: string | null;
  holder_nip: string | null;
  holder_name: string | null;
}

export interface UnitView {
  id: string;
  code: string;
  name: string;
  kind: string;
  parentId: string | null;
  opd: { id: string; code: string } | null;
  level: number;
  status: 'AKTIF' | 'DITUTUP';
  validFrom: string;
  head: { positionId: string; code: string; name: string; holder: { id: string; nip: string; name: string } | null } | null;
}

/** Units with their head position and its holder, current or as of the date in `dateParam`. */
export function unitSelect(mode: ReadMode, dateParam: string): string {
  if (mode === 'current') {
    return `SELECT u.id, u.code, u.name, u.kind, u.parent_id, u.opd_id, o.code AS opd_code, u.level, u.status, u.valid_from::text AS valid_from,
        u.head_position_id, hp.code AS head_code, hp.name AS head_name, holder.id AS holder_id, holder.nip AS holder_nip, holder.name AS holder_name
      FROM org_unit u
      LEFT JOIN org_unit o ON o.id = u.opd_id
      LEFT JOIN position hp ON hp.id = u.head_position_id
      LEFT JOIN LATERAL (SELECT e.id, e.nip, e.name FROM employee e
                          WHERE e.position_id = u.head_position_id AND ${workingEmployee('e')} ORDER BY e.nip LIMIT 1) holder ON true
      CROSS JOIN (SELECT ${dateParam}::date AS as_of) asof
      WHERE true`;
  }
  return `SELECT u.unit_id AS id, u.code, u.name, u.kind, u.parent_id, u.opd_id, o.code AS opd_code, u.level, u.status, u.valid_from::text AS valid_from,
      u.head_position_id, hp.code AS head_code, hp.name AS head_name, holder.id AS holder_id, holder.nip AS holder_nip, holder.name AS holder_name
    FROM org_unit_history u
    LEFT JOIN org_unit_history o ON o.unit_id = u.opd_id AND ${validOn('o', dateParam)}
    LEFT JOIN position_history hp ON hp.position_id = u.head_position_id AND ${validOn('hp', dateParam)}
    LEFT JOIN LATERAL (SELECT e.id, e.nip, e.name FROM employee_history eh JOIN employee e ON e.id = eh.employee_id
                        WHERE eh.position_id = u.head_position_id AND ${validOn('eh', dateParam)} AND ${workingEmployee('eh')}
                        ORDER BY e.nip LIMIT 1) holder ON true
    WHERE ${validOn('u', dateParam)}`;
}

export function unitIdColumn(mode: ReadMode): string {
  return mode === 'current' ? 'u.id' : 'u.unit_id';
}

export function toUnitView(r: UnitRow): UnitView {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    kind: r.kind,
    parentId: r.parent_id,
    opd: r.opd_id ? { id: r.opd_id, code: r.opd_code! } : null,
    level: Number(r.level),
    status: r.status,
    validFrom: r.valid_from,
    head: r.head_position_id
      ? {
          positionId: r.head_position_id,
          code: r.head_code!,
          name: r.head_name!,
          holder: r.holder_id ? { id: r.holder_id, nip: r.holder_nip!, name: r.holder_name! } : null,
        }
      : null,
  };
}

export type UnitDate = IsoDate;
