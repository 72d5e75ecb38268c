import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** Body of `POST /partners`. */
export class CreatePartnerDto {
  @ApiProperty({ example: 'Universitas Sriwijaya', maxLength: 200 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: ['LEMBAGA_PENDIDIKAN', 'ORGANISASI_PROFESI'] })
  @IsIn(['LEMBAGA_PENDIDIKAN', 'ORGANISASI_PROFESI'])
  kind: 'LEMBAGA_PENDIDIKAN' | 'ORGANISASI_PROFESI';

  @ApiPropertyOptional({ example: 'Palembang', maxLength: 100 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  city?: string;
}
