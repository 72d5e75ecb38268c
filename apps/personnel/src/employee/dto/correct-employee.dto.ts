import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { JENIS_ASN, JENIS_KELAMIN, type JenisAsn, type JenisKelamin } from '@capaian/kinerja';

export class UpdateEmployeeDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsEmail()
  @MaxLength(200)
  email?: string | null;

  @ApiPropertyOptional({ description: 'Koreksi; harus sesuai NIP' })
  @IsOptional()
  @IsString()
  birthDate?: string;

  @ApiPropertyOptional({ enum: JENIS_KELAMIN, description: 'Koreksi; harus sesuai NIP' })
  @IsOptional()
  @IsIn(JENIS_KELAMIN as unknown as string[])
  sex?: JenisKelamin;

  @ApiPropertyOptional({ enum: JENIS_ASN, description: 'Hanya CPNS → PNS' })
  @IsOptional()
  @IsIn(JENIS_ASN as unknown as string[])
  jenisAsn?: JenisAsn;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  tmtJabatan?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  effectiveDate?: string;
}
