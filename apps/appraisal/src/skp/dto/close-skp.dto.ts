import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Matches } from 'class-validator';
import { ReasonDto } from './reason.dto';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Body of `POST /skps/:id/close` (BKPSDM): why, the last day, and whether a new SKP opens the next day for the current position. */
export class CloseSkpDto extends ReasonDto {
  @ApiProperty({ format: 'date' }) @IsString() @Matches(DATE) endDate: string;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() openNew?: boolean;
}
