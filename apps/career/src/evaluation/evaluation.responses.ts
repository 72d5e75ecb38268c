// What the evaluation endpoints answer, as their OpenAPI response schemas. Each handler is
// declared to return these classes, so the compiler keeps the schemas and the answers together.
import { ApiProperty } from '@nestjs/swagger';

export class EvaluationGiveResponse {
  @ApiProperty({ type: String })
  enrolmentId: string;
  @ApiProperty({ type: String, nullable: true })
  partnerId: string | null;
  @ApiProperty({ type: Number })
  content: number;
  @ApiProperty({ type: Number })
  facilitator: number;
  @ApiProperty({ type: Number })
  organisation: number;
}

export class EvaluationFollowResponse {
  @ApiProperty({ type: String })
  enrolmentId: string;
  @ApiProperty({ type: String, nullable: true })
  partnerId: string | null;
  @ApiProperty({ type: Number })
  application: number;
}
