// What the sessions endpoints answer, as their OpenAPI response schemas. Each handler is
// declared to return these classes, so the compiler keeps the schemas and the answers together.
import { ApiProperty } from '@nestjs/swagger';

export class SessionRecordResponse {
  @ApiProperty({ type: String })
  id: string;
  @ApiProperty({ type: String })
  programId: string;
  @ApiProperty({ type: String })
  programName: string;
  @ApiProperty({ enum: ['pelatihan_klasikal', 'seminar', 'workshop', 'pelatihan_dasar', 'pka', 'pkp', 'pkn_i', 'pkn_ii', 'e_learning', 'coaching', 'mentoring', 'detasering', 'benchmarking', 'magang', 'belajar_mandiri', 'komunitas_belajar'] })
  form: 'pelatihan_klasikal' | 'seminar' | 'workshop' | 'pelatihan_dasar' | 'pka' | 'pkp' | 'pkn_i' | 'pkn_ii' | 'e_learning' | 'coaching' | 'mentoring' | 'detasering' | 'benchmarking' | 'magang' | 'belajar_mandiri' | 'komunitas_belajar';
  @ApiProperty({ enum: ['nasional', 'internasional'] })
  scope: 'nasional' | 'internasional';
  @ApiProperty({ type: Number })
  jp: number;
  @ApiProperty({ type: [String] })
  eligiblePositionKinds: string[];
  @ApiProperty({ type: String, nullable: true })
  partnerId: string | null;
  @ApiProperty({ type: String, nullable: true })
  agreementId: string | null;
  @ApiProperty({ type: String })
  startDate: string;
  @ApiProperty({ type: String })
  endDate: string;
  @ApiProperty({ type: String })
  registrationOpens: string;
  @ApiProperty({ type: String })
  registrationCloses: string;
  @ApiProperty({ type: Boolean })
  online: boolean;
  @ApiProperty({ type: String, nullable: true })
  location: string | null;
  @ApiProperty({ type: Number })
  quota: number;
  @ApiProperty({ type: Number })
  seatsTaken: number;
  @ApiProperty({ type: Number })
  costPerParticipant: number;
}
