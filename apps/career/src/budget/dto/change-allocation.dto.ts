import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

/** Body of `POST /budgets/allocations`: raise (positive) or cut (negative) a yearly allocation. */
export class ChangeAllocationDto {
  @ApiProperty({ example: 2026 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  fiscalYear: number;

  @ApiProperty({ example: 'DISKOMINFO', description: 'Kode OPD, atau BKPSDM untuk anggaran pusat' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @IsString()
  @IsNotEmpty()
  @Matches(/^[A-Z0-9_-]{1,64}$/)
  ownerCode: string;

  @ApiProperty({ example: 150_000_000, description: 'Perubahan dalam rupiah (bilangan bulat; negatif untuk pengurangan)' })
  @IsInt()
  @Min(-Number.MAX_SAFE_INTEGER)
  @Max(Number.MAX_SAFE_INTEGER)
  change: number;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}
