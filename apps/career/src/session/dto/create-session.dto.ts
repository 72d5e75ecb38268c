import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Body of `POST /programs/:id/sessions`. */
export class CreateSessionDto {
  @ApiProperty({ format: 'date', example: '2026-05-04' }) @IsString() @Matches(DATE) startDate: string;
  @ApiProperty({ format: 'date', example: '2026-05-08' }) @IsString() @Matches(DATE) endDate: string;
  @ApiProperty({ format: 'date', example: '2026-03-01' }) @IsString() @Matches(DATE) registrationOpens: string;
  @ApiProperty({ format: 'date', example: '2026-04-20' }) @IsString() @Matches(DATE) registrationCloses: string;

  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() online?: boolean;

  @ApiPropertyOptional({ example: 'Aula BKPSDM Kota Palembang', maxLength: 200 })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MaxLength(200)
  location?: string;

  @ApiProperty({ example: 30 }) @IsInt() @Min(1) @Max(100_000) quota: number;

  @ApiProperty({ example: 1_500_000, description: 'Biaya per peserta dalam rupiah (bilangan bulat)' })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  costPerParticipant: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'Lembaga mitra penyelenggara' }) @IsOptional() @IsUUID() partnerId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Perjanjian kerja sama (MoU/PKS) yang menjadi dasar' }) @IsOptional() @IsUUID() agreementId?: string;
}
