import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** Body of `POST /skps/:id/return` and `/revise`: the notes or the reason (required). */
export class ReasonDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(4000) reason: string;
}
