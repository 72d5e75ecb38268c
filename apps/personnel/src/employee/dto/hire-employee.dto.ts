import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { JENIS_ASN, JENIS_KELAMIN, normalizeNomorInduk, type JenisAsn, type JenisKelamin } from '@capaian/kinerja';

export class HireEmployeeDto {
  @ApiProperty({ example: '199203152019031004', description: 'NIP (PNS/CPNS) atau NI PPPK, 18 digit; spasi, titik dan tanda hubung diabaikan' })
  // One rule for the API and the import: a NIP typed as "19920315 201903 1 004" is the same NIP.
  @Transform(({ value }) => (typeof value === 'string' ? normalizeNomorInduk(value) : value))
  @IsString()
  @MaxLength(40)
  nip: string;

  @ApiProperty({ example: 'Dimas Pratama' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: JENIS_ASN })
  @IsIn(JENIS_ASN as unknown as string[])
  jenisAsn: JenisAsn;

  @ApiProperty({ example: '1992-03-15' })
  @IsString()
  birthDate: string;

  @ApiProperty({ enum: JENIS_KELAMIN, description: 'L (laki-laki) atau P (perempuan)' })
  @IsIn(JENIS_KELAMIN as unknown as string[])
  sex: JenisKelamin;

  @ApiPropertyOptional({ example: 'III/b', description: 'PNS/CPNS: I/a–IV/e; PPPK: I–XVII' })
  @IsOptional()
  @IsString()
  @MaxLength(8)
  golongan?: string;

  @ApiPropertyOptional({ description: 'Jika diisi harus sesuai golongan' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  pangkat?: string;

  @ApiProperty({ description: 'Id atau kode jabatan' })
  @IsString()
  @IsNotEmpty()
  positionId: string;

  @ApiPropertyOptional({ example: 'dimas.pratama@palembang.go.id' })
  @IsOptional()
  @IsEmail()
  @MaxLength(200)
  email?: string;

  @ApiPropertyOptional({ description: 'TMT jabatan (YYYY-MM-DD); bawaan = tanggal berlaku' })
  @IsOptional()
  @IsString()
  tmtJabatan?: string;

  @ApiPropertyOptional({ description: 'Tanggal berlaku pengangkatan di sistem (YYYY-MM-DD), bawaan hari ini' })
  @IsOptional()
  @IsString()
  effectiveDate?: string;

  @ApiPropertyOptional({ default: true, description: 'Buat akun SSO Keycloak (username = NIP)' })
  @IsOptional()
  @IsBoolean()
  createAccount?: boolean;
}
