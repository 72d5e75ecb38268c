import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { PERIOD_KINDS, type PeriodKind } from '../domain/appraisal-period';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Body of `POST /periods`. Shapes only; the calendar rules are the domain's. */
export class CreateAppraisalPeriodDto {
  @ApiProperty({ example: 2026, minimum: 2000, maximum: 2100 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @ApiProperty({ enum: PERIOD_KINDS, example: 'bulanan' })
  @IsIn(PERIOD_KINDS)
  kind: PeriodKind;

  @ApiProperty({ type: String, format: 'date', example: '2026-01-01' })
  @IsString()
  @Matches(DATE)
  startDate: string;

  @ApiProperty({ type: String, format: 'date', example: '2026-01-31' })
  @IsString()
  @Matches(DATE)
  endDate: string;

  @ApiPropertyOptional({ example: 'Januari 2026', description: 'Bawaan: nama bulan/triwulan/tahun' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name?: string;
}
