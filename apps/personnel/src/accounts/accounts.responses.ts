// What the accounts endpoints answer, as their OpenAPI response schemas. Each handler is
// declared to return these classes, so the compiler keeps the schemas and the answers together.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class AccountStateResponse {
  @ApiProperty({ enum: ['TIDAK_ADA', 'AKTIF', 'NONAKTIF', 'GAGAL'] })
  status: 'TIDAK_ADA' | 'AKTIF' | 'NONAKTIF' | 'GAGAL';
  @ApiProperty({ type: String, nullable: true })
  accountId: string | null;
  @ApiProperty({ type: String })
  username: string;
  @ApiProperty({ type: String, nullable: true })
  error: string | null;
  @ApiPropertyOptional({ type: [String] })
  roles?: string[];
}
