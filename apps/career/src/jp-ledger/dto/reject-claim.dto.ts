import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** Body of `POST /jp/claims/:id/reject`. */
export class RejectClaimDto {
  @ApiProperty({ example: 'Sertifikat tidak mencantumkan JP', maxLength: 1000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason: string;
}
