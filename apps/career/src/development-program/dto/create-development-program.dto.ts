import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { JENIS_JABATAN } from '@capaian/kinerja';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { DEVELOPMENT_FORMS, SCOPES, type DevelopmentForm, type Scope } from '../domain/development-form';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** Body of `POST /programs`. Shapes only; the rules across fields are the domain's. */
export class CreateDevelopmentProgramDto {
  @ApiProperty({ example: 'Pelatihan Analisis Kebijakan Publik', maxLength: 200 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: DEVELOPMENT_FORMS, example: 'pelatihan_klasikal' })
  @IsIn(DEVELOPMENT_FORMS)
  form: DevelopmentForm;

  @ApiPropertyOptional({ enum: SCOPES, default: 'nasional', description: 'Menentukan konversi JP (mis. seminar 4/6 JP per hari)' })
  @IsOptional()
  @IsIn(SCOPES)
  scope?: Scope;

  @ApiProperty({ example: 'BKPSDM Kota Palembang', maxLength: 200 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  organizer: string;

  @ApiProperty({ example: 40, minimum: 1, description: 'Jam Pelajaran (1 JP = 45 menit)' })
  @IsInt()
  @Min(1)
  @Max(10_000)
  jp: number;

  @ApiProperty({ type: String, format: 'date', example: '2026-05-04' })
  @IsString()
  @Matches(DATE)
  startDate: string;

  @ApiProperty({ type: String, format: 'date', example: '2026-05-08' })
  @IsString()
  @Matches(DATE)
  endDate: string;

  @ApiProperty({ example: 30, minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(100_000)
  quota: number;

  @ApiProperty({ example: 45_000_000, minimum: 0, description: 'Pagu anggaran dalam rupiah (bilangan bulat)' })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  budgetCeiling: number;

  @ApiProperty({ example: 1_500_000, minimum: 0, description: 'Biaya per peserta dalam rupiah (bilangan bulat)' })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  costPerParticipant: number;

  @ApiPropertyOptional({ type: [String], example: ['analisis kebijakan'], description: 'Kompetensi yang dikembangkan' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  competencies?: string[];

  @ApiPropertyOptional({ type: [String], enum: JENIS_JABATAN, description: 'Jenis jabatan yang boleh mengikuti (kosong: sesuai bentuk, mis. PKA untuk administrator; selain itu semua)' })
  @IsOptional()
  @IsArray()
  @IsIn(JENIS_JABATAN, { each: true })
  eligiblePositionKinds?: string[];

  @ApiPropertyOptional({ type: [String], example: ['pembelajaran klasikal', 'aktualisasi'], description: 'Tahapan program' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  stages?: string[];
}
