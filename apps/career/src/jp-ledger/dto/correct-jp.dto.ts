import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsNotEmpty, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

/** Body of `POST /jp/corrections` (BKPSDM): a signed correction of an employee's year. */
export class CorrectJpDto {
  @ApiProperty({ example: '199203152019031004' })
  @Transform(({ value }) => (typeof value === 'string' ? value.replace(/\s+/g, '') : value))
  @IsString()
  @Matches(/^\d{18}$/)
  nip: string;

  @ApiProperty({ example: 2026 }) @IsInt() @Min(2000) @Max(2100) year: number;

  @ApiProperty({ example: -4, description: 'Perubahan JP (negatif untuk pengurangan)' }) @IsInt() @Min(-1000) @Max(1000) jp: number;

  @ApiProperty({ example: 'Koreksi JP seminar yang tercatat ganda', maxLength: 500 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  note: string;
}
