import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '@capaian/shared/http';
import { PERIOD_KINDS, type PeriodKind } from './domain/appraisal-period';
import type { AppraisalPeriodRecord } from './infrastructure/appraisal-period.repository';

/**
 * An appraisal period as the API returns it, built by `AppraisalPeriodQueries` (a class rather than
 * an interface so that the OpenAPI document describes the response).
 */
export class AppraisalPeriodView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 2026 }) year: number;
  @ApiProperty({ enum: PERIOD_KINDS }) kind: PeriodKind;
  @ApiProperty({ example: 'Januari 2026' }) name: string;
  @ApiProperty({ format: 'date' }) startDate: string;
  @ApiProperty({ format: 'date' }) endDate: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class AppraisalPeriodPage extends PageOf(AppraisalPeriodView) {}

export function toAppraisalPeriodView(p: AppraisalPeriodRecord): AppraisalPeriodView {
  return { id: p.id, year: p.year, kind: p.kind, name: p.name, startDate: p.startDate, endDate: p.endDate, createdAt: new Date(p.createdAt).toISOString() };
}
