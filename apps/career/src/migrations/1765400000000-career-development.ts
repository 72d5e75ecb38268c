import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Programs with sessions, partners and agreements, budgets as a ledger, enrolments with
 * attendance, the JP ledger with outside claims, and training evaluation. Today's program rows keep
 * their dates, quota and cost as the program's plan and each gets one session with them.
 * Status lists are written out here (not imported) so the migration stays what it was when it ran.
 */
export class CareerDevelopment1765400000000 implements MigrationInterface {
  name = 'CareerDevelopment1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE development_program
      ADD COLUMN competencies text[] NOT NULL DEFAULT '{}',
      ADD COLUMN eligible_position_kinds text[] NOT NULL DEFAULT '{}',
      ADD COLUMN stages jsonb NOT NULL DEFAULT '[]'`);

    await q.query(`CREATE TABLE partner (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      kind text NOT NULL CHECK (kind IN ('LEMBAGA_PENDIDIKAN', 'ORGANISASI_PROFESI')),
      city text,
      created_at timestamptz NOT NULL,
      created_by text NOT NULL
    )`);
    await q.query(`CREATE TABLE partner_agreement (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      partner_id uuid NOT NULL REFERENCES partner (id),
      kind text NOT NULL CHECK (kind IN ('MOU', 'PKS')),
      number text NOT NULL UNIQUE CHECK (length(number) BETWEEN 1 AND 100),
      valid_from date NOT NULL,
      valid_until date NOT NULL,
      quota integer NOT NULL CHECK (quota > 0),
      seats_used integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL,
      CONSTRAINT partner_agreement_range_ck CHECK (valid_until >= valid_from),
      CONSTRAINT partner_agreement_quota_ck CHECK (seats_used BETWEEN 0 AND quota)
    )`);

    await q.query(`CREATE TABLE program_session (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      program_id uuid NOT NULL REFERENCES development_program (id),
      partner_id uuid REFERENCES partner (id),
      agreement_id uuid REFERENCES partner_agreement (id),
      start_date date NOT NULL,
      end_date date NOT NULL,
      registration_opens date NOT NULL,
      registration_closes date NOT NULL,
      online boolean NOT NULL DEFAULT false,
      location text,
      quota integer NOT NULL CHECK (quota > 0),
      seats_taken integer NOT NULL DEFAULT 0,
      cost_per_participant bigint NOT NULL CHECK (cost_per_participant >= 0),
      created_at timestamptz NOT NULL,
      created_by text NOT NULL,
      CONSTRAINT program_session_range_ck CHECK (end_date >= start_date),
      -- Seats are taken by one conditional UPDATE; this refuses any overbooking that slipped past it.
      CONSTRAINT program_session_seats_ck CHECK (seats_taken BETWEEN 0 AND quota)
    )`);
    await q.query(`CREATE INDEX program_session_program_idx ON program_session (program_id, start_date)`);
    // Today's programs become program + one session with their dates, quota and cost; registration
    // was open until the day before the start.
    await q.query(`INSERT INTO program_session (program_id, start_date, end_date, registration_opens, registration_closes, quota, cost_per_participant, created_at, created_by, location)
      SELECT id, start_date, end_date, LEAST(created_at::date, start_date - 1), start_date - 1, quota, cost_per_participant, created_at, created_by, organizer
        FROM development_program`);

    await q.query(`CREATE TABLE budget (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      fiscal_year integer NOT NULL CHECK (fiscal_year BETWEEN 2000 AND 2100),
      owner_code text NOT NULL CHECK (length(owner_code) BETWEEN 1 AND 64),
      allocated bigint NOT NULL DEFAULT 0 CHECK (allocated >= 0),
      committed bigint NOT NULL DEFAULT 0 CHECK (committed >= 0),
      realized bigint NOT NULL DEFAULT 0 CHECK (realized >= 0),
      -- What may still be committed; never below zero, whatever runs concurrently.
      balance bigint NOT NULL DEFAULT 0 CHECK (balance >= 0),
      threshold_percent integer NOT NULL DEFAULT 20 CHECK (threshold_percent BETWEEN 0 AND 100),
      created_at timestamptz NOT NULL,
      CONSTRAINT budget_owner_year_uq UNIQUE (fiscal_year, owner_code),
      CONSTRAINT budget_totals_ck CHECK (balance = allocated - committed - realized)
    )`);
    await q.query(`CREATE TABLE budget_ledger (
      id bigserial PRIMARY KEY,
      budget_id uuid NOT NULL REFERENCES budget (id),
      kind text NOT NULL CHECK (kind IN ('ALOKASI', 'KOMITMEN', 'PELEPASAN', 'REALISASI')),
      amount bigint NOT NULL,
      enrolment_id uuid,
      note text,
      actor text NOT NULL,
      created_at timestamptz NOT NULL
    )`);
    await q.query(`CREATE INDEX budget_ledger_budget_idx ON budget_ledger (budget_id, id)`);

    await q.query(`CREATE TABLE enrolment (
      id uuid PRIMARY KEY,
      session_id uuid NOT NULL REFERENCES program_session (id),
      employee_id uuid NOT NULL,
      nip text NOT NULL,
      name text NOT NULL,
      opd_code text,
      jenis_asn text NOT NULL,
      position_kind text,
      supervisor_id uuid,
      origin text NOT NULL CHECK (origin IN ('NOMINASI', 'MANDIRI')),
      nominated_by text,
      status text NOT NULL CHECK (status IN ('DAFTAR_TUNGGU', 'DIAJUKAN', 'DIVERIFIKASI', 'DISETUJUI', 'LULUS', 'TIDAK_LULUS', 'SERTIFIKAT_DIUNGGAH', 'SELESAI', 'DITOLAK', 'DIBATALKAN')),
      budget_id uuid REFERENCES budget (id),
      committed_amount bigint NOT NULL DEFAULT 0 CHECK (committed_amount >= 0),
      days_present integer NOT NULL DEFAULT 0 CHECK (days_present >= 0),
      certificate_key text,
      certificate_file_name text,
      certificate_content_type text,
      certificate_size integer,
      certificate_sha256 text,
      certificate_jp integer,
      recognised_jp integer,
      reason text,
      waitlisted_at timestamptz,
      version integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    )`);
    // One live place per person per session (a cancelled or rejected one may be followed by a new one).
    await q.query(`CREATE UNIQUE INDEX enrolment_live_uq ON enrolment (session_id, employee_id) WHERE status NOT IN ('DITOLAK', 'DIBATALKAN')`);
    await q.query(`CREATE INDEX enrolment_employee_idx ON enrolment (employee_id)`);
    await q.query(`CREATE INDEX enrolment_waitlist_idx ON enrolment (session_id, waitlisted_at) WHERE status = 'DAFTAR_TUNGGU'`);
    await q.query(`CREATE INDEX enrolment_opd_idx ON enrolment (opd_code)`);
    await q.query(`CREATE TABLE enrolment_attendance (
      enrolment_id uuid NOT NULL REFERENCES enrolment (id),
      day date NOT NULL,
      present boolean NOT NULL,
      recorded_by text NOT NULL,
      recorded_at timestamptz NOT NULL,
      PRIMARY KEY (enrolment_id, day)
    )`);

    await q.query(`CREATE TABLE external_jp_claim (
      id uuid PRIMARY KEY,
      employee_id uuid NOT NULL,
      nip text NOT NULL,
      opd_code text,
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
      form text NOT NULL,
      organizer text NOT NULL,
      end_date date NOT NULL,
      jp integer NOT NULL CHECK (jp > 0),
      status text NOT NULL CHECK (status IN ('DIAJUKAN', 'DIVERIFIKASI', 'DITOLAK')),
      certificate_key text,
      certificate_file_name text,
      certificate_content_type text,
      certificate_size integer,
      certificate_sha256 text,
      decided_by text,
      decided_at timestamptz,
      reason text,
      created_at timestamptz NOT NULL
    )`);

    // JP recognised once per source: the unique key makes a second recognition impossible.
    await q.query(`CREATE TABLE jp_ledger (
      id bigserial PRIMARY KEY,
      employee_id uuid NOT NULL,
      nip text NOT NULL,
      opd_code text,
      jenis_asn text NOT NULL,
      year integer NOT NULL,
      jp integer NOT NULL,
      source text NOT NULL CHECK (source IN ('PENDAFTARAN', 'KLAIM_EKSTERNAL', 'KOREKSI')),
      source_id uuid NOT NULL,
      note text,
      recognised_by text NOT NULL,
      recognised_at timestamptz NOT NULL,
      CONSTRAINT jp_ledger_source_uq UNIQUE (source, source_id)
    )`);
    await q.query(`CREATE INDEX jp_ledger_employee_year_idx ON jp_ledger (employee_id, year)`);
    await q.query(`CREATE INDEX jp_ledger_year_opd_idx ON jp_ledger (year, opd_code)`);

    await q.query(`CREATE TABLE training_feedback (
      enrolment_id uuid PRIMARY KEY REFERENCES enrolment (id),
      session_id uuid NOT NULL REFERENCES program_session (id),
      partner_id uuid REFERENCES partner (id),
      content smallint NOT NULL CHECK (content BETWEEN 1 AND 5),
      facilitator smallint NOT NULL CHECK (facilitator BETWEEN 1 AND 5),
      organisation smallint NOT NULL CHECK (organisation BETWEEN 1 AND 5),
      comment text,
      created_at timestamptz NOT NULL
    )`);
    await q.query(`CREATE TABLE training_follow_up (
      enrolment_id uuid PRIMARY KEY REFERENCES enrolment (id),
      session_id uuid NOT NULL REFERENCES program_session (id),
      partner_id uuid REFERENCES partner (id),
      application smallint NOT NULL CHECK (application BETWEEN 1 AND 5),
      note text,
      supervisor_nip text NOT NULL,
      created_at timestamptz NOT NULL
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['training_follow_up', 'training_feedback', 'jp_ledger', 'external_jp_claim', 'enrolment_attendance', 'enrolment', 'budget_ledger', 'budget', 'program_session', 'partner_agreement', 'partner']) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
    await q.query(`ALTER TABLE development_program DROP COLUMN stages, DROP COLUMN eligible_position_kinds, DROP COLUMN competencies`);
  }
}
