import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/** `?asOf=YYYY-MM-DD`: answer as the data stood on that date (default today, Asia/Jakarta). */
export class AsOfQuery {
  @ApiPropertyOptional({ description: 'Tanggal acuan (YYYY-MM-DD); bawaan hari ini', example: '2026-01-01' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  asOf?: string;
}
