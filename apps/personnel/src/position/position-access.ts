import type { Principal } from '@capaian/shared/auth';
import { isBkpsdm, managesOpd } from '../common/access';
import { forbidden } from '../common/personnel.messages';
import { isOpdKind, type UnitKind } from '../org-unit/domain/org-unit.rules';

/** Who may change a position: its OPD's admin, BKPSDM; the head of an OPD (or of the city) only BKPSDM. */
export function assertCanManagePosition(p: Principal, unitKind: UnitKind, opdCode: string | null, head: boolean): void {
  if (head && (unitKind === 'PEMERINTAH_KOTA' || isOpdKind(unitKind))) {
    if (!isBkpsdm(p)) throw forbidden('manageOpdHead');
    return;
  }
  if (unitKind === 'PEMERINTAH_KOTA' ? !isBkpsdm(p) : !managesOpd(p, opdCode)) throw forbidden('managePosition');
}
