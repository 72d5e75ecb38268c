import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { updateCount } from '../../common/sql';
import type { CareerPerson } from '../../common/career-people';
import { ACTIVE_FOR_SCHEDULE, Enrolment, type EnrolmentOrigin, type EnrolmentState } from '../domain/enrolment';
import type { DatedPlace } from '../domain/eligibility';
import { EnrolmentMessages as M } from '../enrolment.messages';

/** The stored place with the person's facts copied at registration (for scoping and reports). */
export interface EnrolmentRow extends EnrolmentState {
  nip: string;
  name: string;
  opdCode: string | null;
  jenisAsn: string;
  positionKind: string | null;
  supervisorId: string | null;
  nominatedBy: string | null;
  certificateFileName: string | null;
  certificateContentType: string | null;
  certificateSize: number | null;
  waitlistedAt: Date | null;
  createdAt: Date;
  /** Whether the participant has given their feedback on the session (it is given once). */
  feedbackGiven: boolean;
}

export const ENROLMENT_COLUMNS = `e.id, e.session_id AS "sessionId", e.employee_id AS "employeeId", e.origin, e.status, e.budget_id AS "budgetId",
  e.committed_amount::float8 AS "committedAmount", e.days_present AS "daysPresent", e.certificate_key AS "certificateKey", e.certificate_jp AS "certificateJp",
  e.recognised_jp AS "recognisedJp", e.reason, e.version, e.nip, e.name, e.opd_code AS "opdCode", e.jenis_asn AS "jenisAsn", e.position_kind AS "positionKind",
  e.supervisor_id AS "supervisorId", e.nominated_by AS "nominatedBy", e.certificate_file_name AS "certificateFileName",
  e.certificate_content_type AS "certificateContentType", e.certificate_size AS "certificateSize", e.waitlisted_at AS "waitlistedAt", e.created_at AS "createdAt",
  EXISTS (SELECT 1 FROM training_feedback f WHERE f.enrolment_id = e.id) AS "feedbackGiven"`;

const LIVE = ACTIVE_FOR_SCHEDULE.map((s) => `'${s}'`).join(', ');

/** The only writer of `enrolment` and `enrolment_attendance`. */
@Injectable()
export class EnrolmentRepository {
  /** Inserts a new place; false when the person already holds a live place in that session. */
  async insert(m: EntityManager, e: Enrolment, person: CareerPerson, nominatedBy: string | null, at: Date): Promise<boolean> {
    const s = e.snapshot();
    const rows = await m.query(
      `INSERT INTO enrolment (id, session_id, employee_id, nip, name, opd_code, jenis_asn, position_kind, supervisor_id, origin, nominated_by, status, waitlisted_at, version, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 1, $14, $14)
       ON CONFLICT (session_id, employee_id) WHERE status NOT IN ('DITOLAK', 'DIBATALKAN') DO NOTHING RETURNING id`,
      [s.id, s.sessionId, person.id, person.nip, person.name, person.opdCode, person.jenisAsn, person.positionKind, person.supervisorId, s.origin, nominatedBy, s.status, s.status === 'DAFTAR_TUNGGU' ? at : null, at],
    );
    return rows.length === 1;
  }

  async find(m: EntityManager, id: string): Promise<EnrolmentRow | null> {
    const [row] = await m.query(`SELECT ${ENROLMENT_COLUMNS} FROM enrolment e WHERE e.id = $1`, [id]);
    return row ?? null;
  }

  /** The place, or 404 PENDAFTARAN_TIDAK_DITEMUKAN. */
  async get(m: EntityManager, id: string): Promise<EnrolmentRow> {
    const row = await this.find(m, id);
    if (!row) throw M.error('PENDAFTARAN_TIDAK_DITEMUKAN');
    return row;
  }

  /** The place under the transaction's row lock, as an aggregate with its stored facts. */
  async lock(m: EntityManager, id: string): Promise<{ row: EnrolmentRow; enrolment: Enrolment }> {
    const [row] = await m.query(`SELECT ${ENROLMENT_COLUMNS} FROM enrolment e WHERE e.id = $1 FOR UPDATE`, [id]);
    if (!row) throw M.error('PENDAFTARAN_TIDAK_DITEMUKAN');
    return { row, enrolment: Enrolment.restore(row) };
  }

