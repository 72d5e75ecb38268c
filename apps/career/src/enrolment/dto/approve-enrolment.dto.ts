import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';

/** Body of `POST /enrolments/:id/approve`: which budget pays (the person's OPD, or BKPSDM centrally). */
export class ApproveEnrolmentDto {
  @ApiProperty({ enum: ['OPD', 'BKPSDM'] })
  @IsIn(['OPD', 'BKPSDM'])
  fundedBy: 'OPD' | 'BKPSDM';
}
