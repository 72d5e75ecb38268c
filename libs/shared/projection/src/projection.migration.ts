import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The tables of ProjectedUnit, ProjectedPosition, ProjectedEmployee and ProjectedRole. */
export class CreatePersonnelProjection1765100000000 implements MigrationInterface {
  name = 'CreatePersonnelProjection1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE personnel_unit (
      id uuid PRIMARY KEY,
      code text NOT NULL,
      name text NOT NULL,
      kind text NOT NULL,
      parent_id uuid,
      opd_id uuid,
      opd_code text,
      level smallint NOT NULL,
      head_position_id uuid,
      status text NOT NULL,
      effective_date date NOT NULL,
      version timestamptz NOT NULL,
      event_id text NOT NULL
    )`);
    await q.query(`CREATE INDEX personnel_unit_code_idx ON personnel_unit (code)`);
    await q.query(`CREATE TABLE personnel_position (
      id uuid PRIMARY KEY,
      code text NOT NULL,
      name text NOT NULL,
      jenis_jabatan text NOT NULL,
      jenjang text,
      kelas_jabatan smallint,
      unit_id uuid NOT NULL,
      opd_id uuid,
      reports_to_id uuid,
      head boolean NOT NULL,
      capacity integer NOT NULL,
      status text NOT NULL,
      effective_date date NOT NULL,
      version timestamptz NOT NULL,
      event_id text NOT NULL
    )`);
    await q.query(`CREATE INDEX personnel_position_unit_idx ON personnel_position (unit_id)`);
    await q.query(`CREATE TABLE personnel_employee (
      id uuid PRIMARY KEY,
      nip text NOT NULL,
      name text,
      jenis_asn text,
      sex text,
      birth_date date,
      golongan text,
      pangkat text,
      status text,
      email text,
      tmt_jabatan date,
      position_id uuid,
      position_code text,
      position_name text,
      jenis_jabatan text,
      jenjang text,
      kelas_jabatan smallint,
      unit_head boolean,
      unit_id uuid,
      unit_code text,
      unit_name text,
      opd_id uuid,
      opd_code text,
      opd_name text,
      effective_date date,
      core_version timestamptz,
      supervisor_id uuid,
      supervisor_nip text,
      supervisor_name text,
      supervisor_version timestamptz,
      penilai_id uuid,
      penilai_nip text,
      penilai_name text,
      atasan_penilai_id uuid,
      atasan_penilai_nip text,
      atasan_penilai_name text,
      penilai_basis text,
      appraisers_version timestamptz
    )`);
    await q.query(`CREATE INDEX personnel_employee_nip_idx ON personnel_employee (nip)`);
    await q.query(`CREATE INDEX personnel_employee_penilai_idx ON personnel_employee (penilai_id)`);
    await q.query(`CREATE INDEX personnel_employee_atasan_penilai_idx ON personnel_employee (atasan_penilai_id)`);
    await q.query(`CREATE INDEX personnel_employee_supervisor_idx ON personnel_employee (supervisor_id)`);
    await q.query(`CREATE INDEX personnel_employee_opd_idx ON personnel_employee (opd_id)`);
    await q.query(`CREATE TABLE personnel_role (
      employee_id uuid NOT NULL,
      role text NOT NULL,
      granted boolean NOT NULL,
      opd_id uuid,
      opd_code text,
      opd_name text,
      version timestamptz NOT NULL,
      PRIMARY KEY (employee_id, role)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS personnel_role`);
    await q.query(`DROP TABLE IF EXISTS personnel_employee`);
    await q.query(`DROP TABLE IF EXISTS personnel_position`);
    await q.query(`DROP TABLE IF EXISTS personnel_unit`);
  }
}

export const projectionMigrations = [CreatePersonnelProjection1765100000000];
