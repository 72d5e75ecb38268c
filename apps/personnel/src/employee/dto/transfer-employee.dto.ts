import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

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
