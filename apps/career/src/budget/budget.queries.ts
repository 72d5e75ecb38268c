import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@capaian/shared/auth';
import { DataSource } from 'typeorm';
import { isBkpsdm } from '../common/career-people';
import { BudgetMessages as M } from './budget.messages';
import { BUDGET_COLUMNS, type BudgetRecord } from './infrastructure/budget.repository';

export interface LedgerRow {
  id: number;
  kind: string;
  amount: number;
  enrolmentId: string | null;
  note: string | null;
  actor: string;
  createdAt: string;
}

/** Reads of budgets: BKPSDM sees every budget, an OPD admin their OPD's. */
@Injectable()
export class BudgetQueries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(actor: Principal, year: number): Promise<BudgetRecord[]> {
    if (isBkpsdm(actor)) return this.dataSource.query(`SELECT ${BUDGET_COLUMNS} FROM budget WHERE fiscal_year = $1 ORDER BY owner_code`, [year]);
    return this.dataSource.query(`SELECT ${BUDGET_COLUMNS} FROM budget WHERE fiscal_year = $1 AND owner_code = $2`, [year, actor.opd ?? '']);
  }

  /** The budget with its ledger; the ledger sums to the balance. */
  async withLedger(actor: Principal, id: string): Promise<BudgetRecord & { ledger: LedgerRow[]; ledgerSum: number }> {
    const [budget]: BudgetRecord[] = await this.dataSource.query(`SELECT ${BUDGET_COLUMNS} FROM budget WHERE id = $1`, [id]);
    if (!budget) throw M.error('ANGGARAN_TIDAK_DITEMUKAN');
    if (!isBkpsdm(actor) && actor.opd !== budget.ownerCode) throw M.error('AKSES_ANGGARAN_DITOLAK');
    const ledger: LedgerRow[] = await this.dataSource.query(
      `SELECT id::int, kind, amount::float8 AS amount, enrolment_id AS "enrolmentId", note, actor, created_at AS "createdAt" FROM budget_ledger WHERE budget_id = $1 ORDER BY id`,
      [id],
    );
    return { ...budget, ledger, ledgerSum: ledger.reduce((s, r) => s + r.amount, 0) };
  }
}
