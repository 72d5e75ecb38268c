import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@capaian/shared/auth';
import { todayInJakarta } from '@capaian/kinerja';
import { DataSource, type EntityManager } from 'typeorm';
import { managesOpd, readsOpd } from '../common/access';
import { NotFound, forbidden } from '../common/problems';
import { chainIdsAt } from '../reporting/infrastructure/reporting.queries';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async find(ref: string, manager: EntityManager = this.dataSource.manager): Promise<EmployeeKey> {
    const byId = UUID.test(ref);
    if (!byId && !/^\d{18}$/.test(ref)) throw NotFound.employee(ref);
    const rows = await manager.query(
      `SELECT e.id, e.nip, e.status, o.code AS opd_code FROM employee e LEFT JOIN org_unit o ON o.id = e.opd_id WHERE ${byId ? 'e.id = $1::uuid' : 'e.nip = $1'}`,
      [ref],
    );
    if (rows.length === 0) throw NotFound.employee(ref);
    return { id: rows[0].id, nip: rows[0].nip, status: rows[0].status, opdCode: rows[0].opd_code };
  }

  /** The caller's own employee record (by the `nip` claim). */
  async self(principal: Principal): Promise<EmployeeKey> {
    if (!principal.nip) throw NotFound.employee('(token tanpa NIP)');
    return this.find(principal.nip);
  }

  async canRead(principal: Principal, target: EmployeeKey): Promise<boolean> {
    if (readsOpd(principal, target.opdCode)) return true;
    if (!principal.nip) return false;
    if (principal.nip === target.nip) return true;
    const viewer = await this.dataSource.query(`SELECT id FROM employee WHERE nip = $1`, [principal.nip]);
    if (viewer.length === 0) return false;
    const chain = await chainIdsAt(this.dataSource.manager, target.id, todayInJakarta());
    return chain.includes(viewer[0].id);
  }

  async assertCanRead(principal: Principal, target: EmployeeKey): Promise<void> {
    if (!(await this.canRead(principal, target))) throw forbidden('Anda hanya dapat melihat data Anda sendiri dan bawahan Anda');
  }

  assertCanManage(principal: Principal, opdCode: string | null): void {
    if (!managesOpd(principal, opdCode)) throw forbidden('Anda hanya dapat mengubah data pegawai di OPD Anda');
  }
}
