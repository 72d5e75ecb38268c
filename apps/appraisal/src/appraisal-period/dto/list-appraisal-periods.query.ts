import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery, queryInteger } from '@capaian/shared/http';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { PERIOD_KINDS, type PeriodKind } from '../domain/appraisal-period';

/** Query string of `GET /periods`. */
export class ListAppraisalPeriodsQuery extends PageQuery {
  @ApiPropertyOptional({ example: 2026 })
  @IsOptional()
  @Transform(queryInteger)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ enum: PERIOD_KINDS })
  @IsOptional()
  @IsIn(PERIOD_KINDS)
  kind?: PeriodKind;
}
