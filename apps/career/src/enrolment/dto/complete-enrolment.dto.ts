import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';

/** Body of `POST /enrolments/:id/complete`. */
export class CompleteEnrolmentDto {
  @ApiProperty({ description: 'Lulus (true) atau tidak lulus (false)' }) @IsBoolean() passed: boolean;
}
