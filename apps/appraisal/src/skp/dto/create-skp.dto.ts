import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { SkpContentDto } from './skp-content.dto';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Body of `POST /skps`: the caller drafts their own SKP. Dates default to the whole year. */
export class CreateSkpDto extends SkpContentDto {
  @ApiProperty({ example: 2026 }) @IsInt() @Min(2000) @Max(2100) year: number;
  @ApiPropertyOptional({ format: 'date' }) @IsOptional() @IsString() @Matches(DATE) startDate?: string;
  @ApiPropertyOptional({ format: 'date' }) @IsOptional() @IsString() @Matches(DATE) endDate?: string;
}
