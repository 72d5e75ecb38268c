import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQuery, queryBoolean } from '@capaian/shared/http';

/** `?asOf=YYYY-MM-DD`: answer as the data stood on that date (default today, Asia/Jakarta). */
export class AsOfQuery {
  @ApiPropertyOptional({ description: 'Tanggal acuan (YYYY-MM-DD); bawaan hari ini', example: '2026-01-01' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  asOf?: string;
}

/** A change that must say why (audited) and may be back-dated: closing a unit or position, removing an override. */
export class ReasonedChangeDto {
  @ApiProperty({ example: 'Perampingan struktur sesuai Perwali' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason: string;

  @ApiPropertyOptional({ description: 'Tanggal berlaku (YYYY-MM-DD); bawaan hari ini' })
  @IsOptional()
  @IsString()
  effectiveDate?: string;
}

/**
 * `?page=&size=` plus `?total=true`. Counting every match costs a scan of all of them, whatever the
 * page, so a list answers `total` only when asked (docs/benchmarks.md, "Reads").
 */
export class CountablePageQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Sertakan jumlah seluruh hasil (total); bawaan tidak', default: false })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  total?: boolean;
}
