// The small references the personnel answers embed (a unit, an OPD, a position), as OpenAPI
// schemas: one class a shape, so that each reference reads the same wherever it appears.
import { ApiProperty } from '@nestjs/swagger';

/** A unit, OPD or position by id and code. */
export class CodedRef {
  @ApiProperty({ type: String })
  id: string;
  @ApiProperty({ type: String })
  code: string;
}

/** A unit, OPD or position by id, code and name. */
export class NamedRef extends CodedRef {
  @ApiProperty({ type: String })
  name: string;
}
