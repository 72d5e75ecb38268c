import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { updateReturning } from '../../common/sql';
import type { LedgerKind } from '../domain/budget';

/** Amounts in ledger notes, as users read them (Rp 1.500.000). */
const RUPIAH = new Intl.NumberFormat('id-ID', { style: 'currency', currency: 'IDR', maximumFractionDigits: 0 });

export interface BudgetRecord {
  id: string;
  fiscalYear: number;
  ownerCode: string;
  allocated: number;
  committed: number;
  realized: number;
  balance: number;
  thresholdPercent: number;
}

export const BUDGET_COLUMNS = `id, fiscal_year AS "fiscalYear", owner_code AS "ownerCode", allocated::float8 AS allocated, committed::float8 AS committed,
  realized::float8 AS realized, balance::float8 AS balance, threshold_percent AS "thresholdPercent"`;

export interface Movement {
  kind: LedgerKind;
  amount: number;
  enrolmentId?: string | null;
  note?: string | null;
  actor: string;
  at: Date;
}

/**
 * The only writer of `budget` and `budget_ledger`. Every change of the totals is one statement that
 * also checks the rule (the CHECK constraints refuse a negative balance in any case), followed by
 * its ledger row in the same transaction; nothing reads a balance and writes it back.
 */
@Injectable()
export class BudgetRepository {
  async find(m: EntityManager, id: string): Promise<BudgetRecord | null> {
    const [row] = await m.query(`SELECT ${BUDGET_COLUMNS} FROM budget WHERE id = $1`, [id]);
    return row ?? null;
  }

  async findFor(m: EntityManager, fiscalYear: number, ownerCode: string): Promise<BudgetRecord | null> {
    const [row] = await m.query(`SELECT ${BUDGET_COLUMNS} FROM budget WHERE fiscal_year = $1 AND owner_code = $2`, [fiscalYear, ownerCode]);
    return row ?? null;
  }

  /** The budget of the year and owner, created empty on first use (concurrent creators meet on the unique key). */
  async ensure(m: EntityManager, fiscalYear: number, ownerCode: string, at: Date): Promise<void> {
    await m.query(`INSERT INTO budget (fiscal_year, owner_code, created_at) VALUES ($1, $2, $3) ON CONFLICT (fiscal_year, owner_code) DO NOTHING`, [fiscalYear, ownerCode, at]);
  }

  /** Raises or lowers the allocation; a cut larger than the balance still available changes nothing (null). */
  async changeAllocation(m: EntityManager, fiscalYear: number, ownerCode: string, change: number, movement: Omit<Movement, 'kind' | 'amount'>): Promise<BudgetRecord | null> {
    const [row] = await updateReturning<BudgetRecord>(m,
      `UPDATE budget SET allocated = allocated + $3, balance = balance + $3
        WHERE fiscal_year = $1 AND owner_code = $2 AND balance + $3 >= 0 RETURNING ${BUDGET_COLUMNS}`,
      [fiscalYear, ownerCode, change],
    );
    if (!row) return null;
    await this.ledger(m, row.id, { ...movement, kind: 'ALOKASI', amount: change });
    return row;
  }

  /**
   * Commits `amount` if and only if the balance covers it, in one conditional UPDATE: under many
   * concurrent approvals PostgreSQL serialises the updates on the row and re-checks the condition
   * against the latest committed balance, so exactly as many succeed as the balance affords.
   * Returns the totals before and after, or null when the balance does not cover it.
   */
  async commit(m: EntityManager, budgetId: string, amount: number, movement: Omit<Movement, 'kind' | 'amount'>): Promise<{ before: number; after: BudgetRecord } | null> {
    const [row] = await updateReturning<BudgetRecord>(m,
      `UPDATE budget SET committed = committed + $2, balance = balance - $2
        WHERE id = $1 AND balance >= $2 RETURNING ${BUDGET_COLUMNS}`,
      [budgetId, amount],
    );
    if (!row) return null;
    await this.ledger(m, budgetId, { ...movement, kind: 'KOMITMEN', amount: -amount });
    return { before: row.balance + amount, after: row };
  }

  /** A cancelled approval gives its commitment back. */
  async release(m: EntityManager, budgetId: string, amount: number, movement: Omit<Movement, 'kind' | 'amount'>): Promise<BudgetRecord> {
    const [row] = await updateReturning<BudgetRecord>(m,
      `UPDATE budget SET committed = committed - $2, balance = balance + $2 WHERE id = $1 RETURNING ${BUDGET_COLUMNS}`,
      [budgetId, amount],
    );
    await this.ledger(m, budgetId, { ...movement, kind: 'PELEPASAN', amount });
    return row;
  }

  /** A completed enrolment spends what was committed: no change to the balance, a row all the same. */
  async realize(m: EntityManager, budgetId: string, amount: number, movement: Omit<Movement, 'kind' | 'amount'>): Promise<BudgetRecord> {
    const [row] = await updateReturning<BudgetRecord>(m,
      `UPDATE budget SET committed = committed - $2, realized = realized + $2 WHERE id = $1 RETURNING ${BUDGET_COLUMNS}`,
      [budgetId, amount],
    );
    await this.ledger(m, budgetId, { ...movement, kind: 'REALISASI', amount: 0, note: movement.note ?? `Realisasi ${RUPIAH.format(amount)}: komitmen menjadi belanja, sisa anggaran tetap` });
    return row;
  }

  private async ledger(m: EntityManager, budgetId: string, mv: Movement): Promise<void> {
    await m.query(
      `INSERT INTO budget_ledger (budget_id, kind, amount, enrolment_id, note, actor, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [budgetId, mv.kind, mv.amount, mv.enrolmentId ?? null, mv.note ?? null, mv.actor, mv.at],
    );
  }
}
