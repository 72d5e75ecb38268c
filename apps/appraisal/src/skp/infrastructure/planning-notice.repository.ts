import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PLANNED_STATUSES } from '../domain/planning-due';

export interface OpdPlanningDeadline {
  opdId: string;
  opdCode: string;
  /** The OPD's own deadline for the year, or null when it follows the default calendar. */
  planningDeadline: string | null;
}

export interface UnplannedEmployee {
  employeeId: string;
  nip: string;
  opdId: string;
  opdCode: string;
  penilaiNip: string | null;
  atasanPenilaiNip: string | null;
}

/** The only code touching `skp_planning_notice`: which employees were told, per year, that planning is due. */
@Injectable()
export class PlanningNoticeRepository {
  /** Active OPDs of the personnel projection with their own planning deadline for the year, if any. */
  async opds(m: EntityManager, year: number): Promise<OpdPlanningDeadline[]> {
    return m.query(
      `SELECT u.id AS "opdId", u.code AS "opdCode", c.planning_deadline::text AS "planningDeadline"
         FROM personnel_unit u LEFT JOIN opd_cadence c ON c.opd_code = u.code AND c.year = $1
        WHERE u.level = 1 AND u.status = 'AKTIF'`,
      [year],
    );
  }

  /**
   * Active employees of these OPDs with no submitted or set SKP of the year and not yet told, marked
   * told in the same statement (the caller's transaction): each (employee, year) is returned once,
   * across reruns and replicas.
   */
  async claimUnplanned(m: EntityManager, opdIds: readonly string[], year: number, now: Date): Promise<UnplannedEmployee[]> {
    if (opdIds.length === 0) return [];
    return m.query(
      `WITH candidate AS (
         SELECT e.id AS employee_id, e.nip, e.opd_id, e.opd_code, e.penilai_nip, e.atasan_penilai_nip
           FROM personnel_employee e
          WHERE e.opd_id = ANY($1::uuid[]) AND e.status IN ('AKTIF', 'CUTI') AND e.core_version IS NOT NULL AND e.opd_code IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM skp s WHERE s.nip = e.nip AND s.year = $2 AND s.status = ANY($4::text[]))
            AND NOT EXISTS (SELECT 1 FROM skp_planning_notice n WHERE n.nip = e.nip AND n.year = $2)
       ), claimed AS (
         INSERT INTO skp_planning_notice (nip, year, employee_id, noticed_at)
         SELECT nip, $2, employee_id, $3 FROM candidate ON CONFLICT (nip, year) DO NOTHING RETURNING nip
       )
       SELECT c.employee_id AS "employeeId", c.nip, c.opd_id AS "opdId", c.opd_code AS "opdCode", c.penilai_nip AS "penilaiNip", c.atasan_penilai_nip AS "atasanPenilaiNip"
         FROM candidate c JOIN claimed USING (nip) ORDER BY c.nip`,
      [opdIds, year, now, [...PLANNED_STATUSES]],
    );
  }
}
