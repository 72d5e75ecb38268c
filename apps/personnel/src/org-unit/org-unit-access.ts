import type { Principal } from '@capaian/shared/auth';
import { isBkpsdm, managesOpd } from '../common/access';
import { forbidden } from '../common/personnel.messages';
import { isOpdKind, type UnitKind } from './domain/org-unit.rules';

/** OPD-level units and the root are the city's business (BKPSDM); below that, the OPD's admin may act. */
export function assertCanManageUnit(p: Principal, unit: { kind: UnitKind; opd_code: string | null }): void {
  const cityLevel = unit.kind === 'PEMERINTAH_KOTA' || isOpdKind(unit.kind);
  if (cityLevel ? !isBkpsdm(p) : !managesOpd(p, unit.opd_code)) throw forbidden(cityLevel ? 'manageOpdUnit' : 'manageUnit');
}
