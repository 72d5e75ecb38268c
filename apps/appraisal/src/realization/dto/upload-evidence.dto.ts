import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

/** Query of `POST /skps/:id/periods/:number/evidence` (the file itself is the request body). */
export class UploadEvidenceQuery {
  @ApiProperty({ format: 'uuid' }) @IsUUID() indicatorId: string;
  @ApiPropertyOptional({ example: 'laporan-januari.pdf' }) @IsOptional() @IsString() @MaxLength(255) fileName?: string;
}
