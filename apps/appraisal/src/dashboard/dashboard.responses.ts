// What the dashboard endpoints answer, as their OpenAPI response schemas. Each handler is
// declared to return these classes, so the compiler keeps the schemas and the answers together.
import { ApiProperty } from '@nestjs/swagger';

export class CompletionDashboardResponsePlanning {
  @ApiProperty({ type: String })
  deadline: string;
  @ApiProperty({ type: Boolean })
  passed: boolean;
}

export class CompletionDashboardResponseTotals {
  @ApiProperty({ type: Number })
  employees: number;
  @ApiProperty({ type: Number })
  notPlanned: number;
  @ApiProperty({ type: Number })
  notReported: number;
  @ApiProperty({ type: Number })
  notRated: number;
}

export class UnitCompletionResponse {
  @ApiProperty({ type: String })
  unitId: string;
  @ApiProperty({ type: String })
  code: string;
  @ApiProperty({ type: String })
  name: string;
  @ApiProperty({ type: Number })
  employees: number;
  @ApiProperty({ type: Number })
  notPlanned: number;
  @ApiProperty({ type: Number })
  notReported: number;
  @ApiProperty({ type: Number })
  notRated: number;
}

export class PersonResponse {
  @ApiProperty({ type: String })
  nip: string;
  @ApiProperty({ type: String })
  name: string;
  @ApiProperty({ type: String, nullable: true })
  unitId: string | null;
}

export class CompletionDashboardResponseNotReportedItem {
  @ApiProperty({ type: String })
  nip: string;
  @ApiProperty({ type: String })
  name: string;
  @ApiProperty({ type: String, nullable: true })
  unitId: string | null;
  @ApiProperty({ type: [Number] })
  missingPeriods: number[];
}

export class PenilaiBacklogResponse {
  @ApiProperty({ type: String })
  nip: string;
  @ApiProperty({ type: String })
  name: string;
  @ApiProperty({ type: Number })
  skpToSet: number;
  @ApiProperty({ type: Number })
  reportsToAnswer: number;
  @ApiProperty({ type: Number })
  toRate: number;
  @ApiProperty({ type: Number })
  peopleWaiting: number;
}

export class CompletionDashboardResponse {
  @ApiProperty({ type: String })
  opdCode: string;
  @ApiProperty({ type: Number })
  year: number;
  @ApiProperty({ type: String })
  asOf: string;
  @ApiProperty({ type: () => CompletionDashboardResponsePlanning, description: "The OPD calendar's planning deadline, and whether it has passed (then everyone not planned is late)." })
  planning: CompletionDashboardResponsePlanning;
  @ApiProperty({ type: () => CompletionDashboardResponseTotals })
  totals: CompletionDashboardResponseTotals;
  @ApiProperty({ type: () => UnitCompletionResponse, isArray: true })
  units: UnitCompletionResponse[];
  @ApiProperty({ type: () => PersonResponse, isArray: true })
  notPlanned: PersonResponse[];
  @ApiProperty({ type: () => CompletionDashboardResponseNotReportedItem, isArray: true })
  notReported: CompletionDashboardResponseNotReportedItem[];
  @ApiProperty({ type: () => PersonResponse, isArray: true })
  notRated: PersonResponse[];
  @ApiProperty({ type: () => PenilaiBacklogResponse, isArray: true })
  penilai: PenilaiBacklogResponse[];
}