  /** Saves the aggregate's state; the row is locked, the version check guards against a writer without the lock. */
  async save(m: EntityManager, e: Enrolment, at: Date): Promise<void> {
    const s = e.snapshot();
    const changed = await updateCount(
      m,
      `UPDATE enrolment SET status = $3, budget_id = $4, committed_amount = $5, days_present = $6, certificate_key = $7, certificate_jp = $8,
              recognised_jp = $9, reason = $10, version = version + 1, updated_at = $11
        WHERE id = $1 AND version = $2`,
      [s.id, s.version, s.status, s.budgetId, s.committedAmount, s.daysPresent, s.certificateKey, s.certificateJp, s.recognisedJp, s.reason, at],
    );
    if (changed !== 1) throw M.error('PENDAFTARAN_BERUBAH');
  }

  async setCertificateFile(m: EntityManager, id: string, f: { fileName: string; contentType: string; size: number; sha256: string }): Promise<void> {
    await m.query(`UPDATE enrolment SET certificate_file_name = $2, certificate_content_type = $3, certificate_size = $4, certificate_sha256 = $5 WHERE id = $1`, [id, f.fileName, f.contentType, f.size, f.sha256]);
  }

  /** Serialises one person's registrations until the transaction ends (a transaction-scoped advisory lock). */
  async lockPerson(m: EntityManager, employeeId: string): Promise<void> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtextextended('career.enrolment:' || $1, 0))`, [employeeId]);
  }

  /** The person's other live places with their session dates (for the overlap rule). */
  async livePlacesOf(m: EntityManager, employeeId: string): Promise<DatedPlace[]> {
    return m.query(
      `SELECT e.session_id AS "sessionId", s.start_date::text AS "startDate", s.end_date::text AS "endDate"
         FROM enrolment e JOIN program_session s ON s.id = e.session_id WHERE e.employee_id = $1 AND e.status IN (${LIVE})`,
      [employeeId],
    );
  }

  /** JP the person has this year, recognised plus what their live places would bring (for the PPPK ceiling and the at-risk list). */
  async jpOfYear(m: EntityManager, employeeId: string, year: number): Promise<{ recognised: number; planned: number }> {
    const [row] = await m.query(
      `SELECT (SELECT COALESCE(sum(jp), 0) FROM jp_ledger WHERE employee_id = $1 AND year = $2)::int AS recognised,
              (SELECT COALESCE(sum(p.jp), 0) FROM enrolment e JOIN program_session s ON s.id = e.session_id JOIN development_program p ON p.id = s.program_id
                WHERE e.employee_id = $1 AND e.status IN ('DIAJUKAN', 'DIVERIFIKASI', 'DISETUJUI', 'LULUS', 'SERTIFIKAT_DIUNGGAH')
                  AND extract(year FROM s.end_date) = $2)::int AS planned`,
      [employeeId, year],
    );
    return row;
  }

  /** The session's queue with, per waiting person, whether they meanwhile hold an overlapping live place. */
  async queueOf(m: EntityManager, sessionId: string): Promise<{ id: string; waitlistedAt: Date; hasOverlap: boolean }[]> {
    return m.query(
      `SELECT w.id, w.waitlisted_at AS "waitlistedAt",
              EXISTS (SELECT 1 FROM enrolment o JOIN program_session os ON os.id = o.session_id
                       WHERE o.employee_id = w.employee_id AND o.id <> w.id AND o.status IN ('DIAJUKAN', 'DIVERIFIKASI', 'DISETUJUI')
                         AND os.start_date <= s.end_date AND s.start_date <= os.end_date) AS "hasOverlap"
         FROM enrolment w JOIN program_session s ON s.id = w.session_id
        WHERE w.session_id = $1 AND w.status = 'DAFTAR_TUNGGU' ORDER BY w.waitlisted_at, w.id`,
      [sessionId],
    );
  }

  /** Previous attendance of that day (null when none), then the new value. */
  async recordAttendance(m: EntityManager, id: string, day: string, present: boolean, by: string, at: Date): Promise<boolean | null> {
    const [prev] = await m.query(`SELECT present FROM enrolment_attendance WHERE enrolment_id = $1 AND day = $2`, [id, day]);
    await m.query(
      `INSERT INTO enrolment_attendance (enrolment_id, day, present, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (enrolment_id, day) DO UPDATE SET present = EXCLUDED.present, recorded_by = EXCLUDED.recorded_by, recorded_at = EXCLUDED.recorded_at`,
      [id, day, present, by, at],
    );
    return prev ? prev.present : null;
  }
}

export type { EnrolmentOrigin };
