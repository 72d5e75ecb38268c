import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { FREQUENCIES, type Frequency } from '../domain/cadence';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Body of `PUT /cadences/:year/:opdCode` (BKPSDM). */
export class SetCadenceDto {
  @ApiProperty({ enum: FREQUENCIES }) @IsIn(FREQUENCIES) frequency: Frequency;
  @ApiProperty({ format: 'date', example: '2026-01-31' }) @IsString() @Matches(DATE) planningDeadline: string;
  @ApiProperty({ example: 5 }) @IsInt() @Min(0) @Max(60) reportDays: number;
  @ApiProperty({ example: 10 }) @IsInt() @Min(0) @Max(90) feedbackDays: number;
  @ApiProperty({ format: 'date', example: '2027-01-31' }) @IsString() @Matches(DATE) ratingDeadline: string;
  @ApiProperty({ example: 14 }) @IsInt() @Min(1) @Max(90) objectionDays: number;
}
