import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery, queryInteger } from '@capaian/shared/http';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { DEVELOPMENT_FORMS, type DevelopmentForm } from '../domain/development-form';

/** Query string of `GET /programs`. */
export class ListDevelopmentProgramsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: DEVELOPMENT_FORMS })
  @IsOptional()
  @IsIn(DEVELOPMENT_FORMS)
  form?: DevelopmentForm;

  @ApiPropertyOptional({ example: 2026, description: 'Program yang dimulai pada tahun ini' })
  @IsOptional()
  @Transform(queryInteger)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}
