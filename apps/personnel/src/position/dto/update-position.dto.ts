import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { JENIS_JABATAN, SEMUA_JENJANG, type JenisJabatan } from '@capaian/kinerja';

export class UpdatePositionDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ enum: JENIS_JABATAN })
  @IsOptional()
  @IsIn(JENIS_JABATAN as unknown as string[])
  jenisJabatan?: JenisJabatan;

  @ApiPropertyOptional({ enum: SEMUA_JENJANG, nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsIn(SEMUA_JENJANG as unknown as string[])
  jenjang?: string | null;

  @ApiPropertyOptional({ minimum: 1, maximum: 17, nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(1)
  @Max(17)
  kelasJabatan?: number | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100000)
  capacity?: number;

  @ApiPropertyOptional({ description: 'Id atau kode unit tujuan (memindahkan jabatan)' })
  @IsOptional()
  @IsString()
  unitId?: string;

  @ApiPropertyOptional({ description: 'Id atau kode jabatan atasan; null = kembali otomatis', nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  reportsToPositionId?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  effectiveDate?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}
