import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RATINGS, type Rating } from '@capaian/kinerja';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

/** Body of `POST /objections/:id/decision` (the atasan penilai). */
export class DecideObjectionDto {
  @ApiProperty() @IsBoolean() accepted: boolean;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(4000) decision: string;
  @ApiPropertyOptional({ enum: RATINGS }) @IsOptional() @IsIn(RATINGS) ratingHasilKerja?: Rating;
  @ApiPropertyOptional({ enum: RATINGS }) @IsOptional() @IsIn(RATINGS) ratingPerilaku?: Rating;
}
