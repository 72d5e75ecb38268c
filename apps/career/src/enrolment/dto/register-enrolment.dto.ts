import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, Matches } from 'class-validator';

/** Body of `POST /sessions/:id/enrolments`: without `nip` the caller registers themselves; with it, a supervisor or admin nominates. */
export class RegisterEnrolmentDto {
  @ApiPropertyOptional({ example: '199203152019031004', description: 'NIP pegawai yang diusulkan (kosong: mendaftar sendiri)' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.replace(/\s+/g, '') : value))
  @IsString()
  @Matches(/^\d{18}$/)
  nip?: string;

  @ApiPropertyOptional({ default: false, description: 'Bersedia masuk daftar tunggu bila kuota penuh' })
  @IsOptional()
  @IsBoolean()
  joinWaitlist?: boolean;
}
