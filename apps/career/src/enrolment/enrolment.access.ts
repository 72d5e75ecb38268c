import type { Principal } from '@capaian/shared/auth';
import { isBkpsdm, isOpdAdminOf, type CareerPerson } from '../common/career-people';
import { EnrolmentMessages as M } from './enrolment.messages';
import type { EnrolmentRow } from './infrastructure/enrolment.repository';

/** BKPSDM manages every place; an OPD admin the places of their OPD's people. */
export function canManage(actor: Principal, row: Pick<EnrolmentRow, 'opdCode'>): boolean {
  return isBkpsdm(actor) || isOpdAdminOf(actor, row.opdCode);
}

/** The person, their supervisor, and the managers above. */
export function canSee(actor: Principal, self: CareerPerson | null, row: Pick<EnrolmentRow, 'opdCode' | 'nip' | 'supervisorId'>): boolean {
  return canManage(actor, row) || actor.nip === row.nip || (!!self && self.id === row.supervisorId);
}

export function requireBkpsdm(actor: Principal): void {
  if (!isBkpsdm(actor)) throw M.error('AKSES_PENDAFTARAN_DITOLAK');
}
