import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The tables of the individual SKP year: OPD cadence, SKP versions, periodic reports with their
 * evidence files, year-end evaluations, objections and issued documents. Each table has one
 * repository that alone reads and writes it.
 */
export class CreateSkpYear1765200000000 implements MigrationInterface {
  name = 'CreateSkpYear1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE opd_cadence (
      opd_code text NOT NULL,
      year integer NOT NULL,
      frequency text NOT NULL CHECK (frequency IN ('BULANAN', 'TRIWULANAN')),
      planning_deadline date NOT NULL,
      report_days integer NOT NULL CHECK (report_days BETWEEN 0 AND 60),
      feedback_days integer NOT NULL CHECK (feedback_days BETWEEN 0 AND 90),
      rating_deadline date NOT NULL,
      objection_days integer NOT NULL CHECK (objection_days BETWEEN 1 AND 90),
      updated_at timestamptz NOT NULL,
      updated_by text NOT NULL,
      PRIMARY KEY (opd_code, year)
    )`);
    await q.query(`CREATE TABLE skp (
      id uuid PRIMARY KEY,
      lineage_id uuid NOT NULL,
      version integer NOT NULL,
      employee_id uuid NOT NULL,
      nip text NOT NULL,
      year integer NOT NULL,
      start_date date NOT NULL,
      end_date date NOT NULL,
      status text NOT NULL,
      opd_code text,
      unit_id uuid,
      penilai_nip text,
      atasan_nip text,
      snapshot jsonb NOT NULL,
      content jsonb NOT NULL,
      expectations jsonb NOT NULL DEFAULT '{}'::jsonb,
      return_notes text,
      close_reason text,
      set_on date,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      UNIQUE (lineage_id, version),
      CHECK (end_date >= start_date)
    )`);
    await q.query(`CREATE INDEX skp_nip_year_idx ON skp (nip, year)`);
    await q.query(`CREATE INDEX skp_penilai_idx ON skp (penilai_nip, status)`);
    await q.query(`CREATE INDEX skp_opd_year_idx ON skp (opd_code, year, status)`);
    await q.query(`CREATE TABLE periodic_report (
      id uuid PRIMARY KEY,
      skp_id uuid NOT NULL REFERENCES skp (id),
      period_no integer NOT NULL,
      start_date date NOT NULL,
      end_date date NOT NULL,
      report_due date NOT NULL,
      feedback_due date NOT NULL,
      status text NOT NULL,
      realizations jsonb NOT NULL DEFAULT '[]'::jsonb,
      feedback text,
      reported_at timestamptz,
      feedback_at timestamptz,
      updated_at timestamptz NOT NULL,
      UNIQUE (skp_id, period_no)
    )`);
    await q.query(`CREATE INDEX periodic_report_due_idx ON periodic_report (status, feedback_due)`);
    await q.query(`CREATE TABLE evidence (
      id uuid PRIMARY KEY,
      skp_id uuid NOT NULL REFERENCES skp (id),
      period_no integer NOT NULL,
      indicator_id text NOT NULL,
      object_key text NOT NULL UNIQUE,
      file_name text NOT NULL,
      content_type text NOT NULL,
      size bigint NOT NULL,
      sha256 text NOT NULL,
      uploaded_by text NOT NULL,
      uploaded_at timestamptz NOT NULL
    )`);
    await q.query(`CREATE INDEX evidence_skp_period_idx ON evidence (skp_id, period_no)`);
    await q.query(`CREATE TABLE evaluation (
      id uuid PRIMARY KEY,
      skp_id uuid NOT NULL UNIQUE REFERENCES skp (id),
      employee_id uuid NOT NULL,
      nip text NOT NULL,
      opd_code text,
      year integer NOT NULL,
      status text NOT NULL,
      suggested_rating text,
      rating_hasil_kerja text NOT NULL,
      deviation_reason text,
      perilaku jsonb NOT NULL,
      rating_perilaku text NOT NULL,
      predikat text NOT NULL,
      unit_predikat text,
      objection_deadline date NOT NULL,
      rated_by text NOT NULL,
      rated_at timestamptz NOT NULL,
      finalized_at timestamptz,
      updated_at timestamptz NOT NULL
    )`);
    await q.query(`CREATE INDEX evaluation_due_idx ON evaluation (status, objection_deadline)`);
    await q.query(`CREATE INDEX evaluation_opd_year_idx ON evaluation (opd_code, year)`);
    await q.query(`CREATE TABLE objection (
      id uuid PRIMARY KEY,
      evaluation_id uuid NOT NULL UNIQUE REFERENCES evaluation (id),
      employee_nip text NOT NULL,
      atasan_nip text,
      status text NOT NULL,
      reason text NOT NULL,
      decision text,
      new_rating_hasil_kerja text,
      new_rating_perilaku text,
      filed_at timestamptz NOT NULL,
      decided_at timestamptz
    )`);
    await q.query(`CREATE TABLE issued_document (
      code text PRIMARY KEY,
      kind text NOT NULL,
      subject_id uuid NOT NULL,
      lineage_id uuid NOT NULL,
      version integer NOT NULL,
      nip text NOT NULL,
      name text NOT NULL,
      sha256 text NOT NULL,
      issued_at timestamptz NOT NULL
    )`);
    await q.query(`CREATE INDEX issued_document_subject_idx ON issued_document (subject_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['issued_document', 'objection', 'evaluation', 'evidence', 'periodic_report', 'skp', 'opd_cadence']) await q.query(`DROP TABLE IF EXISTS ${t}`);
  }
}
