// What the enrolments endpoints answer, as their OpenAPI response schemas. Each handler is
// declared to return these classes, so the compiler keeps the schemas and the answers together.
import { ApiProperty } from '@nestjs/swagger';

export class EnrolmentCreateResponse {
  @ApiProperty({ type: String })
  id: string;
  @ApiProperty({ type: String })
  status: string;
}

export class EnrolmentResponse {
  @ApiProperty({ type: String })
  nip: string;
  @ApiProperty({ type: String })
  name: string;
  @ApiProperty({ type: String, nullable: true })
  opdCode: string | null;
  @ApiProperty({ type: String })
  jenisAsn: string;
  @ApiProperty({ type: String, nullable: true })
  positionKind: string | null;
  @ApiProperty({ type: String, nullable: true })
  supervisorId: string | null;
  @ApiProperty({ type: String, nullable: true })
  nominatedBy: string | null;
  @ApiProperty({ type: String, nullable: true })
  certificateFileName: string | null;
  @ApiProperty({ type: String, nullable: true })
  certificateContentType: string | null;
  @ApiProperty({ type: Number, nullable: true })
  certificateSize: number | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  waitlistedAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;
  @ApiProperty({ type: String })
  id: string;
  @ApiProperty({ type: String })
  sessionId: string;
  @ApiProperty({ type: String })
  employeeId: string;
  @ApiProperty({ enum: ['NOMINASI', 'MANDIRI'] })
  origin: 'NOMINASI' | 'MANDIRI';
  @ApiProperty({ enum: ['DIAJUKAN', 'DIVERIFIKASI', 'DITOLAK', 'DAFTAR_TUNGGU', 'DISETUJUI', 'LULUS', 'TIDAK_LULUS', 'SERTIFIKAT_DIUNGGAH', 'SELESAI', 'DIBATALKAN'] })
  status: 'DIAJUKAN' | 'DIVERIFIKASI' | 'DITOLAK' | 'DAFTAR_TUNGGU' | 'DISETUJUI' | 'LULUS' | 'TIDAK_LULUS' | 'SERTIFIKAT_DIUNGGAH' | 'SELESAI' | 'DIBATALKAN';
  @ApiProperty({ type: String, nullable: true, description: 'Budget the approval committed, and how much (integer rupiah); null before approval.' })
  budgetId: string | null;
  @ApiProperty({ type: Number })
  committedAmount: number;
  @ApiProperty({ type: Number, description: 'Days recorded present.' })
  daysPresent: number;
  @ApiProperty({ type: String, nullable: true })
  certificateKey: string | null;
  @ApiProperty({ type: Number, nullable: true })
  certificateJp: number | null;
  @ApiProperty({ type: Number, nullable: true })
  recognisedJp: number | null;
  @ApiProperty({ type: String, nullable: true })
  reason: string | null;
  @ApiProperty({ type: Number })
  version: number;
  @ApiProperty({ type: Boolean, description: 'Whether the participant has given their feedback on the session (once).' })
  feedbackGiven: boolean;
}
