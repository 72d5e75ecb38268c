// What the evaluations endpoints answer, as their OpenAPI response schemas. Each handler is
// declared to return these classes, so the compiler keeps the schemas and the answers together.
import { ApiProperty } from '@nestjs/swagger';

export class AchievementIndicator {
  @ApiProperty({ type: String })
  indicatorId: string;
  @ApiProperty({ type: String })
  rhkId: string;
  @ApiProperty({ type: Number, nullable: true })
  target: number | null;
  @ApiProperty({ type: Number, nullable: true })
  realization: number | null;
  @ApiProperty({ type: Number, nullable: true })
  capaian: number | null;
}

export class RhkClassResponse {
  @ApiProperty({ type: String })
  rhkId: string;
  @ApiProperty({ enum: ['UTAMA', 'TAMBAHAN'] })
  kind: 'UTAMA' | 'TAMBAHAN';
  @ApiProperty({ type: Number, nullable: true, description: "Mean capaian of the RHK's indicators, or null when none is computable." })
  capaian: number | null;
  @ApiProperty({ enum: ['DI_ATAS', 'SESUAI', 'DI_BAWAH'], nullable: true })
  rating: 'DI_ATAS' | 'SESUAI' | 'DI_BAWAH' | null;
}

export class Achievement {
  @ApiProperty({ type: () => AchievementIndicator, isArray: true })
  indicators: AchievementIndicator[];
  @ApiProperty({ type: () => RhkClassResponse, isArray: true })
  rhk: RhkClassResponse[];
  @ApiProperty({ enum: ['DI_ATAS', 'SESUAI', 'DI_BAWAH'], nullable: true })
  suggestedRatingHasilKerja: 'DI_ATAS' | 'SESUAI' | 'DI_BAWAH' | null;
}

export class EvaluationStateResponsePerilaku {
  @ApiProperty({ enum: ['DI_ATAS', 'SESUAI', 'DI_BAWAH'] })
  BERORIENTASI_PELAYANAN: 'DI_ATAS' | 'SESUAI' | 'DI_BAWAH';
  @ApiProperty({ enum: ['DI_ATAS', 'SESUAI', 'DI_BAWAH'] })
  AKUNTABEL: 'DI_ATAS' | 'SESUAI' | 'DI_BAWAH';
  @ApiProperty({ enum: ['DI_ATAS', 'SESUAI', 'DI_BAWAH'] })
  KOMPETEN: 'DI_ATAS' | 'SESUAI' | 'DI_BAWAH';
  @ApiProperty({ enum: ['DI_ATAS', 'SESUAI', 'DI_BAWAH'] })
  HARMONIS: 'DI_ATAS' | 'SESUAI' | 'DI_BAWAH';
  @ApiProperty({ enum: ['DI_ATAS', 'SESUAI', 'DI_BAWAH'] })
  LOYAL: 'DI_ATAS' | 'SESUAI' | 'DI_BAWAH';
  @ApiProperty({ enum: ['DI_ATAS', 'SESUAI', 'DI_BAWAH'] })
  ADAPTIF: 'DI_ATAS' | 'SESUAI' | 'DI_BAWAH';
  @ApiProperty({ enum: ['DI_ATAS', 'SESUAI', 'DI_BAWAH'] })
  KOLABORATIF: 'DI_ATAS' | 'SESUAI' | 'DI_BAWAH';
}

export class EvaluationStateResponse {
  @ApiProperty({ type: String })
  id: string;
  @ApiProperty({ type: String })
  skpId: string;
  @ApiProperty({ enum: ['DINILAI', 'KEBERATAN', 'FINAL'] })
  status: 'DINILAI' | 'KEBERATAN' | 'FINAL';
  @ApiProperty({ enum: ['DI_ATAS', 'SESUAI', 'DI_BAWAH'], nullable: true })
  suggestedHasilKerja: 'DI_ATAS' | 'SESUAI' | 'DI_BAWAH' | null;
  @ApiProperty({ enum: ['DI_ATAS', 'SESUAI', 'DI_BAWAH'] })
  ratingHasilKerja: 'DI_ATAS' | 'SESUAI' | 'DI_BAWAH';
  @ApiProperty({ type: String, nullable: true })
  deviationReason: string | null;
  @ApiProperty({ type: () => EvaluationStateResponsePerilaku })
  perilaku: EvaluationStateResponsePerilaku;
  @ApiProperty({ enum: ['DI_ATAS', 'SESUAI', 'DI_BAWAH'] })
  ratingPerilaku: 'DI_ATAS' | 'SESUAI' | 'DI_BAWAH';
  @ApiProperty({ enum: ['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'] })
  predikat: 'SANGAT_BAIK' | 'BAIK' | 'BUTUH_PERBAIKAN' | 'KURANG' | 'SANGAT_KURANG';
  @ApiProperty({ enum: ['BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG', 'ISTIMEWA'], nullable: true })
  unitPredikat: 'BAIK' | 'BUTUH_PERBAIKAN' | 'KURANG' | 'SANGAT_KURANG' | 'ISTIMEWA' | null;
  @ApiProperty({ type: String, description: 'Last day (Asia/Jakarta) on which an objection may be filed.' })
  objectionDeadline: string;
}
