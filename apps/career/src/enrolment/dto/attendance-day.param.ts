import { IsString, IsUUID, Matches } from 'class-validator';

/** Path of `PUT /enrolments/:id/attendance/:day`. */
export class AttendanceDayParam {
  @IsUUID() id: string;
  @IsString() @Matches(/^\d{4}-\d{2}-\d{2}$/) day: string;
}
