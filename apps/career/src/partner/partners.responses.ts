// What the partners endpoints answer, as their OpenAPI response schemas. Each handler is
// declared to return these classes, so the compiler keeps the schemas and the answers together.
import { ApiProperty } from '@nestjs/swagger';

export class PartnerRecordResponse {
  @ApiProperty({ type: String })
  id: string;
  @ApiProperty({ type: String })
  name: string;
  @ApiProperty({ enum: ['LEMBAGA_PENDIDIKAN', 'ORGANISASI_PROFESI'] })
  kind: 'LEMBAGA_PENDIDIKAN' | 'ORGANISASI_PROFESI';
  @ApiProperty({ type: String, nullable: true })
  city: string | null;
}

export class AgreementRecordResponse {
  @ApiProperty({ type: String })
  id: string;
  @ApiProperty({ type: String })
  partnerId: string;
  @ApiProperty({ enum: ['MOU', 'PKS'] })
  kind: 'MOU' | 'PKS';
  @ApiProperty({ type: String })
  number: string;
  @ApiProperty({ type: String })
  validFrom: string;
  @ApiProperty({ type: String })
  validUntil: string;
  @ApiProperty({ type: Number })
  quota: number;
  @ApiProperty({ type: Number })
  seatsUsed: number;
}

export class PartnerListResponseItem {
  @ApiProperty({ type: String })
  id: string;
  @ApiProperty({ type: String })
  name: string;
  @ApiProperty({ enum: ['LEMBAGA_PENDIDIKAN', 'ORGANISASI_PROFESI'] })
  kind: 'LEMBAGA_PENDIDIKAN' | 'ORGANISASI_PROFESI';
  @ApiProperty({ type: String, nullable: true })
  city: string | null;
  @ApiProperty({ type: () => AgreementRecordResponse, isArray: true })
  agreements: AgreementRecordResponse[];
}

export class PartnerScorecardResponse {
  @ApiProperty({ type: String })
  partnerId: string;
  @ApiProperty({ type: String })
  name: string;
  @ApiProperty({ type: Number })
  responses: number;
  @ApiProperty({ type: Number })
  followUps: number;
  @ApiProperty({ type: Number, nullable: true })
  content: number | null;
  @ApiProperty({ type: Number, nullable: true })
  facilitator: number | null;
  @ApiProperty({ type: Number, nullable: true })
  organisation: number | null;
  @ApiProperty({ type: Number, nullable: true })
  application: number | null;
  @ApiProperty({ type: Number, nullable: true, description: "Mean of the participants' average and the follow-up average (whichever exist), two decimals." })
  overall: number | null;
}
