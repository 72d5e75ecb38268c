import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The personnel schema. Every aggregate has its current row (what lists and writes use) and a
 * history of validity intervals [valid_from, valid_to) (what "as of" queries use); both are written
 * in the same transaction. Reporting lines are computed, not stored: the SQL functions at the end
 * walk the position tree as of a date, so current and historical answers come from one definition.
 */
export class CreatePersonnelSchema1764500000000 implements MigrationInterface {
  name = 'CreatePersonnelSchema1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE org_unit (
      id uuid PRIMARY KEY,
      code text NOT NULL,
      name text NOT NULL,
      kind text NOT NULL,
      parent_id uuid REFERENCES org_unit(id),
      opd_id uuid REFERENCES org_unit(id),
      level smallint NOT NULL,
      head_position_id uuid,
      status text NOT NULL DEFAULT 'AKTIF',
      valid_from date NOT NULL,
      closed_on date,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT org_unit_code_format CHECK (code ~ '^[A-Z0-9_-]{2,64}$'),
      CONSTRAINT org_unit_status_valid CHECK (status IN ('AKTIF', 'DITUTUP')),
      CONSTRAINT org_unit_root_has_no_parent CHECK ((parent_id IS NULL) = (level = 0))
    )`);
    await q.query(`CREATE UNIQUE INDEX org_unit_code_uq ON org_unit (code)`);
    // One city, one root: a second root would split the tree.
    await q.query(`CREATE UNIQUE INDEX org_unit_single_root_uq ON org_unit ((true)) WHERE parent_id IS NULL`);
    await q.query(`CREATE INDEX org_unit_parent_idx ON org_unit (parent_id)`);
    await q.query(`CREATE INDEX org_unit_opd_idx ON org_unit (opd_id)`);

    await q.query(`CREATE TABLE org_unit_history (
      id bigserial PRIMARY KEY,
      unit_id uuid NOT NULL REFERENCES org_unit(id),
      valid_from date NOT NULL,
      valid_to date,
      code text NOT NULL,
      name text NOT NULL,
      kind text NOT NULL,
      parent_id uuid,
      opd_id uuid,
      level smallint NOT NULL,
      head_position_id uuid,
      status text NOT NULL,
      changes text[] NOT NULL DEFAULT '{}',
      CONSTRAINT org_unit_history_interval CHECK (valid_to IS NULL OR valid_to > valid_from)
    )`);
    await q.query(`CREATE UNIQUE INDEX org_unit_history_current_uq ON org_unit_history (unit_id) WHERE valid_to IS NULL`);
    await q.query(`CREATE INDEX org_unit_history_unit_idx ON org_unit_history (unit_id, valid_from)`);

    await q.query(`CREATE TABLE position (
      id uuid PRIMARY KEY,
      code text NOT NULL,
      name text NOT NULL,
      jenis_jabatan text NOT NULL,
      jenjang text,
      kelas_jabatan smallint,
      unit_id uuid NOT NULL REFERENCES org_unit(id),
      opd_id uuid REFERENCES org_unit(id),
      reports_to_id uuid REFERENCES position(id),
      reports_to_mode text NOT NULL DEFAULT 'OTOMATIS',
      capacity integer NOT NULL DEFAULT 1,
      status text NOT NULL DEFAULT 'AKTIF',
      valid_from date NOT NULL,
      closed_on date,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT position_code_format CHECK (code ~ '^[A-Z0-9_.-]{2,80}$'),
      CONSTRAINT position_kelas_range CHECK (kelas_jabatan IS NULL OR kelas_jabatan BETWEEN 1 AND 17),
      CONSTRAINT position_capacity_positive CHECK (capacity >= 1),
      CONSTRAINT position_status_valid CHECK (status IN ('AKTIF', 'DITUTUP')),
      CONSTRAINT position_reports_to_mode_valid CHECK (reports_to_mode IN ('OTOMATIS', 'MANUAL')),
      CONSTRAINT position_not_own_superior CHECK (reports_to_id IS NULL OR reports_to_id <> id)
    )`);
    await q.query(`CREATE UNIQUE INDEX position_code_uq ON position (code)`);
    await q.query(`CREATE INDEX position_unit_idx ON position (unit_id)`);
    await q.query(`CREATE INDEX position_reports_to_idx ON position (reports_to_id)`);
    await q.query(`CREATE INDEX position_opd_jenis_idx ON position (opd_id, jenis_jabatan)`);
    await q.query(`ALTER TABLE org_unit ADD CONSTRAINT org_unit_head_position_fk FOREIGN KEY (head_position_id) REFERENCES position(id)`);

    await q.query(`CREATE TABLE position_history (
      id bigserial PRIMARY KEY,
      position_id uuid NOT NULL REFERENCES position(id),
      valid_from date NOT NULL,
      valid_to date,
      code text NOT NULL,
      name text NOT NULL,
      jenis_jabatan text NOT NULL,
      jenjang text,
      kelas_jabatan smallint,
      unit_id uuid NOT NULL,
      reports_to_id uuid,
      capacity integer NOT NULL,
      status text NOT NULL,
      changes text[] NOT NULL DEFAULT '{}',
      CONSTRAINT position_history_interval CHECK (valid_to IS NULL OR valid_to > valid_from)
    )`);
    await q.query(`CREATE UNIQUE INDEX position_history_current_uq ON position_history (position_id) WHERE valid_to IS NULL`);
    await q.query(`CREATE INDEX position_history_position_idx ON position_history (position_id, valid_from) INCLUDE (valid_to, reports_to_id, unit_id, status)`);
    await q.query(`CREATE INDEX position_history_reports_to_idx ON position_history (reports_to_id, valid_from) INCLUDE (valid_to, position_id)`);

    await q.query(`CREATE TABLE employee (
      id uuid PRIMARY KEY,
      nip text NOT NULL,
      name text NOT NULL,
      jenis_asn text NOT NULL,
      birth_date date NOT NULL,
      sex char(1) NOT NULL,
      golongan text,
      pangkat text,
      position_id uuid REFERENCES position(id),
      unit_id uuid REFERENCES org_unit(id),
      opd_id uuid REFERENCES org_unit(id),
      tmt_jabatan date,
      email text,
      status text NOT NULL,
      supervisor_override_id uuid REFERENCES employee(id),
      supervisor_override_reason text,
      valid_from date NOT NULL,
      account_id text,
      account_status text NOT NULL DEFAULT 'TIDAK_ADA',
      account_error text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT employee_nip_format CHECK (nip ~ '^[0-9]{18}$'),
      CONSTRAINT employee_jenis_asn_valid CHECK (jenis_asn IN ('PNS', 'CPNS', 'PPPK', 'PPPK_PARUH_WAKTU')),
      CONSTRAINT employee_sex_valid CHECK (sex IN ('L', 'P')),
      CONSTRAINT employee_status_valid CHECK (status IN ('AKTIF', 'CUTI', 'PENSIUN', 'KELUAR')),
      CONSTRAINT employee_account_status_valid CHECK (account_status IN ('TIDAK_ADA', 'AKTIF', 'NONAKTIF', 'GAGAL')),
      -- Working employees hold a position; those who left hold none.
      CONSTRAINT employee_position_iff_active CHECK ((status IN ('AKTIF', 'CUTI')) = (position_id IS NOT NULL)),
      CONSTRAINT employee_not_own_supervisor CHECK (supervisor_override_id IS NULL OR supervisor_override_id <> id)
    )`);
    await q.query(`CREATE UNIQUE INDEX employee_nip_uq ON employee (nip)`);
    await q.query(`CREATE INDEX employee_nip_prefix_idx ON employee (nip text_pattern_ops)`);
    await q.query(`CREATE INDEX employee_name_prefix_idx ON employee (lower(name) text_pattern_ops)`);
    await q.query(`CREATE INDEX employee_position_idx ON employee (position_id)`);
    await q.query(`CREATE INDEX employee_opd_idx ON employee (opd_id, name)`);
    await q.query(`CREATE INDEX employee_unit_idx ON employee (unit_id)`);
    await q.query(`CREATE INDEX employee_override_idx ON employee (supervisor_override_id) WHERE supervisor_override_id IS NOT NULL`);

    await q.query(`CREATE TABLE employee_history (
      id bigserial PRIMARY KEY,
      employee_id uuid NOT NULL REFERENCES employee(id),
      valid_from date NOT NULL,
      valid_to date,
      position_id uuid,
      jenis_asn text NOT NULL,
      golongan text,
      status text NOT NULL,
      supervisor_override_id uuid,
      changes text[] NOT NULL DEFAULT '{}',
      nomor_sk text,
      reason text,
      recorded_at timestamptz NOT NULL DEFAULT now(),
      recorded_by text,
      CONSTRAINT employee_history_interval CHECK (valid_to IS NULL OR valid_to > valid_from)
    )`);
    await q.query(`CREATE UNIQUE INDEX employee_history_current_uq ON employee_history (employee_id) WHERE valid_to IS NULL`);
    await q.query(`CREATE INDEX employee_history_employee_idx ON employee_history (employee_id, valid_from) INCLUDE (valid_to, position_id, status, supervisor_override_id)`);
    await q.query(`CREATE INDEX employee_history_position_idx ON employee_history (position_id, valid_from) INCLUDE (valid_to, employee_id, status)`);
    await q.query(`CREATE INDEX employee_history_override_idx ON employee_history (supervisor_override_id) WHERE supervisor_override_id IS NOT NULL`);

    await q.query(`CREATE TABLE import_job (
      id uuid PRIMARY KEY,
      status text NOT NULL,
      dry_run boolean NOT NULL,
      format text NOT NULL,
      file_name text,
      file_sha256 text,
      file_bytes bigint NOT NULL DEFAULT 0,
      rows_total integer,
      rows_processed integer NOT NULL DEFAULT 0,
      error_count integer NOT NULL DEFAULT 0,
      errors jsonb NOT NULL DEFAULT '[]'::jsonb,
      summary jsonb,
      failure text,
      created_by text NOT NULL,
      created_by_nip text,
      scope_opd text,
      created_at timestamptz NOT NULL DEFAULT now(),
      started_at timestamptz,
      finished_at timestamptz,
      CONSTRAINT import_job_status_valid CHECK (status IN ('MENUNGGU', 'MEMVALIDASI', 'MENYIMPAN', 'BERHASIL', 'DITOLAK', 'GAGAL'))
    )`);
    await q.query(`CREATE INDEX import_job_created_idx ON import_job (created_at DESC)`);

    // The effective direct supervisor of an employee on a date: an explicit override if its target
    // is working then; otherwise the occupant of the position this position reports to, walking
    // further up past vacant positions (the way a Plt. covers a vacancy). NULL when nobody is found.
    await q.query(`CREATE FUNCTION personnel_supervisor_at(p_employee uuid, p_date date) RETURNS uuid
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

    // Everyone whose effective supervisor on the date is p_employee. Candidates come from the
    // position tree below the employee's position (through vacant positions) and from overrides;
    // each is then confirmed with personnel_supervisor_at, so the two functions can never disagree.
    await q.query(`CREATE FUNCTION personnel_direct_reports_at(p_employee uuid, p_date date) RETURNS TABLE (employee_id uuid)
      LANGUAGE sql STABLE AS $fn$
      WITH RECURSIVE me AS (
        SELECT h.position_id FROM employee_history h
         WHERE h.employee_id = p_employee AND h.valid_from <= p_date AND (h.valid_to IS NULL OR h.valid_to > p_date)
           AND h.status IN ('AKTIF', 'CUTI')
      ), down(position_id, depth) AS (
        SELECT p.position_id, 1 FROM position_history p JOIN me ON p.reports_to_id = me.position_id
         WHERE p.valid_from <= p_date AND (p.valid_to IS NULL OR p.valid_to > p_date)
        UNION ALL
        SELECT p.position_id, d.depth + 1 FROM down d JOIN position_history p ON p.reports_to_id = d.position_id
         WHERE d.depth < 32 AND p.valid_from <= p_date AND (p.valid_to IS NULL OR p.valid_to > p_date)
           AND NOT EXISTS (
             SELECT 1 FROM employee_history o
              WHERE o.position_id = d.position_id AND o.valid_from <= p_date AND (o.valid_to IS NULL OR o.valid_to > p_date)
                AND o.status IN ('AKTIF', 'CUTI'))
      ), candidates AS (
        SELECT o.employee_id FROM down d JOIN employee_history o ON o.position_id = d.position_id
         WHERE o.valid_from <= p_date AND (o.valid_to IS NULL OR o.valid_to > p_date) AND o.status IN ('AKTIF', 'CUTI')
        UNION
        SELECT o.employee_id FROM employee_history o
         WHERE o.supervisor_override_id = p_employee AND o.valid_from <= p_date AND (o.valid_to IS NULL OR o.valid_to > p_date)
           AND o.status IN ('AKTIF', 'CUTI')
      )
      SELECT c.employee_id FROM candidates c
       WHERE c.employee_id <> p_employee AND personnel_supervisor_at(c.employee_id, p_date) = p_employee
      $fn$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS personnel_direct_reports_at(uuid, date)`);
    await q.query(`DROP FUNCTION IF EXISTS personnel_supervisor_at(uuid, date)`);
    await q.query(`DROP TABLE IF EXISTS import_job`);
    await q.query(`DROP TABLE IF EXISTS employee_history`);
    await q.query(`DROP TABLE IF EXISTS employee`);
    await q.query(`ALTER TABLE org_unit DROP CONSTRAINT IF EXISTS org_unit_head_position_fk`);
    await q.query(`DROP TABLE IF EXISTS position_history`);
    await q.query(`DROP TABLE IF EXISTS position`);
    await q.query(`DROP TABLE IF EXISTS org_unit_history`);
    await q.query(`DROP TABLE IF EXISTS org_unit`);
  }
}
