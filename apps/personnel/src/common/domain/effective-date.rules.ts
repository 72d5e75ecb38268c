import type { IsoDate, Violation } from '@capaian/kinerja';
import { PersonnelMessages } from '../personnel.messages';

/**
 * When a change of a unit, position or employee may take effect: not after today (the records
 * say what is, not what is planned) and not before the last recorded change (history is only
 * appended). The API and the import check dates with this one rule.
 */
export function checkEffectiveDate(date: IsoDate, limits: { today: IsoDate; lastChange?: IsoDate | null }, field = 'effectiveDate'): Violation | null {
  if (date > limits.today) return PersonnelMessages.violation('TANGGAL_BERLAKU_DI_MASA_DEPAN', { date, today: limits.today }, field);
  if (limits.lastChange && date < limits.lastChange) {
    return PersonnelMessages.violation('TANGGAL_BERLAKU_SEBELUM_PERUBAHAN_TERAKHIR', { since: limits.lastChange }, field);
  }
  return null;
}
