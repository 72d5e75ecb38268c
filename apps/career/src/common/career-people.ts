import { Injectable } from '@nestjs/common';
import type { Principal } from '@capaian/shared/auth';
import { recordAudit } from '@capaian/shared/persistence';
import { PersonnelDirectory, type ProjectedEmployeeView } from '@capaian/shared/projection';
import type { EntityManager } from 'typeorm';
import { CareerPeopleMessages } from './career-people.messages';


/** An employee as career needs them, from the local personnel projection. */
export interface CareerPerson {
  id: string;
  nip: string;
  name: string;
  status: string;
  jenisAsn: string;
  positionKind: string | null;
  opdCode: string | null;
  supervisorId: string | null;
}

export function careerPersonOf(e: ProjectedEmployeeView): CareerPerson {
  return {
    id: e.id,
    nip: e.nip,
    name: e.name,
    status: e.status,
    jenisAsn: e.jenisAsn,
    positionKind: e.position?.jenisJabatan ?? null,
    opdCode: e.opd?.code ?? null,
    supervisorId: e.supervisor?.employeeId ?? null,
  };
}

export const isBkpsdm = (p: Principal): boolean => p.roles.includes('admin-bkpsdm');
/** An OPD admin acting on their own OPD (the OPD code is the token's `opd` claim). */
export const isOpdAdminOf = (p: Principal, opdCode: string | null): boolean => p.roles.includes('admin-opd') && !!p.opd && p.opd === opdCode;
export const isAdmin = (p: Principal): boolean => isBkpsdm(p) || p.roles.includes('admin-opd');

/**
 * Career reads personnel only through its projection (`@capaian/shared/projection`): the caller's
 * employee record, anyone's by NIP, and reporting lines.
 */
@Injectable()
export class CareerPeople {
  constructor(private readonly directory: PersonnelDirectory) {}

  /** The caller as an employee; refused when the projection does not know them yet. */
  async self(principal: Principal, m?: EntityManager): Promise<CareerPerson> {
    const e = principal.nip ? await this.directory.employeeByNip(principal.nip, m) : null;
    if (!e) throw CareerPeopleMessages.error('PEGAWAI_BELUM_DIKENAL');
    return careerPersonOf(e);
  }

  async selfOrNull(principal: Principal, m?: EntityManager): Promise<CareerPerson | null> {
    const e = principal.nip ? await this.directory.employeeByNip(principal.nip, m) : null;
    return e ? careerPersonOf(e) : null;
  }

  async byNip(nip: string, m?: EntityManager): Promise<CareerPerson> {
    const e = await this.directory.employeeByNip(nip, m);
    if (!e) throw CareerPeopleMessages.error('PEGAWAI_NIP_TIDAK_DIKENAL', { nip }, 'nip');
    return careerPersonOf(e);
  }
}

/** The audit entry of a career change, with the actor taken from the principal. */
export function audit(m: EntityManager, actor: Principal, entry: { action: string; entityType: string; entityId: string; from?: string | null; to?: string | null; reason?: string | null; details?: Record<string, unknown> }) {
  return recordAudit(m, {
    actor: actor.subject,
    actorNip: actor.nip ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    fromState: entry.from ?? null,
    toState: entry.to ?? null,
    reason: entry.reason ?? null,
    details: entry.details ?? null,
  });
}
