import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PeriodicReport, type ReportState } from '../domain/periodic-report';

const COLUMNS = `id, skp_id AS "skpId", period_no AS number, start_date::text AS start, end_date::text AS "end", report_due::text AS "reportDue",
  feedback_due::text AS "feedbackDue", status, realizations, feedback`;

export interface ReportingSkp {
  id: string;
  employeeId: string;
  nip: string;
  opdCode: string | null;
  year: number;
  startDate: string;
  endDate: string;
  penilaiNip: string | null;
}

/** A period overlapping an SKP ends at most a quarter after it, and is reported at most 60 days after that. */
const REPORTABLE_AFTER_SKP_DAYS = 92 + 60;

/** The only writer of `periodic_report`. */
@Injectable()
export class PeriodicReportRepository {
  async lock(m: EntityManager, skpId: string, number: number): Promise<PeriodicReport | null> {
    const [row]: ReportState[] = await m.query(`SELECT ${COLUMNS} FROM periodic_report WHERE skp_id = $1 AND period_no = $2 FOR UPDATE`, [skpId, number]);
    return row ? PeriodicReport.restore(row) : null;
  }

  async listOf(m: EntityManager, skpId: string): Promise<ReportState[]> {
    return m.query(`SELECT ${COLUMNS} FROM periodic_report WHERE skp_id = $1 ORDER BY period_no`, [skpId]);
  }

  /** Reports answered by the penilai whose feedback deadline is before `today`, locked for the job. */
  async lockDue(m: EntityManager, today: string, limit: number): Promise<PeriodicReport[]> {
    const rows: ReportState[] = await m.query(
      `SELECT ${COLUMNS} FROM periodic_report WHERE status = 'DITANGGAPI' AND feedback_due < $1 ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [today, limit],
    );
    return rows.map((r) => PeriodicReport.restore(r));
  }

  /** Inserts a report row the first time a period is touched (ON CONFLICT: a concurrent first touch wins once). */
  async ensure(m: EntityManager, report: PeriodicReport, now: Date): Promise<PeriodicReport> {
    const s = report.toState();
    await m.query(
      `INSERT INTO periodic_report (id, skp_id, period_no, start_date, end_date, report_due, feedback_due, status, updated_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) ON CONFLICT (skp_id, period_no) DO NOTHING`,
      [s.id, s.skpId, s.number, s.start, s.end, s.reportDue, s.feedbackDue, s.status, now],
    );
    const locked = await this.lock(m, s.skpId, s.number);
    if (!locked) throw new Error(`periodic report ${s.skpId}/${s.number} vanished after its insert`);
    return locked;
  }

  /**
   * Marks an open report as announced due (`report-due`); false when it was announced before or is
   * reported already, so a rerun or another replica announces nothing twice.
   */
  async markDueNoticed(m: EntityManager, id: string, now: Date): Promise<boolean> {
    const rows: unknown[] = await m.query(`UPDATE periodic_report SET due_noticed_at = $2 WHERE id = $1 AND due_noticed_at IS NULL AND status = 'TERBUKA' RETURNING id`, [id, now]);
    return rows.length > 0;
  }

  /** `<skpId>:<period>` of the reports still reportable on `today` that were announced or reported already (the job skips them without a write). */
  async settledPeriods(m: EntityManager, today: string): Promise<Set<string>> {
    const rows: { key: string }[] = await m.query(
      `SELECT skp_id || ':' || period_no AS key FROM periodic_report WHERE report_due >= $1 AND (due_noticed_at IS NOT NULL OR status <> 'TERBUKA')`,
      [today],
    );
    return new Set(rows.map((r) => r.key));
  }

  /**
   * SKPs that may have a period to report soon: set (or closed after a move, whose last period is
   * still reported), of this year or the last (December is reported in January), recent enough that
   * a period overlapping them can still be open. Owners personnel says are no longer active are left out.
   */
  async reportingSkps(m: EntityManager, today: string, leadDays: number): Promise<ReportingSkp[]> {
    return m.query(
      `SELECT s.id, s.employee_id AS "employeeId", s.nip, s.opd_code AS "opdCode", s.year, s.start_date::text AS "startDate", s.end_date::text AS "endDate", s.penilai_nip AS "penilaiNip"
         FROM skp s
        WHERE s.status IN ('DITETAPKAN', 'DITUTUP') AND s.year BETWEEN $4 - 1 AND $4
          AND s.start_date <= $1::date + $2::int AND s.end_date >= $1::date - $3::int
          AND NOT EXISTS (SELECT 1 FROM personnel_employee e WHERE e.id = s.employee_id AND e.status NOT IN ('AKTIF', 'CUTI'))
        ORDER BY s.id`,
      [today, leadDays, REPORTABLE_AFTER_SKP_DAYS, Number(today.slice(0, 4))],
    );
  }

  async update(m: EntityManager, report: PeriodicReport, now: Date): Promise<void> {
    const s = report.toState();
    await m.query(
      `UPDATE periodic_report SET status = $2, realizations = $3, feedback = $4, updated_at = $5,
              reported_at = CASE WHEN $2 = 'DILAPORKAN' THEN $5 ELSE reported_at END,
              feedback_at = CASE WHEN $2 = 'DITANGGAPI' THEN $5 ELSE feedback_at END
        WHERE id = $1`,
      [s.id, s.status, JSON.stringify(s.realizations), s.feedback, now],
    );
  }
}
