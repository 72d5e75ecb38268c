// What the objection-reads endpoints answer, as their OpenAPI response schemas. Each handler is
// declared to return these classes, so the compiler keeps the schemas and the answers together.
import { ApiProperty } from '@nestjs/swagger';
import { ObjectionResponse } from './objections.responses';

export class ObjectionPage {
  @ApiProperty({ type: () => ObjectionResponse, isArray: true })
  items: ObjectionResponse[];
  @ApiProperty({ type: Number })
  page: number;
  @ApiProperty({ type: Number })
  size: number;
  @ApiProperty({ type: Number })
  total: number;
}
