import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { queryBoolean, queryInteger } from '@capaian/shared/http';

export class UnitTreeQuery {
  @ApiPropertyOptional({ description: 'Id atau kode unit akar (bawaan: Pemerintah Kota)' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  root?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 10 })
  @IsOptional()
  @Transform(queryInteger)
  @IsInt()
  @Min(0)
  @Max(10)
  depth?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  includeClosed?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(10)
  asOf?: string;
}
