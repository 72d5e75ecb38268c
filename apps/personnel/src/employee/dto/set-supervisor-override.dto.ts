import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class SupervisorOverrideDto {
  @ApiProperty({ description: 'Id atau NIP atasan yang ditunjuk' })
  @IsString()
  @IsNotEmpty()
  supervisorId: string;

  @ApiProperty({ example: 'Data atasan di SIASN keliru; atasan sebenarnya sesuai SK penugasan' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  effectiveDate?: string;
}
