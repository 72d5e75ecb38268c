import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery } from '@capaian/shared/http';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { BENTUK_PENGEMBANGAN, LINGKUP, type BentukPengembangan, type Lingkup } from './domain/bentuk-pengembangan';
import type { StatusProgram } from './infrastructure/program-pengembangan.entity';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateProgramDto {
  @ApiProperty({ example: 'Pelatihan Analisis Kebijakan Publik', maxLength: 200 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  nama: string;

  @ApiProperty({ enum: BENTUK_PENGEMBANGAN, example: 'pelatihan_klasikal' })
  @IsIn(BENTUK_PENGEMBANGAN)
  bentuk: BentukPengembangan;

  @ApiPropertyOptional({ enum: LINGKUP, default: 'nasional', description: 'Menentukan konversi JP (mis. seminar 4/6 JP per hari)' })
  @IsOptional()
  @IsIn(LINGKUP)
  lingkup?: Lingkup;

  @ApiProperty({ example: 'BKPSDM Kota Palembang', maxLength: 200 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  penyelenggara: string;

  @ApiProperty({ example: 40, minimum: 1, description: 'Jam Pelajaran (1 JP = 45 menit)' })
  @IsInt()
  @Min(1)
  @Max(10_000)
  jp: number;

  @ApiProperty({ type: String, format: 'date', example: '2026-05-04' })
  @IsString()
  @Matches(DATE)
  tanggalMulai: string;

  @ApiProperty({ type: String, format: 'date', example: '2026-05-08' })
  @IsString()
  @Matches(DATE)
  tanggalSelesai: string;

  @ApiProperty({ example: 30, minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(100_000)
  kuota: number;

  @ApiProperty({ example: 45_000_000, minimum: 0, description: 'Pagu anggaran dalam rupiah (bilangan bulat)' })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  pagu: number;

  @ApiProperty({ example: 1_500_000, minimum: 0, description: 'Biaya per peserta dalam rupiah (bilangan bulat)' })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  biayaPerPeserta: number;
}

export class ListProgramQuery extends PageQuery {
  @ApiPropertyOptional({ enum: BENTUK_PENGEMBANGAN })
  @IsOptional()
  @IsIn(BENTUK_PENGEMBANGAN)
  bentuk?: BentukPengembangan;

  @ApiPropertyOptional({ example: 2026, description: 'Program yang dimulai pada tahun ini' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  tahun?: number;
}

export class ProgramView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() nama: string;
  @ApiProperty({ enum: BENTUK_PENGEMBANGAN }) bentuk: BentukPengembangan;
  @ApiProperty() bentukLabel: string;
  @ApiProperty({ enum: LINGKUP }) lingkup: Lingkup;
  @ApiProperty() penyelenggara: string;
  @ApiProperty() jp: number;
  @ApiProperty({ format: 'date' }) tanggalMulai: string;
  @ApiProperty({ format: 'date' }) tanggalSelesai: string;
  @ApiProperty() kuota: number;
  @ApiProperty({ description: 'rupiah' }) pagu: number;
  @ApiProperty({ description: 'rupiah' }) biayaPerPeserta: number;
  @ApiProperty() status: StatusProgram;
  @ApiProperty({ format: 'date-time' }) dibuatPada: string;
}

export class ProgramPage {
  @ApiProperty({ type: [ProgramView] }) items: ProgramView[];
  @ApiProperty() page: number;
  @ApiProperty() size: number;
  @ApiProperty() total: number;
}
