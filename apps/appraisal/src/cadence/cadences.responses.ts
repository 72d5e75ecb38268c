// What the cadences endpoints answer, as their OpenAPI response schemas. Each handler is
// declared to return these classes, so the compiler keeps the schemas and the answers together.
import { ApiProperty } from '@nestjs/swagger';

export class CalendarPeriodResponse {
  @ApiProperty({ type: Number, description: '1–12 for months, 1–4 for quarters.' })
  number: number;
  @ApiProperty({ type: String })
  name: string;
  @ApiProperty({ type: String })
  start: string;
  @ApiProperty({ type: String })
  end: string;
  @ApiProperty({ type: String })
  reportDue: string;
  @ApiProperty({ type: String })
  feedbackDue: string;
}

/** A year's cadence of an OPD, as both setting and reading it answer. */
export class CadenceResponse {
  @ApiProperty({ type: Number })
  year: number;
  @ApiProperty({ enum: ['BULANAN', 'TRIWULANAN'] })
  frequency: 'BULANAN' | 'TRIWULANAN';
  @ApiProperty({ type: String, description: 'Last day to have the SKP set.' })
  planningDeadline: string;
  @ApiProperty({ type: Number, description: 'Days after a period ends within which the employee reports it.' })
  reportDays: number;
  @ApiProperty({ type: Number, description: 'Days after a period ends within which the penilai gives feedback; the period locks after it.' })
  feedbackDays: number;
  @ApiProperty({ type: String, description: 'Last day of the year-end rating (in the next year).' })
  ratingDeadline: string;
  @ApiProperty({ type: Number, description: 'Days after the rating within which an objection may be filed.' })
  objectionDays: number;
  @ApiProperty({ type: () => CalendarPeriodResponse, isArray: true })
  periods: CalendarPeriodResponse[];
}
