import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { JENIS_ASN, JENIS_JABATAN, STATUS_PEGAWAI, type JenisAsn, type JenisJabatan, type StatusPegawai } from '@capaian/kinerja';
import { CountablePageQuery } from '../../common/dto';

/** Sorted by name, then NIP. Deep pages: follow `next` with `?after=` instead of raising `page`. */
export class EmployeeListQuery extends CountablePageQuery {
  @ApiPropertyOptional({ description: 'Kode OPD' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  opd?: string;

  @ApiPropertyOptional({ description: 'Id atau kode unit' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
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
  @MaxLength(10)
  asOf?: string;

  @ApiPropertyOptional({ description: 'Kursor halaman berikutnya (nilai next dari halaman sebelumnya); menggantikan page' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  after?: string;
}
