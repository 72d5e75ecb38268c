// What the reporting endpoints answer, as their OpenAPI response schemas. Each handler is
// declared to return these classes, so the compiler keeps the schemas and the answers together.
import { ApiProperty } from '@nestjs/swagger';
import { Employee } from '../employee/employees.responses';

export class Supervisor {
  @ApiProperty({ type: String })
  asOf: string;
  @ApiProperty({ type: () => Employee, nullable: true })
  supervisor: Employee | null;
  @ApiProperty({ type: Boolean, description: 'True when the supervisor comes from an explicit override.' })
  override: boolean;
}

/** Employees as they stood on `asOf`: someone's direct reports, or their chain of supervisors. */
export class EmployeesAsOfResponse {
  @ApiProperty({ type: String })
  asOf: string;
  @ApiProperty({ type: () => Employee, isArray: true })
  items: Employee[];
}

export class AppraisersResponse {
  @ApiProperty({ type: String })
  asOf: string;
  @ApiProperty({ type: () => Employee, nullable: true })
  pejabatPenilai: Employee | null;
  @ApiProperty({ type: () => Employee, nullable: true })
  atasanPejabatPenilai: Employee | null;
  @ApiProperty({ enum: ['ATASAN_LANGSUNG', 'PENUNJUKAN', 'ATASAN_BERJENJANG'], nullable: true })
  basis: 'ATASAN_LANGSUNG' | 'PENUNJUKAN' | 'ATASAN_BERJENJANG' | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why there is no pejabat penilai, when there is none.' })
  note: string | null;
}
