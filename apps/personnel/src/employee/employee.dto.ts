import { ReasonedChangeDto } from '../common/dto';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { JENIS_ASN, JENIS_JABATAN, JENIS_KELAMIN, STATUS_PEGAWAI, type JenisAsn, type JenisJabatan, type JenisKelamin, type StatusPegawai } from '@capaian/kinerja';
import { PageQuery } from '@capaian/shared/http';

export class HireEmployeeDto {
  @ApiProperty({ example: '199203152019031004', description: 'NIP (PNS/CPNS) atau NI PPPK, 18 digit' })
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

export class TransferEmployeeDto {
  @ApiProperty({ description: 'Id atau kode jabatan tujuan' })
  @IsString()
  @IsNotEmpty()
  positionId: string;

  @ApiProperty({ example: '2026-07-01', description: 'TMT mutasi (YYYY-MM-DD)' })
  @IsString()
  effectiveDate: string;

  @ApiPropertyOptional({ example: '800/123/BKPSDM/2026' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  nomorSk?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;

  @ApiPropertyOptional({ description: 'TMT jabatan baru; bawaan = tanggal berlaku' })
  @IsOptional()
  @IsString()
  tmtJabatan?: string;
}

export class PromoteEmployeeDto {
  @ApiProperty({ example: 'III/c' })
  @IsString()
  @MaxLength(8)
  golongan: string;

  @ApiProperty({ example: '2026-04-01' })
  @IsString()
  effectiveDate: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  nomorSk?: string;
}

export class ChangeStatusDto {
  @ApiProperty({ enum: STATUS_PEGAWAI })
  @IsIn(STATUS_PEGAWAI as unknown as string[])
  status: StatusPegawai;

  @ApiProperty()
  @IsString()
  effectiveDate: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  nomorSk?: string;
}

export class SupervisorOverrideDto {
  @ApiProperty({ description: 'Id atau NIP atasan yang ditunjuk' })
  @IsString()
  @IsNotEmpty()
  supervisorId: string;

  @ApiProperty({ example: 'Data atasan di SIASN keliru; atasan sebenarnya sesuai SK penugasan' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  effectiveDate?: string;
}

export class RemoveOverrideDto extends ReasonedChangeDto {}

export class EmployeeListQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Kode OPD' })
  @IsOptional()
  @IsString()
  opd?: string;

  @ApiPropertyOptional({ description: 'Id atau kode unit' })
  @IsOptional()
  @IsString()
  unitId?: string;

  @ApiPropertyOptional({ enum: JENIS_JABATAN })
  @IsOptional()
  @IsIn(JENIS_JABATAN as unknown as string[])
  jenisJabatan?: JenisJabatan;

  @ApiPropertyOptional({ example: 'III/a' })
  @IsOptional()
  @IsString()
  @MaxLength(8)
  golongan?: string;

  @ApiPropertyOptional({ enum: JENIS_ASN })
  @IsOptional()
  @IsIn(JENIS_ASN as unknown as string[])
  jenisAsn?: JenisAsn;

  @ApiPropertyOptional({ enum: STATUS_PEGAWAI })
  @IsOptional()
  @IsIn(STATUS_PEGAWAI as unknown as string[])
  status?: StatusPegawai;

  @ApiPropertyOptional({ description: 'Awalan nama atau awalan NIP' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  asOf?: string;
}

export class GrantAdminOpdDto {
  @ApiPropertyOptional({ description: 'Kode OPD; harus OPD tempat pegawai bekerja' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  opd?: string;
}
