import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { queryInteger } from '@capaian/shared/http';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** Query of `PUT /enrolments/:id/certificate` (the file itself is the request body). */
export class UploadCertificateQuery {
  @ApiProperty({ example: 40, description: 'JP yang tertera pada sertifikat' })
  @Transform(queryInteger)
  @IsInt()
  @Min(1)
  @Max(10_000)
  jp: number;

  @ApiPropertyOptional({ example: 'sttpp.pdf' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  fileName?: string;
}
