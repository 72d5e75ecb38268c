import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { JENIS_JABATAN, SEMUA_JENJANG, type JenisJabatan } from '@capaian/kinerja';

export class CreatePositionDto {
  @ApiProperty({ example: 'DISKOMINFO-APTIKA-PRAKOM-AP', description: 'Kode tetap: huruf besar, angka, titik, - atau _' })
  @IsString()
  @Matches(/^[A-Z0-9_.-]{2,80}$/)
  code: string;

  @ApiProperty({ example: 'Pranata Komputer Ahli Pertama' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: JENIS_JABATAN })
  @IsIn(JENIS_JABATAN as unknown as string[])
  jenisJabatan: JenisJabatan;

  @ApiPropertyOptional({ enum: SEMUA_JENJANG, description: 'Wajib untuk jabatan fungsional' })
  @IsOptional()
  @IsIn(SEMUA_JENJANG as unknown as string[])
  jenjang?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 17 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(17)
  kelasJabatan?: number;

  @ApiProperty({ description: 'Id atau kode unit' })
  @IsString()
  @IsNotEmpty()
  unitId: string;

  @ApiPropertyOptional({ default: 1, description: 'Jumlah kebutuhan (formasi)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100000)
  capacity?: number;

  @ApiPropertyOptional({ default: false, description: 'Jabatan kepala unit' })
  @IsOptional()
  @IsBoolean()
  head?: boolean;

  @ApiPropertyOptional({ description: 'Id atau kode jabatan atasan; kosong = otomatis dari pohon unit' })
  @IsOptional()
  @IsString()
  reportsToPositionId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  effectiveDate?: string;
}
