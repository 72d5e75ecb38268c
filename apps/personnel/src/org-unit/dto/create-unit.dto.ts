import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { UNIT_KINDS, type UnitKind } from '../domain/org-unit.rules';

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
