import type { IsoDate } from '@capaian/kinerja';
import type { EntityManager } from 'typeorm';
import { employeeSelect, readModeFor, type EmployeeRow } from '../../employee/infrastructure/employee.read-model';

/**
 * Reporting lines are computed by the SQL functions of the migrations, as of any date:
 * personnel_supervisors_at (the one definition, for a set of employees), personnel_supervisor_at (the
 * same for one) and personnel_direct_reports_at.
 */
export async function supervisorIdAt(manager: EntityManager, employeeId: string, date: IsoDate): Promise<string | null> {
  const [row] = await manager.query(`SELECT personnel_supervisor_at($1::uuid, $2::date) AS id`, [employeeId, date]);
  return row?.id ?? null;
}

export async function supervisorIdsAt(manager: EntityManager, employeeIds: readonly string[], date: IsoDate): Promise<Map<string, string | null>> {
  const out = new Map<string, string | null>();
  if (employeeIds.length === 0) return out;
  // The set-based function walks the tree once for all of them (a bulk change asks this for thousands).
  const rows: { id: string; sup: string | null }[] = await manager.query(
    `SELECT c.id, sv.supervisor_id AS sup FROM unnest($1::uuid[]) AS c(id) LEFT JOIN personnel_supervisors_at($1::uuid[], $2::date) sv ON sv.employee_id = c.id`,
    [employeeIds, date],
  );
  for (const r of rows) out.set(r.id, r.sup);
  return out;
}

export async function directReportIdsAt(manager: EntityManager, employeeId: string, date: IsoDate): Promise<string[]> {
  const rows: { employee_id: string }[] = await manager.query(`SELECT employee_id FROM personnel_direct_reports_at($1::uuid, $2::date)`, [employeeId, date]);
  return rows.map((r) => r.employee_id);
}

/** The full chain of supervisors (nearest first), stopping at the top or at a repeat. */
export async function chainIdsAt(manager: EntityManager, employeeId: string, date: IsoDate): Promise<string[]> {
  const rows: { id: string | null; depth: number }[] = await manager.query(
    `WITH RECURSIVE chain(id, depth) AS (
       SELECT personnel_supervisor_at($1::uuid, $2::date), 1
       UNION ALL
       SELECT personnel_supervisor_at(c.id, $2::date), c.depth + 1 FROM chain c WHERE c.id IS NOT NULL AND c.id <> $1::uuid AND c.depth < 32
     )
     SELECT id, depth FROM chain WHERE id IS NOT NULL ORDER BY depth`,
    [employeeId, date],
  );
  const seen = new Set<string>([employeeId]);
  const out: string[] = [];
  for (const r of rows) {
    if (!r.id || seen.has(r.id)) break;
    seen.add(r.id);
    out.push(r.id);
  }
  return out;
}

/** Employees as of a date, in the order of `ids`. */
export async function employeesAt(manager: EntityManager, ids: readonly string[], date: IsoDate, today: IsoDate): Promise<EmployeeRow[]> {
  if (ids.length === 0) return [];
  const mode = readModeFor(date, today);
  const rows: EmployeeRow[] = await manager.query(`${employeeSelect(mode, '$1')} WHERE e.id = ANY($2::uuid[])`, [date, ids]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is EmployeeRow => !!r);
}
