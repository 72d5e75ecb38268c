import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/** Query of `PUT /jp/claims/:id/certificate` (the file is the request body). */
export class ClaimCertificateQuery {
  @ApiPropertyOptional({ example: 'sertifikat.pdf' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  fileName?: string;
}
