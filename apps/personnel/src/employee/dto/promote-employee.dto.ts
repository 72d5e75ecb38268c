import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class PromoteEmployeeDto {
  @ApiProperty({ example: 'III/c' })
  @IsString()
  @MaxLength(8)
  golongan: string;

  @ApiProperty({ example: '2026-04-01' })
  @IsString()
  effectiveDate: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  nomorSk?: string;
}
