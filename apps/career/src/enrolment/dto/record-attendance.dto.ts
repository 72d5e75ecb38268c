import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';

/** Body of `PUT /enrolments/:id/attendance/:day`. */
export class RecordAttendanceDto {
  @ApiProperty() @IsBoolean() present: boolean;
}
