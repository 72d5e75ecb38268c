import { ReasonedChangeDto } from '../common/dto';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { PageQuery, queryBoolean } from '@capaian/shared/http';
import { UNIT_KINDS, type UnitKind } from './domain/org-unit.rules';

export class CreateUnitDto {
  @ApiProperty({ example: 'DISKOMINFO-APTIKA', description: 'Kode tetap: huruf besar, angka, - atau _' })
  @IsString()
  @Matches(/^[A-Z0-9_-]{2,64}$/)
  code: string;

  @ApiProperty({ example: 'Bidang Aplikasi Informatika' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: UNIT_KINDS })
  @IsIn(UNIT_KINDS as unknown as string[])
  kind: UnitKind;

  @ApiPropertyOptional({ description: 'Id atau kode unit induk; kosong hanya untuk Pemerintah Kota' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  parentId?: string;

  @ApiPropertyOptional({ description: 'Tanggal berlaku (YYYY-MM-DD), bawaan hari ini' })
  @IsOptional()
  @IsString()
  effectiveDate?: string;
}

export class UpdateUnitDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ description: 'Id atau kode jabatan kepala unit (harus di unit ini); null untuk mengosongkan', nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  headPositionId?: string | null;

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

export class MoveUnitDto {
  @ApiProperty({ description: 'Id atau kode unit induk yang baru' })
  @IsString()
  @IsNotEmpty()
  parentId: string;

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

export class CloseUnitDto extends ReasonedChangeDto {}


export class UnitListQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Id atau kode unit induk' })
  @IsOptional()
  @IsString()
  parentId?: string;

  @ApiPropertyOptional({ description: 'Kode OPD' })
  @IsOptional()
  @IsString()
  opd?: string;

  @ApiPropertyOptional({ enum: UNIT_KINDS })
  @IsOptional()
  @IsIn(UNIT_KINDS as unknown as string[])
  kind?: UnitKind;

  @ApiPropertyOptional({ enum: ['AKTIF', 'DITUTUP'] })
  @IsOptional()
  @IsIn(['AKTIF', 'DITUTUP'])
  status?: 'AKTIF' | 'DITUTUP';

  @ApiPropertyOptional({ description: 'Awalan nama atau kode' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  asOf?: string;
}

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
