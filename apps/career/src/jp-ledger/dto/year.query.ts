import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { queryInteger } from '@capaian/shared/http';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

/** Query of the JP reports: the year, and for BKPSDM optionally one OPD. */
export class JpYearQuery {
  @ApiProperty({ example: 2026 })
  @Transform(queryInteger)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @ApiPropertyOptional({ example: 'DISKOMINFO' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Z0-9_-]{1,64}$/)
  opd?: string;
}
