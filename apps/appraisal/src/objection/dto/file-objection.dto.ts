import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** Body of `POST /evaluations/:id/objection` (the employee rated). */
export class FileObjectionDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(4000) reason: string;
}
