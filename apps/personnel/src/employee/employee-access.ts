import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@capaian/shared/auth';
import { normalizeNomorInduk, todayInJakarta } from '@capaian/kinerja';
import { DataSource, type EntityManager } from 'typeorm';
import { managesOpd, readsOpd } from '../common/access';
import { forbidden } from '../common/personnel.messages';
import { isUuid } from '../common/refs';
import { chainIdsAt } from '../reporting/infrastructure/reporting.queries';
import { EmployeeMessages } from './employee.messages';
import { EmployeeRepository } from './infrastructure/employee.repository';

export interface EmployeeKey {
  id: string;
  nip: string;
  status: string;
  opdCode: string | null;
}

/**
 * Finds employees by id or NIP and decides whether the caller may read or change them
 * (access matrix in common/access.ts). Reading someone below you is checked on today's reporting
 * lines: a former supervisor loses access when the line changes.
 */
@Injectable()
export class EmployeeAccess {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly employees: EmployeeRepository,
  ) {}

  /** By id, or by NIP written with or without spaces (the same rule as hiring and imports). */
  async find(ref: string, manager: EntityManager = this.dataSource.manager): Promise<EmployeeKey> {
    const nip = normalizeNomorInduk(ref);
    const key = isUuid(ref) ? await this.employees.findKey(manager, { id: ref }) : /^\d{18}$/.test(nip) ? await this.employees.findKey(manager, { nip }) : null;
    if (!key) throw EmployeeMessages.error('PEGAWAI_TIDAK_DITEMUKAN', { ref });
    return key;
  }

  /** The caller's own employee record (by the `nip` claim). */
  async self(principal: Principal): Promise<EmployeeKey> {
    if (!principal.nip) throw EmployeeMessages.error('PEGAWAI_TIDAK_DITEMUKAN', { ref: 'pemilik token (token tanpa NIP)' });
    return this.find(principal.nip);
  }

  async canRead(principal: Principal, target: EmployeeKey): Promise<boolean> {
    if (readsOpd(principal, target.opdCode)) return true;
    if (!principal.nip) return false;
    if (principal.nip === target.nip) return true;
    const viewerId = await this.employees.idByNip(this.dataSource.manager, principal.nip);
    if (!viewerId) return false;
    const chain = await chainIdsAt(this.dataSource.manager, target.id, todayInJakarta());
    return chain.includes(viewerId);
  }

  async assertCanRead(principal: Principal, target: EmployeeKey): Promise<void> {
    if (!(await this.canRead(principal, target))) throw forbidden('readEmployee');
  }

  assertCanManage(principal: Principal, opdCode: string | null): void {
    if (!managesOpd(principal, opdCode)) throw forbidden('manageEmployee');
  }
}
