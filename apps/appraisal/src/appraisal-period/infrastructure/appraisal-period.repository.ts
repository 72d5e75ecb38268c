import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DateRange, PeriodKind } from '../domain/appraisal-period';

/** A stored appraisal period, as the repository and the queries return it. */
export interface AppraisalPeriodRecord {
  id: string;
  year: number;
  kind: PeriodKind;
  name: string;
  startDate: string;
  endDate: string;
  createdAt: Date;
  createdBy: string;
}

export const APPRAISAL_PERIOD_COLUMNS = `id, year, kind, name, start_date::text AS "startDate", end_date::text AS "endDate", created_at AS "createdAt", created_by AS "createdBy"`;

/** The only writer of the `appraisal_period` table. Runs inside the caller's transaction. */
@Injectable()
export class AppraisalPeriodRepository {
  /** The earliest stored period of this kind sharing at least one day with the range. */
  async findOverlapping(m: EntityManager, kind: PeriodKind, range: DateRange): Promise<AppraisalPeriodRecord | null> {
    const rows: AppraisalPeriodRecord[] = await m.query(
      `SELECT ${APPRAISAL_PERIOD_COLUMNS} FROM appraisal_period
        WHERE kind = $1 AND start_date <= $3 AND end_date >= $2 ORDER BY start_date LIMIT 1`,
      [kind, range.startDate, range.endDate],
    );
    return rows[0] ?? null;
  }

  async insert(m: EntityManager, period: Omit<AppraisalPeriodRecord, 'id'>): Promise<AppraisalPeriodRecord> {
    const [row]: AppraisalPeriodRecord[] = await m.query(
      `INSERT INTO appraisal_period (year, kind, name, start_date, end_date, created_at, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${APPRAISAL_PERIOD_COLUMNS}`,
      [period.year, period.kind, period.name, period.startDate, period.endDate, period.createdAt, period.createdBy],
    );
    return row;
  }
}

/** PostgreSQL exclusion_violation: an overlap constraint closed a race the pre-check could not see. */
export function isOverlapRace(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } };
  return e?.code === '23P01' || e?.driverError?.code === '23P01';
}
