import { Injectable } from '@nestjs/common';
import { hasAnyRole, type Principal } from '@capaian/shared/auth';
import type { EntityManager } from 'typeorm';
import { AppraisalPeople } from '../personnel-view/appraisal-people';

/** The parts of an SKP that decide who may read it. */
export interface SkpAudience {
  nip: string;
  penilaiNip: string | null;
  atasanNip: string | null;
  opdCode: string | null;
  unitId: string | null;
}

/**
 * Who may read an SKP and everything under it (reports, evidence, evaluation, documents): the
 * employee, the penilai, the atasan penilai, the OPD admin of its OPD, BKPSDM, and a pimpinan
 * for the unit they head (the whole OPD for the head of the OPD).
 */
@Injectable()
export class SkpAccess {
  constructor(private readonly directory: AppraisalPeople) {}

  async canRead(m: EntityManager, principal: Principal, skp: SkpAudience): Promise<boolean> {
    if (hasAnyRole(principal, ['admin-bkpsdm'])) return true;
    const nip = principal.nip;
    if (nip && (nip === skp.nip || nip === skp.penilaiNip || nip === skp.atasanNip)) return true;
    if (hasAnyRole(principal, ['admin-opd']) && principal.opd && principal.opd === skp.opdCode) return true;
    if (hasAnyRole(principal, ['pimpinan']) && nip) {
      const me = await this.directory.employeeByNip(m, nip);
      if (me?.jabatan?.unitHead && me.unit) {
        if (me.unit.unitId === skp.unitId) return true;
        if (me.opd && me.unit.unitId === me.opd.unitId && me.opd.code === skp.opdCode) return true;
      }
    }
    return false;
  }

  /** Whether the caller may see an OPD's numbers: BKPSDM, the OPD's admin, or a pimpinan of it. */
  canReadOpd(principal: Principal, opdCode: string): boolean {
    if (hasAnyRole(principal, ['admin-bkpsdm'])) return true;
    return hasAnyRole(principal, ['admin-opd', 'pimpinan']) && principal.opd === opdCode;
  }
}
