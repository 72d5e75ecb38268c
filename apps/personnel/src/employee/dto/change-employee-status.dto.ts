import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { STATUS_PEGAWAI, type StatusPegawai } from '@capaian/kinerja';

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
