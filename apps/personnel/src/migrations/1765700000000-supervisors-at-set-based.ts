import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One definition of "who is an employee's effective supervisor on a date", for a whole set of
 * employees at once: personnel_supervisors_at(ids, date). The per-employee personnel_supervisor_at
 * becomes a call of it for one id, and the bulk paths (event snapshots, the appraiser graph and its
 * republish, the reporting-line tracker) call it instead of carrying their own copy of the rules in
 * TypeScript or calling the per-employee function row by row.
 *
 * Rules (unchanged from the schema migration): only an employee working on the date (AKTIF, CUTI)
 * has one; an override wins if its target is working then; otherwise the first working occupant
 * (lowest NIP, never the employee) of the position this position reports to, walking further up past
 * vacant positions, at most 32 levels; every row read is the one valid on the date.
 *
 * LANGUAGE sql, STABLE, not STRICT and a single statement, so that the planner inlines it into the
 * calling query: a chunk of 2,000 ids is planned with its real array, one join per level of the walk
 * over every employee still looking, as the TypeScript copy was (the same plan). An argument holding a
 * sub-select (the republish's "everyone working") is not inlined: the function then runs once, alone.
 */
export class SupervisorsAtSetBased1765700000000 implements MigrationInterface {
  name = 'SupervisorsAtSetBased1765700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION personnel_supervisors_at(p_ids uuid[], p_date date) RETURNS TABLE (employee_id uuid, supervisor_id uuid)
      LANGUAGE sql STABLE AS $fn$
      WITH RECURSIVE sv_self AS (
        SELECT h.employee_id AS id, h.position_id, h.supervisor_override_id AS override_id,
               (h.supervisor_override_id IS NOT NULL AND EXISTS (
                 SELECT 1 FROM employee_history o
                  WHERE o.employee_id = h.supervisor_override_id AND o.valid_from <= p_date AND (o.valid_to IS NULL OR o.valid_to > p_date)
                    AND o.status IN ('AKTIF', 'CUTI'))) AS override_works
          FROM employee_history h
         WHERE h.employee_id = ANY(p_ids) AND h.valid_from <= p_date AND (h.valid_to IS NULL OR h.valid_to > p_date)
           AND h.status IN ('AKTIF', 'CUTI')
      ), sv_walk(id, position_id, depth, supervisor_id) AS (
        SELECT s.id, s.position_id, 0, NULL::uuid FROM sv_self s WHERE NOT s.override_works
        UNION ALL
        SELECT w.id, p.reports_to_id, w.depth + 1, occupant.employee_id
          FROM sv_walk w
          JOIN position_history p ON p.position_id = w.position_id AND p.valid_from <= p_date AND (p.valid_to IS NULL OR p.valid_to > p_date)
          LEFT JOIN LATERAL (
            SELECT o.employee_id FROM employee_history o JOIN employee oe ON oe.id = o.employee_id
             WHERE o.position_id = p.reports_to_id AND o.valid_from <= p_date AND (o.valid_to IS NULL OR o.valid_to > p_date)
               AND o.status IN ('AKTIF', 'CUTI') AND o.employee_id <> w.id
             ORDER BY oe.nip LIMIT 1) occupant ON true
         WHERE w.supervisor_id IS NULL AND w.depth < 32 AND p.reports_to_id IS NOT NULL
      )
      SELECT s.id, s.override_id FROM sv_self s WHERE s.override_works
      UNION ALL
      SELECT w.id, w.supervisor_id FROM sv_walk w WHERE w.supervisor_id IS NOT NULL
      $fn$`);

    // Same signature and answers as before, so personnel_direct_reports_at and every caller keep
    // working. plpgsql, not sql: a SQL-language wrapper is planned again in every query that calls
    // it (≈3 ms more for one supervisor or a chain on the demo city); plpgsql keeps the plan per session.
    // LIMIT 1: history rows overlapping on a date (which no write makes, but nothing forbids) must not
    // turn every read of that employee into an error; the old function took one row too.
    await q.query(`CREATE OR REPLACE FUNCTION personnel_supervisor_at(p_employee uuid, p_date date) RETURNS uuid
      LANGUAGE plpgsql STABLE AS $fn$
      BEGIN
        RETURN (SELECT s.supervisor_id FROM personnel_supervisors_at(ARRAY[p_employee], p_date) s LIMIT 1);
      END
      $fn$`);
  }

  async down(q: QueryRunner): Promise<void> {
    // The per-employee walk of the schema migration, as it was.
    await q.query(`CREATE OR REPLACE FUNCTION personnel_supervisor_at(p_employee uuid, p_date date) RETURNS uuid
      LANGUAGE plpgsql STABLE AS $fn$
      DECLARE
        v_position uuid;
        v_override uuid;
        v_status text;
        v_found uuid;
        v_depth integer := 0;
      BEGIN
        SELECT h.position_id, h.supervisor_override_id, h.status INTO v_position, v_override, v_status
          FROM employee_history h
         WHERE h.employee_id = p_employee AND h.valid_from <= p_date AND (h.valid_to IS NULL OR h.valid_to > p_date);
        IF NOT FOUND OR v_status NOT IN ('AKTIF', 'CUTI') THEN
          RETURN NULL;
        END IF;
        IF v_override IS NOT NULL THEN
          PERFORM 1 FROM employee_history o
            WHERE o.employee_id = v_override AND o.valid_from <= p_date AND (o.valid_to IS NULL OR o.valid_to > p_date)
              AND o.status IN ('AKTIF', 'CUTI');
          IF FOUND THEN
            RETURN v_override;
          END IF;
        END IF;
        LOOP
          v_depth := v_depth + 1;
          IF v_depth > 32 THEN
            RETURN NULL;
          END IF;
          v_found := NULL;
          SELECT p.reports_to_id INTO v_found
            FROM position_history p
           WHERE p.position_id = v_position AND p.valid_from <= p_date AND (p.valid_to IS NULL OR p.valid_to > p_date);
          v_position := v_found;
          IF v_position IS NULL THEN
            RETURN NULL;
          END IF;
          v_found := NULL;
          SELECT o.employee_id INTO v_found
            FROM employee_history o JOIN employee e ON e.id = o.employee_id
           WHERE o.position_id = v_position AND o.valid_from <= p_date AND (o.valid_to IS NULL OR o.valid_to > p_date)
             AND o.status IN ('AKTIF', 'CUTI') AND o.employee_id <> p_employee
           ORDER BY e.nip
           LIMIT 1;
          IF v_found IS NOT NULL THEN
            RETURN v_found;
          END IF;
        END LOOP;
      END
      $fn$`);
    await q.query(`DROP FUNCTION IF EXISTS personnel_supervisors_at(uuid[], date)`);
  }
}
