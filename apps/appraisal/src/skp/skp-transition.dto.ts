import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsObject, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Body of `POST /skps/:id/set`: the penilai's expectation per BerAKHLAK value (code → text). */
export class SetSkpDto {
  @ApiPropertyOptional({ example: { AKUNTABEL: 'Melaporkan capaian tepat waktu' } }) @IsOptional() @IsObject() expectations?: Record<string, string>;
}

/** Body of return, revise: the notes or reason (required). */
export class ReasonDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(4000) reason: string;
}

/** Body of `POST /skps/:id/close` (BKPSDM): why, the last day, and whether a new SKP opens the next day for the current position. */
export class CloseSkpDto extends ReasonDto {
  @ApiProperty({ format: 'date' }) @IsString() @Matches(DATE) endDate: string;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() openNew?: boolean;
}
