import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PeriodicReport, type ReportState } from '../domain/periodic-report';

const COLUMNS = `id, skp_id AS "skpId", period_no AS number, start_date::text AS start, end_date::text AS "end", report_due::text AS "reportDue",
  feedback_due::text AS "feedbackDue", status, realizations, feedback`;

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
