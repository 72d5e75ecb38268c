import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

/** Body of `POST /partners/:id/agreements`: an MoU or a PKS with its validity and participant quota. */
export class CreateAgreementDto {
  @ApiProperty({ enum: ['MOU', 'PKS'] })
  @IsIn(['MOU', 'PKS'])
  kind: 'MOU' | 'PKS';

  @ApiProperty({ example: '800/123/BKPSDM/2026', maxLength: 100 })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  number: string;

  @ApiProperty({ format: 'date', example: '2026-01-01' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  validFrom: string;

  @ApiProperty({ format: 'date', example: '2026-12-31' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  validUntil: string;

  @ApiProperty({ example: 200, description: 'Jumlah peserta yang dapat dilayani selama perjanjian berlaku' })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  quota: number;
}
