import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { toPage, type Page } from '@capaian/shared/http';
import { DataSource } from 'typeorm';
import { toAppraisalPeriodView, type AppraisalPeriodView } from './appraisal-period.view';
import type { PeriodKind } from './domain/appraisal-period';
import { APPRAISAL_PERIOD_COLUMNS, type AppraisalPeriodRecord } from './infrastructure/appraisal-period.repository';

export interface AppraisalPeriodFilter {
  page: number;
  size: number;
  year?: number;
  kind?: PeriodKind;
}

/** Reads of appraisal periods: SQL straight to the views, no domain model. */
@Injectable()
export class AppraisalPeriodQueries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Periods, newest first, filtered by year and kind. */
  async list(filter: AppraisalPeriodFilter): Promise<Page<AppraisalPeriodView>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.year !== undefined) where.push(`year = $${params.push(filter.year)}`);
    if (filter.kind !== undefined) where.push(`kind = $${params.push(filter.kind)}`);
    const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM appraisal_period ${clause}`, params);
    const rows: AppraisalPeriodRecord[] = await this.dataSource.query(
      `SELECT ${APPRAISAL_PERIOD_COLUMNS} FROM appraisal_period ${clause}
        ORDER BY start_date DESC, kind, id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, filter.size, (filter.page - 1) * filter.size],
    );
    return toPage(rows.map(toAppraisalPeriodView), total, filter);
  }

  /** One period by id, in the shape the list gives (a use case answers through this). */
  async view(id: string): Promise<AppraisalPeriodView> {
    const [row]: AppraisalPeriodRecord[] = await this.dataSource.query(`SELECT ${APPRAISAL_PERIOD_COLUMNS} FROM appraisal_period WHERE id = $1`, [id]);
    return toAppraisalPeriodView(row);
  }
}
