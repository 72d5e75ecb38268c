// What the jp-claims endpoints answer, as their OpenAPI response schemas. Each handler is
// declared to return these classes, so the compiler keeps the schemas and the answers together.
import { ApiProperty } from '@nestjs/swagger';

export class JpClaimCorrectionResponse {
  @ApiProperty({ type: String })
  id: string;
  @ApiProperty({ type: String })
  nip: string;
  @ApiProperty({ type: Number })
  year: number;
  @ApiProperty({ type: Number })
  jp: number;
  @ApiProperty({ type: Number })
  yearTotalJp: number;
}
