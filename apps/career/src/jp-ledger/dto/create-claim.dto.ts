import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { DEVELOPMENT_FORMS } from '../../development-program/domain/development-form';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** Body of `POST /jp/claims`: JP earned outside the platform. */
export class CreateClaimDto {
  @ApiProperty({ example: 'Kursus Daring Analisis Data (ASN Unggul)', maxLength: 200 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @ApiProperty({ enum: DEVELOPMENT_FORMS, example: 'e_learning' })
  @IsIn(DEVELOPMENT_FORMS)
  form: string;

  @ApiProperty({ example: 'LAN RI', maxLength: 200 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  organizer: string;

  @ApiProperty({ format: 'date', example: '2026-02-20' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  endDate: string;

  @ApiProperty({ example: 12 })
  @IsInt()
  @Min(1)
  @Max(1000)
  jp: number;
}
