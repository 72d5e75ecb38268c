import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { normalizeGolongan, todayInJakarta } from '@capaian/kinerja';
import type { Principal } from '@capaian/shared/auth';
import { DataSource } from 'typeorm';
import { readsCityWide } from '../common/access';
import { decodeCursor, encodeCursor, pageJson, type PageJson } from '../common/paging';
import { preparedQuery } from '../common/prepared';
import { forbidden } from '../common/personnel.messages';
import { resolveUnitId } from '../org-unit/infrastructure/org-unit.repository';
import { asOfDate, validOn } from '../common/temporal';
import { EmployeeAccess } from './employee-access';
import { EmployeeMessages } from './employee.messages';
import type { EmployeeListQuery } from './dto/employee-list.query';
import { employeeColumns, employeeSelect, readModeFor, toEmployeeView, type EmployeeRow, type EmployeeView } from './infrastructure/employee.read-model';
import { workingEmployee } from './infrastructure/employee.repository';

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

interface PageRow {
  name: string;
  nip: string;
  json: string;
}

/** A number written into a statement's text: only ever an integer (the DTO validates it; this keeps it so). */
function integer(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`not a non-negative integer: ${n}`);
  return String(n);
}

/** Reads of employees (list, one, history), now or as of a date; they bypass the write model. */
@Injectable()
export class EmployeeQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: EmployeeAccess,
  ) {}

  /**
   * A page of employees by name, then NIP. Every filter, scope and page is answered by walking an
   * index in that order (`employee_name_nip_idx`, `employee_opd_name_nip_idx`; name search by the
   * trigram index), so a page costs the same whatever the city's size: checked by
   * apps/personnel/test/list-query-plans.int-spec.ts on the demo city. `total` is counted only when asked.
   * The page comes back as JSON text: now, each employee's `view_json` as PostgreSQL keeps it (the
   * same object as toEmployeeView); as of a past date, toEmployeeView of the rows then.
   */
  async list(p: Principal, q: EmployeeListQuery): Promise<PageJson<EmployeeView>> {
    let opd = q.opd;
    if (!readsCityWide(p)) {
      if (!p.roles.includes('admin-opd') || !p.opd) throw forbidden('employeeList');
      if (opd && opd !== p.opd) throw forbidden('employeeListOtherOpd');
      opd = p.opd;
    }
    const after = q.after ? decodeCursor(q.after, 2) : undefined;
    const today = todayInJakarta();
    const date = asOfDate(q.asOf);
    const mode = readModeFor(q.asOf ? date : undefined, today);
    const col = employeeColumns(mode);
    // As of a past date, $1 is the date; now, no statement needs it.
    const params: unknown[] = mode === 'current' ? [] : [date];
    const where: string[] = [];
    const add = (sql: (n: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    // Now, the OPD is the employee's own column (indexed with the sort); as of a past date it is the
    // OPD the employee's unit belonged to then.
    if (opd) add((n) => (mode === 'current' ? `e.opd_id = (SELECT id FROM org_unit WHERE code = ${n})` : `${col.opdCode} = ${n}`), opd);
    if (q.unitId) add((n) => `${col.unitId} = ${n}`, await resolveUnitId(this.dataSource.manager, q.unitId));
    if (q.jenisJabatan) add((n) => `${col.jenisJabatan} = ${n}`, q.jenisJabatan);
    if (q.golongan) add((n) => `${col.golongan} = ${n}`, normalizeGolongan(q.golongan));
    if (q.jenisAsn) add((n) => `${col.jenisAsn} = ${n}`, q.jenisAsn);
    if (q.status) add((n) => `${col.status} = ${n}`, q.status);
    else where.push(workingEmployee(mode === 'current' ? 'e' : 'eh'));
    // A name of three letters or more is searched by the trigram index and only its matches are sorted.
    let byName = false;
    if (q.q) {
      const term = q.q.trim().toLowerCase().replace(/[%_\\]/g, '\\$&');
      if (/^[\d\s]+$/.test(term)) add((n) => `e.nip LIKE ${n}`, `${term.replace(/\s/g, '')}%`);
      else {
        add((n) => `(lower(e.name) LIKE ${n} || '%' OR lower(e.name) LIKE '% ' || ${n} || '%')`, term);
        byName = term.length >= 3;
      }
    }
    const filter = where.length ? ` WHERE ${where.join(' AND ')}` : '';
    const keyset = () => (after ? `${filter ? ' AND' : ' WHERE'} (e.name, e.nip) > ($${params.push(after[0])}, $${params.push(after[1])})` : '');
    let total: number | undefined;
    let rows: PageRow[];
    if (mode === 'current') {
      // The page's ids first, from the employee table alone (its filters are its own columns, the
      // position's kind aside), then those few rows' stored JSON by primary key.
      const from = `FROM employee e${q.jenisJabatan ? ' JOIN position p ON p.id = e.position_id' : ''}${filter}`;
      // Prepared statements (common/prepared.ts): every value the caller chooses is a parameter, so each
      // combination of filters is one statement, planned once per connection. The page's size (at most
      // 100, validated) is written into the text, and so is an offset of 0 (the first page and every page
      // by cursor): with `LIMIT $n` the plan made without the values expects a tenth of the table, costs
      // far more than the plan for 21 rows, and PostgreSQL planned the statement again on every request —
      // half of its work per page. A deeper page by offset keeps the offset as a parameter, and a name
      // search keeps both: its best plan depends on the term (how many names match it), so it is planned
      // for its values each time.
      if (q.total) [{ total }] = await preparedQuery<{ total: number }>(this.dataSource, `SELECT count(*)::int AS total ${from}`, params);
      const keys = keyset();
      const offset = after ? 0 : q.offset;
      const pageRows = byName
        ? `ORDER BY e.name, e.nip LIMIT $${params.push(q.size + 1)}::int OFFSET $${params.push(offset)}::int`
        : `ORDER BY e.name, e.nip LIMIT ${integer(q.size + 1)} OFFSET ${offset === 0 ? '0' : `$${params.push(offset)}::int`}`;
      // As an array, the ids are fetched by primary key: joined as a relation, a page of 100 may be
      // hash-joined against a scan of the whole table.
      // A name search finds its matches first (OFFSET 0 keeps the planner from turning it into a walk
      // of the name index that filters as it goes: for "siti", sorted late, that walk read 10,000
      // entries to find 21, against 182 matches found by the trigram index and then sorted).
      const ids = byName ? `SELECT e.id FROM (SELECT e.id, e.name, e.nip ${from}${keys} OFFSET 0) e ${pageRows}` : `SELECT e.id ${from}${keys} ${pageRows}`;
      // The JSON as text: the driver would parse a json column into objects.
      rows = await preparedQuery<PageRow>(this.dataSource, `SELECT e.name, e.nip, e.view_json::text AS json FROM employee e WHERE e.id = ANY (ARRAY(${ids})) ORDER BY e.name, e.nip`, params);
    } else {
      const pageRows = `ORDER BY e.name, e.nip LIMIT ${integer(q.size + 1)} OFFSET ${integer(after ? 0 : q.offset)}`;
      const filtered = `${employeeSelect(mode, '$1')}${filter}`;
      if (q.total) [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM (${filtered}) x`, params);
      const historyRows: EmployeeRow[] = await this.dataSource.query(`${filtered}${keyset()} ${pageRows}`, params);
      rows = historyRows.map((row) => ({ name: row.name, nip: row.nip, json: JSON.stringify(toEmployeeView(row)) }));
    }
    // One row more than the page tells whether a next page exists without counting.
    const more = rows.length > q.size;
    const items = rows.slice(0, q.size);
    const last = items[items.length - 1];
    return pageJson(
      items.map((row) => row.json),
      { page: after ? 1 : q.page, size: q.size, total, next: more && last ? encodeCursor([last.name, last.nip]) : null },
    );
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
    if (rows.length === 0) throw EmployeeMessages.error('PEGAWAI_BELUM_TERCATAT_PADA_TANGGAL', { date });
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
}
