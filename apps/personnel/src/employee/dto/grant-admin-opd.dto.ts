import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString } from 'class-validator';

export class GrantAdminOpdDto {
  @ApiPropertyOptional({ description: 'Kode OPD; harus OPD tempat pegawai bekerja' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  opd?: string;
}
