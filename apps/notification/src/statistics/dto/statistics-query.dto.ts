import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';

export class StatisticsQueryDto {
  @ApiPropertyOptional({ format: 'date-time', description: 'Awal rentang (default: 30 hari lalu)' })
  @IsOptional()
  @IsISO8601()
  dari?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Akhir rentang (default: sekarang)' })
  @IsOptional()
  @IsISO8601()
  sampai?: string;
}
