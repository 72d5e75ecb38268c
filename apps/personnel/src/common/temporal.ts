import { isIsoDate, todayInJakarta, ViolationError, type IsoDate } from '@capaian/kinerja';
import { checkEffectiveDate } from './domain/effective-date.rules';
import { PersonnelMessages } from './personnel.messages';
import type { EntityManager } from 'typeorm';

/**
 * Validity intervals [valid_from, valid_to) of units, positions and employees. A change effective on
 * date D closes the open interval at D and opens a new one; a second change on the same date amends
 * the open interval. Changes are only accepted on or after the latest one and never in the future,
 * so history is append-only and the current row always equals the open interval.
 */
export type HistoryTable = 'org_unit_history' | 'position_history' | 'employee_history';

const KEY_COLUMN: Record<HistoryTable, string> = {
  org_unit_history: 'unit_id',
  position_history: 'position_id',
  employee_history: 'employee_id',
};

/** The date a change takes effect: given (YYYY-MM-DD, not in the future) or today in Asia/Jakarta. */
export function effectiveDate(value: string | undefined | null, field = 'effectiveDate'): IsoDate {
  const today = todayInJakarta();
  if (value === undefined || value === null || value === '') return today;
  if (!isIsoDate(value)) throw PersonnelMessages.error('TANGGAL_TIDAK_VALID', {}, field);
  const refused = checkEffectiveDate(value, { today }, field);
  if (refused) throw new ViolationError(refused);
  return value;
}

/** A date the request may carry (birth date, TMT): absent, or a real calendar date. */
export function optionalDate(value: string | undefined | null, field: string): void {
  if (value !== undefined && value !== null && !isIsoDate(value)) throw PersonnelMessages.error('TANGGAL_TIDAK_VALID', {}, field);
}

/** The `asOf` of a query: a date (any, the future answers with the current state) or today. */
export function asOfDate(value: string | undefined | null): IsoDate {
  if (value === undefined || value === null || value === '') return todayInJakarta();
  if (!isIsoDate(value)) throw PersonnelMessages.error('TANGGAL_TIDAK_VALID', {}, 'asOf');
  return value;
}

/** SQL condition "interval of alias holds on the date in parameter $n". */
export function validOn(alias: string, param: string): string {
  return `${alias}.valid_from <= ${param}::date AND (${alias}.valid_to IS NULL OR ${alias}.valid_to > ${param}::date)`;
}

/**
 * Writes the new state of one aggregate effective on `date`. `values` are the history columns
 * (snake_case, trusted names from our code); `changes` names what changed, for the history view.
 */
export async function recordInterval(
  manager: EntityManager,
  table: HistoryTable,
  id: string,
  date: IsoDate,
  values: Record<string, unknown>,
  changes: readonly string[],
): Promise<void> {
  const key = KEY_COLUMN[table];
  const open: { id: string; valid_from: string }[] = await manager.query(
    `SELECT id, valid_from::text AS valid_from FROM ${table} WHERE ${key} = $1 AND valid_to IS NULL FOR UPDATE`,
    [id],
  );
  const columns = Object.keys(values);
  const params = columns.map((c) => values[c]);
  if (open.length === 1) {
    const current = open[0];
    const refused = checkEffectiveDate(date, { today: date, lastChange: current.valid_from });
    if (refused) throw new ViolationError(refused);
    if (current.valid_from === date) {
      const sets = columns.map((c, i) => `${c} = $${i + 2}`);
      await manager.query(
        `UPDATE ${table} SET ${[...sets, `changes = changes || $${columns.length + 2}::text[]`].join(', ')} WHERE id = $1`,
        [current.id, ...params, [...changes]],
      );
      return;
    }
    await manager.query(`UPDATE ${table} SET valid_to = $2 WHERE id = $1`, [current.id, date]);
  }
  const placeholders = columns.map((_, i) => `$${i + 3}`);
  await manager.query(
    `INSERT INTO ${table} (${key}, valid_from, ${columns.join(', ')}, changes) VALUES ($1, $2, ${placeholders.join(', ')}, $${columns.length + 3}::text[])`,
    [id, date, ...params, [...changes]],
  );
}

/** True if the aggregate has an open-at-date interval with status AKTIF (a unit or position that existed then). */
export async function existedOn(manager: EntityManager, table: 'org_unit_history' | 'position_history', id: string, date: IsoDate): Promise<boolean> {
  const rows = await manager.query(`SELECT 1 FROM ${table} h WHERE h.${KEY_COLUMN[table]} = $1 AND ${validOn('h', '$2')} AND h.status = 'AKTIF'`, [id, date]);
  return rows.length > 0;
}
