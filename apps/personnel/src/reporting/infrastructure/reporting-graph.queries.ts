import type { IsoDate, JenisJabatan } from '@capaian/kinerja';
import type { EntityManager } from 'typeorm';
import { appraisersIn, shieldsReports, type AppraiserIds, type GraphNode } from '../domain';
import { workingEmployee } from '../../employee/infrastructure/employee.repository';

interface NodeRow {
  id: string;
  sup: string | null;
  override_id: string | null;
  jenis_jabatan: string | null;
  opd_id: string | null;
  opd_head: boolean | null;
  unit_head: boolean | null;
}

function nodeOf(r: NodeRow): GraphNode {
  return {
    employeeId: r.id,
    supervisorId: r.sup,
    overrideId: r.override_id,
    jenisJabatan: r.jenis_jabatan as JenisJabatan | null,
    opdId: r.opd_id,
    opdHead: r.opd_head === true,
    unitHead: r.unit_head === true,
  };
}

/**
 * Current employees' graph columns; `$1` = ids (or all when `all`), `$2` = the date of the reporting lines.
 * The supervisors come from the set-based personnel_supervisors_at, for the republish of everyone too
 * (one walk up the tree for all, instead of one function call per employee).
 */
function nodeSql(all: boolean): string {
  const ids = all ? `ARRAY(SELECT w.id FROM employee w WHERE ${workingEmployee('w')})` : '$1::uuid[]';
  return `SELECT e.id, sv.supervisor_id AS sup, e.supervisor_override_id AS override_id,
            p.jenis_jabatan, e.opd_id,
            (o.head_position_id IS NOT NULL AND o.head_position_id = p.id) AS opd_head,
            (u.head_position_id IS NOT NULL AND u.head_position_id = p.id) AS unit_head
       FROM employee e
       LEFT JOIN position p ON p.id = e.position_id
       LEFT JOIN org_unit u ON u.id = e.unit_id
       LEFT JOIN org_unit o ON o.id = e.opd_id
       LEFT JOIN personnel_supervisors_at(${ids}, $2::date) sv ON sv.employee_id = e.id
      WHERE ${all ? `${workingEmployee('e')} AND $1::uuid[] IS NULL` : 'e.id = ANY($1::uuid[])'}`;
}

/**
 * The part of the current reporting graph that the appraisers of `ids` depend on: the employees
 * themselves and every supervisor up their chains (one query per level of the tree, not per person).
 * With `all`, every active employee is loaded in one pass (the republish).
 *
 * `supervisors`, when given, keeps the nodes found above the seeds (the supervisors) across calls
 * on the same unchanged graph: a caller going through many employees in chunks (a bulk import's
 * appraisers) then reads each chain's upper part once instead of once per chunk. Only the
 * supervisors are kept, so it grows with the positions that have reports, not with the employees.
 */
export async function loadReportingGraph(
  manager: EntityManager,
  ids: readonly string[] | 'all',
  date: IsoDate,
  supervisors?: Map<string, GraphNode>,
): Promise<Map<string, GraphNode>> {
  const nodes = new Map<string, GraphNode>();
  let frontier: string[];
  if (ids === 'all') {
    const rows: NodeRow[] = await manager.query(nodeSql(true), [null, date]);
    for (const r of rows) nodes.set(r.id, nodeOf(r));
    frontier = [...nodes.values()].map((n) => n.supervisorId).filter((s): s is string => !!s && !nodes.has(s));
  } else {
    frontier = [...new Set(ids)];
  }
  for (let depth = 0; frontier.length > 0 && depth < 34; depth++) {
    const next = new Set<string>();
    const add = (node: GraphNode) => {
      nodes.set(node.employeeId, node);
      if (node.supervisorId && !nodes.has(node.supervisorId)) next.add(node.supervisorId);
    };
    const missing: string[] = [];
    for (const id of frontier) {
      const known = depth > 0 ? supervisors?.get(id) : undefined;
      if (known) add(known);
      else missing.push(id);
    }
    const rows: NodeRow[] = missing.length > 0 ? await manager.query(nodeSql(false), [missing, date]) : [];
    for (const r of rows) {
      const node = nodeOf(r);
      if (depth > 0) supervisors?.set(node.employeeId, node);
      add(node);
    }
    for (const id of next) if (nodes.has(id)) next.delete(id);
    frontier = [...next];
  }
  return nodes;
}

/** Appraisers of each of `ids` as of `date`, from the current data. */
export async function appraiserIdsOf(
  manager: EntityManager,
  ids: readonly string[],
  date: IsoDate,
  supervisors?: Map<string, GraphNode>,
): Promise<Map<string, AppraiserIds>> {
  const out = new Map<string, AppraiserIds>();
  if (ids.length === 0) return out;
  const nodes = await loadReportingGraph(manager, ids, date, supervisors);
  for (const id of ids) out.set(id, appraisersIn(id, nodes));
  return out;
}

/**
 * Everyone whose appraisers may depend on the employees in `seeds`: the seeds and, level by level,
 * the people reporting to them, not going further down than someone who may appraise (see
 * shieldsReports). Read before a change, this covers everyone the change can affect: an employee's
 * chain up to the first changed person is the same before and after it.
 */
export async function appraiserDependents(manager: EntityManager, seeds: readonly string[], date: IsoDate): Promise<string[]> {
  const found = new Set<string>(seeds);
  let frontier = [...found];
  for (let depth = 0; frontier.length > 0 && depth < 32; depth++) {
    const rows: { id: string; jenis_jabatan: string | null; unit_head: boolean | null }[] = await manager.query(
      `SELECT DISTINCT r.employee_id AS id, p.jenis_jabatan, (u.head_position_id IS NOT NULL AND u.head_position_id = p.id) AS unit_head
         FROM unnest($1::uuid[]) AS parent
         CROSS JOIN LATERAL personnel_direct_reports_at(parent, $2::date) r
         JOIN employee e ON e.id = r.employee_id
         LEFT JOIN position p ON p.id = e.position_id
         LEFT JOIN org_unit u ON u.id = e.unit_id`,
      [frontier, date],
    );
    const next: string[] = [];
    for (const r of rows) {
      if (found.has(r.id)) continue;
      found.add(r.id);
      const link = { employeeId: r.id, jenisJabatan: r.jenis_jabatan as JenisJabatan | null, opdId: null, opdHead: false, unitHead: r.unit_head === true };
      if (!shieldsReports(link)) next.push(r.id);
    }
    frontier = next;
  }
  return [...found];
}
