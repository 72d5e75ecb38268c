import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

/** `?asOf=YYYY-MM-DD`: answer as the data stood on that date (default today, Asia/Jakarta). */
export class AsOfQuery {
  @ApiPropertyOptional({ description: 'Tanggal acuan (YYYY-MM-DD); bawaan hari ini', example: '2026-01-01' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  asOf?: string;
}

/** A change that must say why (audited) and may be back-dated: closing a unit or position, removing an override. */
export class ReasonedChangeDto {
  @ApiProperty({ example: 'Perampingan struktur sesuai Perwali' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason: string;

  @ApiPropertyOptional({ description: 'Tanggal berlaku (YYYY-MM-DD); bawaan hari ini' })
  @IsOptional()
  @IsString()
  effectiveDate?: string;
}
