import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ORGANISATION_PREDIKATS, RATINGS, type OrganisationPredikat, type Rating } from '@capaian/kinerja';
import { IsIn, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';

/** Body of `POST /skps/:id/evaluation` (the penilai rates the year). */
export class RateEvaluationDto {
  @ApiProperty({ enum: RATINGS }) @IsIn(RATINGS) ratingHasilKerja: Rating;
  @ApiPropertyOptional({ description: 'Wajib bila berbeda dari saran sistem' }) @IsOptional() @IsString() @MaxLength(4000) reason?: string;
  @ApiProperty({ description: 'Rating per nilai BerAKHLAK (kode nilai → DI_ATAS/SESUAI/DI_BAWAH)' }) @IsObject() perilaku: Record<string, Rating>;
  @ApiPropertyOptional({ enum: ORGANISATION_PREDIKATS, description: 'Predikat kinerja unit, untuk kepala unit' }) @IsOptional() @IsIn(ORGANISATION_PREDIKATS) unitPredikat?: OrganisationPredikat;
}
