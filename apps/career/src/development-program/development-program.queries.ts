import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { toPage, type Page } from '@capaian/shared/http';
import { DataSource } from 'typeorm';
import { toDevelopmentProgramView, type DevelopmentProgramView } from './development-program.view';
import type { DevelopmentForm } from './domain/development-form';
import { DEVELOPMENT_PROGRAM_COLUMNS, type DevelopmentProgramRecord } from './infrastructure/development-program.repository';

export interface DevelopmentProgramFilter {
  page: number;
  size: number;
  form?: DevelopmentForm;
  /** Programs that start in this year. */
  year?: number;
}

/** Reads of the catalog: SQL straight to the views, no domain model. */
@Injectable()
export class DevelopmentProgramQueries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The catalog, latest start first, filtered by form and start year. */
  async list(filter: DevelopmentProgramFilter): Promise<Page<DevelopmentProgramView>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.form !== undefined) where.push(`form = $${params.push(filter.form)}`);
    if (filter.year !== undefined) where.push(`start_date BETWEEN $${params.push(`${filter.year}-01-01`)} AND $${params.push(`${filter.year}-12-31`)}`);
    const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM development_program ${clause}`, params);
    const rows: DevelopmentProgramRecord[] = await this.dataSource.query(
      `SELECT ${DEVELOPMENT_PROGRAM_COLUMNS} FROM development_program ${clause}
        ORDER BY start_date DESC, name, id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, filter.size, (filter.page - 1) * filter.size],
    );
    return toPage(rows.map(toDevelopmentProgramView), total, filter);
  }

  /** One program by id, in the shape the catalog gives (a use case answers through this). */
  async view(id: string): Promise<DevelopmentProgramView> {
    const [row]: DevelopmentProgramRecord[] = await this.dataSource.query(`SELECT ${DEVELOPMENT_PROGRAM_COLUMNS} FROM development_program WHERE id = $1`, [id]);
    return toDevelopmentProgramView(row);
  }
}
