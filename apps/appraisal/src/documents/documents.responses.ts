// What the documents endpoints answer, as their OpenAPI response schemas. Each handler is
// declared to return these classes, so the compiler keeps the schemas and the answers together.
import { ApiProperty } from '@nestjs/swagger';

export class VerificationResponseEmployee {
  @ApiProperty({ type: String })
  name: string;
  @ApiProperty({ type: String })
  nip: string;
}

export class VerificationResponse {
  @ApiProperty({ enum: ['SKP', 'EVALUASI_KINERJA'] })
  document: 'SKP' | 'EVALUASI_KINERJA';
  @ApiProperty({ type: () => VerificationResponseEmployee })
  employee: VerificationResponseEmployee;
  @ApiProperty({ type: Number })
  version: number;
  @ApiProperty({ type: String })
  issuedAt: string;
  @ApiProperty({ type: Boolean })
  current: boolean;
}
