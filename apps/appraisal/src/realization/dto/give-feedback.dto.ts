import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** Body of `POST /skps/:id/periods/:number/feedback`. */
export class GiveFeedbackDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(4000) feedback: string;
}
