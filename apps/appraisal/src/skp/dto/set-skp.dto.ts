import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional } from 'class-validator';

/** Body of `POST /skps/:id/set`: the penilai's expectation per BerAKHLAK value (code → text). */
export class SetSkpDto {
  @ApiPropertyOptional({ example: { AKUNTABEL: 'Melaporkan capaian tepat waktu' } }) @IsOptional() @IsObject() expectations?: Record<string, string>;
}
