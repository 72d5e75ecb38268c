import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery } from '@capaian/shared/http';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { JENIS_PERIODE, type JenisPeriode } from './domain/periode-penilaian';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class CreatePeriodeDto {
  @ApiProperty({ example: 2026, minimum: 2000, maximum: 2100 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  tahun: number;

  @ApiProperty({ enum: JENIS_PERIODE, example: 'bulanan' })
  @IsIn(JENIS_PERIODE)
  jenis: JenisPeriode;

  @ApiProperty({ type: String, format: 'date', example: '2026-01-01' })
  @IsString()
  @Matches(DATE)
  tanggalMulai: string;

  @ApiProperty({ type: String, format: 'date', example: '2026-01-31' })
  @IsString()
  @Matches(DATE)
  tanggalSelesai: string;

  @ApiPropertyOptional({ example: 'Januari 2026', description: 'Bawaan: nama bulan/triwulan/tahun' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  nama?: string;
}

export class ListPeriodeQuery extends PageQuery {
  @ApiPropertyOptional({ example: 2026 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  tahun?: number;

  @ApiPropertyOptional({ enum: JENIS_PERIODE })
  @IsOptional()
  @IsIn(JENIS_PERIODE)
  jenis?: JenisPeriode;
}

export class PeriodeView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() tahun: number;
  @ApiProperty({ enum: JENIS_PERIODE }) jenis: JenisPeriode;
  @ApiProperty() nama: string;
  @ApiProperty({ format: 'date' }) tanggalMulai: string;
  @ApiProperty({ format: 'date' }) tanggalSelesai: string;
  @ApiProperty({ format: 'date-time' }) dibuatPada: string;
}

export class PeriodePage {
  @ApiProperty({ type: [PeriodeView] }) items: PeriodeView[];
  @ApiProperty() page: number;
  @ApiProperty() size: number;
  @ApiProperty() total: number;
}
