import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { todayInJakarta } from '@capaian/kinerja';
import { DataSource } from 'typeorm';
import type { ListPage } from '../common/paging';
import { asOfDate, validOn } from '../common/temporal';
import { readModeFor, type ReadMode } from '../employee/infrastructure/employee.read-model';
import { workingEmployee } from '../employee/infrastructure/employee.repository';
import { resolveUnitId } from '../org-unit/infrastructure/org-unit.repository';
import type { PositionListQuery } from './dto/position-list.query';
import { resolvePositionId } from './infrastructure/position.repository';
import { PositionMessages } from './position.messages';

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

/** Reads of positions (list, one with its holders), now or as of a date. */
@Injectable()
export class PositionQueries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(q: PositionListQuery): Promise<ListPage<PositionView>> {
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
    let total: number | undefined;
    if (q.total) [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM (${base}) x`, params);
    // By code: a position's code starts with its unit's code, so the order groups positions by unit,
    // and it is the order of an index (position_code_uq, position_history_code_idx).
    const rows = await this.dataSource.query(`SELECT * FROM (${base}) y ORDER BY y.code LIMIT ${q.size} OFFSET ${q.offset}`, params);
    return { items: rows.map(toView), page: q.page, size: q.size, ...(total === undefined ? {} : { total }) };
  }

  async get(ref: string, asOf?: string): Promise<PositionView> {
    const date = asOfDate(asOf);
    const mode = readModeFor(asOf ? date : undefined, todayInJakarta());
    const id = await resolvePositionId(this.dataSource.manager, ref);
    const rows = await this.dataSource.query(`${positionSelect(mode)} AND ${mode === 'current' ? 'p.id' : 'p.position_id'} = $2`, [date, id]);
    if (rows.length === 0) throw PositionMessages.error('JABATAN_TIDAK_DITEMUKAN', { ref: `${ref} pada ${date}` });
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
}
