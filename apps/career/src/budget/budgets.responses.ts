// What the budgets endpoints answer, as their OpenAPI response schemas. Each handler is
// declared to return these classes, so the compiler keeps the schemas and the answers together.
import { ApiProperty } from '@nestjs/swagger';

export class BudgetRecordResponse {
  @ApiProperty({ type: String })
  id: string;
  @ApiProperty({ type: Number })
  fiscalYear: number;
  @ApiProperty({ type: String })
  ownerCode: string;
  @ApiProperty({ type: Number })
  allocated: number;
  @ApiProperty({ type: Number })
  committed: number;
  @ApiProperty({ type: Number })
  realized: number;
  @ApiProperty({ type: Number })
  balance: number;
  @ApiProperty({ type: Number })
  thresholdPercent: number;
}

export class Ledger {
  @ApiProperty({ type: Number })
  id: number;
  @ApiProperty({ type: String })
  kind: string;
  @ApiProperty({ type: Number })
  amount: number;
  @ApiProperty({ type: String, nullable: true })
  enrolmentId: string | null;
  @ApiProperty({ type: String, nullable: true })
  note: string | null;
  @ApiProperty({ type: String })
  actor: string;
  @ApiProperty({ type: String })
  createdAt: string;
}

export class BudgetOneResponse {
  @ApiProperty({ type: String })
  id: string;
  @ApiProperty({ type: Number })
  fiscalYear: number;
  @ApiProperty({ type: String })
  ownerCode: string;
  @ApiProperty({ type: Number })
  allocated: number;
  @ApiProperty({ type: Number })
  committed: number;
  @ApiProperty({ type: Number })
  realized: number;
  @ApiProperty({ type: Number })
  balance: number;
  @ApiProperty({ type: Number })
  thresholdPercent: number;
  @ApiProperty({ type: () => Ledger, isArray: true })
  ledger: Ledger[];
  @ApiProperty({ type: Number })
  ledgerSum: number;
}
