import { Injectable } from '@nestjs/common';
import { PersonnelDirectory, type ProjectedEmployeeView } from '@capaian/shared/projection';
import type { EntityManager } from 'typeorm';
import type { Person } from './domain/person';

const ACTIVE = ['AKTIF', 'CUTI'];

function toPerson(e: ProjectedEmployeeView): Person {
  return {
    nip: e.nip,
    name: e.name,
    email: e.email,
    opdId: e.opd?.unitId ?? null,
    penilaiNip: e.pejabatPenilai?.nip ?? e.supervisor?.nip ?? null,
    atasanPenilaiNip: e.atasanPejabatPenilai?.nip ?? null,
  };
}

/**
 * Recipients from the shared personnel projection (the service's local read model of personnel,
 * `@capaian/shared/projection`). Only active employees (AKTIF, CUTI) are recipients. The admins of an
 * OPD and of BKPSDM are a read across the projection's role and employee tables, which the library's
 * PersonnelDirectory does not offer; this class only reads them.
 */
@Injectable()
export class RecipientDirectory {
  constructor(private readonly personnel: PersonnelDirectory) {}

  async activePerson(m: EntityManager, nip: string): Promise<Person | null> {
    const e = await this.personnel.employeeByNip(nip, m);
    return e && ACTIVE.includes(e.status) ? toPerson(e) : null;
  }

  async opdAdmins(m: EntityManager, opdId: string): Promise<Person[]> {
    return this.admins(m, `r.role = 'admin-opd' AND r.opd_id = $2::uuid`, [opdId]);
  }

  async bkpsdmAdmins(m: EntityManager): Promise<Person[]> {
    return this.admins(m, `r.role = 'admin-bkpsdm'`, []);
  }

  private async admins(m: EntityManager, condition: string, params: unknown[]): Promise<Person[]> {
    if (params.length > 0 && !/^[0-9a-f-]{36}$/i.test(String(params[0]))) return [];
    const rows: { nip: string }[] = await m.query(
      `SELECT e.nip FROM personnel_role r JOIN personnel_employee e ON e.id = r.employee_id
       WHERE r.granted AND e.core_version IS NOT NULL AND e.status = ANY($1) AND ${condition} ORDER BY e.nip`,
      [ACTIVE, ...params],
    );
    // One after the other: `m` is often a transaction's single connection, where queries sent
    // together only queue (and node-postgres warns that it will stop queueing them).
    const people: Person[] = [];
    for (const r of rows) {
      const p = await this.activePerson(m, r.nip);
      if (p) people.push(p);
    }
    return people;
  }
}
