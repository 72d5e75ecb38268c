import { formatRupiah } from '../../development-program/domain/development-program';

/**
 * A yearly budget for competency development, per OPD or for BKPSDM centrally, in whole rupiah.
 * Every movement is a ledger row whose `amount` is its effect on the balance still available:
 *
 * | kind          | when                                   | amount            |
 * |---------------|----------------------------------------|-------------------|
 * | ALOKASI       | allocation raised or lowered           | + / −             |
 * | KOMITMEN      | an enrolment is approved               | − cost            |
 * | PELEPASAN     | an approved enrolment is cancelled     | + cost            |
 * | REALISASI     | the enrolment completes                | 0 (moves committed to realized) |
 *
 * so the balance is always the sum of the ledger, and the budget row keeps the three totals
 * (allocated, committed, realized) beside it. The balance never goes below zero: the database
 * refuses it (CHECK) and the commitment is one conditional UPDATE, not read-then-write.
 */
export const LEDGER_KINDS = ['ALOKASI', 'KOMITMEN', 'PELEPASAN', 'REALISASI'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

/** The owner code of the central budget; OPDs use their OPD code. */
export const CENTRAL_BUDGET_OWNER = 'BKPSDM';

export interface BudgetTotals {
  allocated: number;
  committed: number;
  realized: number;
  balance: number;
}

/**
 * Whether a movement made the balance fall to or below the warning threshold (a percentage of the
 * allocation still available). Reported once per crossing: only when the balance was above it before.
 */
export function crossedThreshold(allocated: number, balanceBefore: number, balanceAfter: number, thresholdPercent: number): boolean {
  if (allocated <= 0) return false;
  const limit = (allocated * thresholdPercent) / 100;
  return balanceBefore > limit && balanceAfter <= limit;
}

export { formatRupiah };
