import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { queryBoolean } from '@capaian/shared/http';

export class UnitTreeQuery {
  @ApiPropertyOptional({ description: 'Id atau kode unit akar (bawaan: Pemerintah Kota)' })
  @IsOptional()
  @IsString()
  root?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 10 })
  @IsOptional()
  @Type(() => Number)
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
  asOf?: string;
}
