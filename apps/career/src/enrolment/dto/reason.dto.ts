import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

/** Body of a rejection or cancellation. */
export class ReasonDto {
  @ApiProperty({ example: 'Bertugas dinas luar pada tanggal tersebut', maxLength: 1000 })
  @IsString()
  @MaxLength(1000)
  reason: string;
}
