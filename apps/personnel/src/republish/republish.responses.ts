// What the republish endpoints answer, as their OpenAPI response schemas. Each handler is
// declared to return these classes, so the compiler keeps the schemas and the answers together.
import { ApiProperty } from '@nestjs/swagger';

export class RepublishDurations {
  @ApiProperty({ type: Number })
  read: number;
  @ApiProperty({ type: Number })
  roles: number;
  @ApiProperty({ type: Number })
  publish: number;
  @ApiProperty({ type: Number })
  total: number;
}

export class Republish {
  @ApiProperty({ type: Number })
  units: number;
  @ApiProperty({ type: Number })
  positions: number;
  @ApiProperty({ type: Number })
  employees: number;
  @ApiProperty({ type: Number, description: 'Elevated role assignments included in the employee snapshots.' })
  roles: number;
  @ApiProperty({ type: String, description: 'The `time` of every snapshot: consumers keep a newer delta over it.' })
  time: string;
  @ApiProperty({ type: String })
  correlationId: string;
  @ApiProperty({ type: () => RepublishDurations })
  ms: RepublishDurations;
}
