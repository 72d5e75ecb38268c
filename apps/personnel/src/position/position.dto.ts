import { ReasonedChangeDto } from '../common/dto';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { JENIS_JABATAN, SEMUA_JENJANG, type JenisJabatan } from '@capaian/kinerja';
import { PageQuery, queryBoolean } from '@capaian/shared/http';

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

export class ClosePositionDto extends ReasonedChangeDto {}


export class PositionListQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Id atau kode unit' })
  @IsOptional()
  @IsString()
  unitId?: string;

  @ApiPropertyOptional({ description: 'Kode OPD' })
  @IsOptional()
  @IsString()
  opd?: string;

  @ApiPropertyOptional({ enum: JENIS_JABATAN })
  @IsOptional()
  @IsIn(JENIS_JABATAN as unknown as string[])
  jenisJabatan?: JenisJabatan;

  @ApiPropertyOptional({ enum: ['AKTIF', 'DITUTUP'] })
  @IsOptional()
  @IsIn(['AKTIF', 'DITUTUP'])
  status?: 'AKTIF' | 'DITUTUP';

  @ApiPropertyOptional({ description: 'Hanya jabatan yang masih punya formasi kosong' })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  vacant?: boolean;

  @ApiPropertyOptional({ description: 'Awalan nama atau kode' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ description: 'Tanggal acuan (YYYY-MM-DD)' })
  @IsOptional()
  @IsString()
  asOf?: string;
}
