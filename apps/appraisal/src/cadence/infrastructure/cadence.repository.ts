import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { defaultCadence, type Cadence } from '../domain/cadence';

/** The only writer of `opd_cadence`. An OPD without a row follows the default calendar. */
@Injectable()
export class CadenceRepository {
  async get(m: EntityManager, opdCode: string | null, year: number): Promise<Cadence> {
    if (!opdCode) return defaultCadence(year);
    const [row] = await m.query(
      `SELECT year, frequency, planning_deadline::text AS "planningDeadline", report_days AS "reportDays", feedback_days AS "feedbackDays",
              rating_deadline::text AS "ratingDeadline", objection_days AS "objectionDays"
         FROM opd_cadence WHERE opd_code = $1 AND year = $2`,
      [opdCode, year],
    );
    return row ?? defaultCadence(year);
  }

  async upsert(m: EntityManager, opdCode: string, c: Cadence, now: Date, by: string): Promise<void> {
    await m.query(
      `INSERT INTO opd_cadence (opd_code, year, frequency, planning_deadline, report_days, feedback_days, rating_deadline, objection_days, updated_at, updated_by)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)
       ON CONFLICT (opd_code, year) DO UPDATE SET frequency = $3, planning_deadline = $4, report_days = $5, feedback_days = $6, rating_deadline = $7, objection_days = $8, updated_at = $9, updated_by = $10`,
      [opdCode, c.year, c.frequency, c.planningDeadline, c.reportDays, c.feedbackDays, c.ratingDeadline, c.objectionDays, now, by],
    );
  }
}
