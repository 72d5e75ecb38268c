// What the realization endpoints answer, as their OpenAPI response schemas. Each handler is
// declared to return these classes, so the compiler keeps the schemas and the answers together.
import { ApiProperty } from '@nestjs/swagger';

export class RealizationLineResponse {
  @ApiProperty({ type: String })
  indicatorId: string;
  @ApiProperty({ type: Number })
  value: number;
  @ApiProperty({ type: String, nullable: true })
  note: string | null;
}

export class Evidence {
  @ApiProperty({ type: String })
  id: string;
  @ApiProperty({ type: Number })
  period: number;
  @ApiProperty({ type: String })
  indicatorId: string;
  @ApiProperty({ type: String })
  fileName: string;
  @ApiProperty({ type: String })
  contentType: string;
  @ApiProperty({ type: Number })
  size: number;
  @ApiProperty({ type: String })
  sha256: string;
  @ApiProperty({ type: String })
  uploadedBy: string;
  @ApiProperty({ type: String, format: 'date-time' })
  uploadedAt: Date;
}

export class Period {
  @ApiProperty({ enum: ['TERBUKA', 'DILAPORKAN', 'DITANGGAPI', 'TERKUNCI'] })
  status: 'TERBUKA' | 'DILAPORKAN' | 'DITANGGAPI' | 'TERKUNCI';
  @ApiProperty({ type: () => RealizationLineResponse, isArray: true })
  realizations: RealizationLineResponse[];
  @ApiProperty({ type: String, nullable: true })
  feedback: string | null;
  @ApiProperty({ type: () => Evidence, isArray: true })
  evidence: Evidence[];
  @ApiProperty({ type: Number, description: '1–12 for months, 1–4 for quarters.' })
  number: number;
  @ApiProperty({ type: String })
  name: string;
  @ApiProperty({ type: String })
  start: string;
  @ApiProperty({ type: String })
  end: string;
  @ApiProperty({ type: String })
  reportDue: string;
  @ApiProperty({ type: String })
  feedbackDue: string;
}

export class ReportStateResponse {
  @ApiProperty({ type: String })
  id: string;
  @ApiProperty({ type: String })
  skpId: string;
  @ApiProperty({ type: Number })
  number: number;
  @ApiProperty({ type: String })
  start: string;
  @ApiProperty({ type: String })
  end: string;
  @ApiProperty({ type: String })
  reportDue: string;
  @ApiProperty({ type: String })
  feedbackDue: string;
  @ApiProperty({ enum: ['TERBUKA', 'DILAPORKAN', 'DITANGGAPI', 'TERKUNCI'] })
  status: 'TERBUKA' | 'DILAPORKAN' | 'DITANGGAPI' | 'TERKUNCI';
  @ApiProperty({ type: () => RealizationLineResponse, isArray: true })
  realizations: RealizationLineResponse[];
  @ApiProperty({ type: String, nullable: true })
  feedback: string | null;
}
