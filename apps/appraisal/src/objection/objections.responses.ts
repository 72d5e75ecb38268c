// What the objections endpoints answer, as their OpenAPI response schemas. Each handler is
// declared to return these classes, so the compiler keeps the schemas and the answers together.
import { ApiProperty } from '@nestjs/swagger';
import { PersonRef } from '../common/people.responses';
import { EvaluationStateResponse } from '../evaluation/evaluations.responses';

export class ObjectionResponse {
  @ApiProperty({ type: String })
  id: string;
  @ApiProperty({ enum: ['DIAJUKAN', 'DITERIMA', 'DITOLAK'] })
  status: 'DIAJUKAN' | 'DITERIMA' | 'DITOLAK';
  @ApiProperty({ type: String })
  reason: string;
  @ApiProperty({ type: String, nullable: true })
  decision: string | null;
  @ApiProperty({ type: String })
  filedAt: string;
  @ApiProperty({ type: String, nullable: true })
  decidedAt: string | null;
  @ApiProperty({ type: String })
  evaluationId: string;
  @ApiProperty({ type: String })
  skpId: string;
  @ApiProperty({ type: Number })
  year: number;
  @ApiProperty({ type: () => PersonRef })
  employee: PersonRef;
  @ApiProperty({ type: () => PersonRef, nullable: true })
  penilai: PersonRef | null;
  @ApiProperty({ type: String, nullable: true })
  atasanNip: string | null;
  @ApiProperty({ enum: ['DI_ATAS', 'SESUAI', 'DI_BAWAH'], description: "The evaluation's ratings now: those objected to while waiting, the final ones after a decision." })
  ratingHasilKerja: 'DI_ATAS' | 'SESUAI' | 'DI_BAWAH';
  @ApiProperty({ enum: ['DI_ATAS', 'SESUAI', 'DI_BAWAH'] })
  ratingPerilaku: 'DI_ATAS' | 'SESUAI' | 'DI_BAWAH';
  @ApiProperty({ type: String })
  predikat: string;
  @ApiProperty({ enum: ['DI_ATAS', 'SESUAI', 'DI_BAWAH'], nullable: true })
  newRatingHasilKerja: 'DI_ATAS' | 'SESUAI' | 'DI_BAWAH' | null;
  @ApiProperty({ enum: ['DI_ATAS', 'SESUAI', 'DI_BAWAH'], nullable: true })
  newRatingPerilaku: 'DI_ATAS' | 'SESUAI' | 'DI_BAWAH' | null;
}

export class SkpEvaluation {
  @ApiProperty({ type: () => EvaluationStateResponse, nullable: true })
  evaluation: EvaluationStateResponse | null;
  @ApiProperty({ type: () => ObjectionResponse, nullable: true })
  objection: ObjectionResponse | null;
}

export class ObjectionStateResponse {
  @ApiProperty({ type: String })
  id: string;
  @ApiProperty({ type: String })
  evaluationId: string;
  @ApiProperty({ type: String })
  employeeNip: string;
  @ApiProperty({ type: String, nullable: true })
  atasanNip: string | null;
  @ApiProperty({ enum: ['DIAJUKAN', 'DITERIMA', 'DITOLAK'] })
  status: 'DIAJUKAN' | 'DITERIMA' | 'DITOLAK';
  @ApiProperty({ type: String })
  reason: string;
  @ApiProperty({ type: String, nullable: true })
  decision: string | null;
  @ApiProperty({ enum: ['DI_ATAS', 'SESUAI', 'DI_BAWAH'], nullable: true })
  newRatingHasilKerja: 'DI_ATAS' | 'SESUAI' | 'DI_BAWAH' | null;
  @ApiProperty({ enum: ['DI_ATAS', 'SESUAI', 'DI_BAWAH'], nullable: true })
  newRatingPerilaku: 'DI_ATAS' | 'SESUAI' | 'DI_BAWAH' | null;
}
