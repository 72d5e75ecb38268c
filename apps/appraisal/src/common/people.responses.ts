// A person as the appraisal answers name them (the employee, the penilai), as an OpenAPI schema.
import { ApiProperty } from '@nestjs/swagger';

export class PersonRef {
  @ApiProperty({ type: String })
  nip: string;
  @ApiProperty({ type: String })
  name: string;
}
