import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { JENIS_JABATAN, type JenisJabatan } from '@capaian/kinerja';
import { queryBoolean } from '@capaian/shared/http';
import { CountablePageQuery } from '../../common/dto';

/** Sorted by code (a position's code starts with its unit's code). */
export class PositionListQuery extends CountablePageQuery {
  @ApiPropertyOptional({ description: 'Id atau kode unit' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  unitId?: string;

  @ApiPropertyOptional({ description: 'Kode OPD' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
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
  @MaxLength(10)
  asOf?: string;
}
