// What the jp-ledger endpoints answer, as their OpenAPI response schemas. Each handler is
// declared to return these classes, so the compiler keeps the schemas and the answers together.
import { ApiProperty } from '@nestjs/swagger';

export class Claim {
  @ApiProperty({ type: String })
  id: string;
  @ApiProperty({ type: String })
  employeeId: string;
  @ApiProperty({ type: String })
  nip: string;
  @ApiProperty({ type: String, nullable: true })
  opdCode: string | null;
  @ApiProperty({ type: String })
  title: string;
  @ApiProperty({ type: String })
  form: string;
  @ApiProperty({ type: String })
  organizer: string;
  @ApiProperty({ type: String })
  endDate: string;
  @ApiProperty({ type: Number })
  jp: number;
  @ApiProperty({ enum: ['DIAJUKAN', 'DIVERIFIKASI', 'DITOLAK'] })
  status: 'DIAJUKAN' | 'DIVERIFIKASI' | 'DITOLAK';
  @ApiProperty({ type: String, nullable: true })
  certificateKey: string | null;
  @ApiProperty({ type: String, nullable: true })
  certificateFileName: string | null;
  @ApiProperty({ type: String, nullable: true })
  reason: string | null;
  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;
}

/** One row of the JP ledger (read straight from the table, so written down here rather than derived). */
export class JpLedgerEntry {
  @ApiProperty({ type: Number })
  jp: number;
  @ApiProperty({ enum: ['PENDAFTARAN', 'KLAIM_EKSTERNAL', 'KOREKSI'] })
  source: 'PENDAFTARAN' | 'KLAIM_EKSTERNAL' | 'KOREKSI';
  @ApiProperty({ type: String, description: 'Pendaftaran, klaim atau koreksi yang mencatat JP ini' })
  sourceId: string;
  @ApiProperty({ type: String, nullable: true })
  note: string | null;
  @ApiProperty({ type: String, format: 'date-time' })
  recognisedAt: Date;
}

/** One employee's JP standing in a year, as the ledger and the at-risk list both answer it. */
export class JpStanding {
  @ApiProperty({ enum: ['PNS', 'CPNS', 'PPPK', 'PPPK_PARUH_WAKTU'] })
  jenisAsn: 'PNS' | 'CPNS' | 'PPPK' | 'PPPK_PARUH_WAKTU';
  @ApiProperty({ type: Number })
  totalJp: number;
  @ApiProperty({ type: Number, nullable: true })
  minimumJp: number | null;
  @ApiProperty({ type: Number, nullable: true })
  maximumJp: number | null;
  @ApiProperty({ type: Boolean, description: 'True when there is no minimum, or the total reaches it.' })
  meetsMinimum: boolean;
  @ApiProperty({ type: Number, description: 'JP still missing to reach the minimum; 0 without a minimum.' })
  shortfallJp: number;
  @ApiProperty({ type: Boolean, description: 'True when a ceiling exists and the total is above it.' })
  exceedsMaximum: boolean;
  @ApiProperty({ type: Number, nullable: true, description: 'JP that may still be given this year under the ceiling; null without a ceiling.' })
  remainingAllowanceJp: number | null;
  @ApiProperty({ type: Boolean, description: 'Meets the minimum and stays within the ceiling.' })
  compliant: boolean;
  @ApiProperty({ type: String })
  employeeId: string;
  @ApiProperty({ type: Number })
  plannedJp: number;
  @ApiProperty({ type: Boolean })
  atRisk: boolean;
  @ApiProperty({ type: String })
  nip: string;
  @ApiProperty({ type: String })
  name: string;
}

export class JpLedgerMeResponse extends JpStanding {
  @ApiProperty({ type: Number })
  year: number;
  @ApiProperty({ type: () => JpLedgerEntry, isArray: true })
  entries: JpLedgerEntry[];
}

export class JpLedgerComplianceResponseItem {
  @ApiProperty({ type: Number })
  employees: number;
  @ApiProperty({ type: Number, description: 'Employees with a minimum duty (PNS/CPNS by default).' })
  withMinimum: number;
  @ApiProperty({ type: Number })
  compliant: number;
  @ApiProperty({ type: Number })
  atRisk: number;
  @ApiProperty({ type: Number })
  totalJp: number;
  @ApiProperty({ type: Number, description: 'Compliant share of those with a minimum, in percent with one decimal; 100 when nobody owes a minimum.' })
  compliancePercent: number;
  @ApiProperty({ type: String, nullable: true })
  opdCode: string | null;
}

export class JpLedgerAtRiskResponseItem extends JpStanding {
  @ApiProperty({ type: String, nullable: true })
  opdCode: string | null;
}
