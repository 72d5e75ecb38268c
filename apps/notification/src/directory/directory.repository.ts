import { Injectable } from '@nestjs/common';
import type { EmployeeSnapshot } from '@capaian/contracts';
import type { EntityManager } from 'typeorm';
import { ACTIVE_STATUSES, type Person } from './domain/person';

type Row = { nip: string; name: string; email: string | null; opd_id: string | null; supervisor_nip: string | null };

const toPerson = (r: Row): Person => ({ nip: r.nip, name: r.name, email: r.email, opdId: r.opd_id, supervisorNip: r.supervisor_nip });

/**
 * The only code touching `directory_person` and `directory_role`: the service's local read model of
 * who works where and who supervises whom, kept from personnel's events (each carries a full
 * snapshot). An event older than the stored version (by event time) changes nothing, so a late
 * redelivery cannot roll a person back.
 */
@Injectable()
export class DirectoryRepository {
  async applyEmployee(m: EntityManager, e: EmployeeSnapshot, versionTime: string): Promise<void> {
    await m.query(
      `INSERT INTO directory_person (nip, employee_id, name, email, status, opd_id, opd_name, supervisor_nip, version_time)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (nip) DO UPDATE SET employee_id = EXCLUDED.employee_id, name = EXCLUDED.name, email = EXCLUDED.email,
         status = EXCLUDED.status, opd_id = EXCLUDED.opd_id, opd_name = EXCLUDED.opd_name, supervisor_nip = EXCLUDED.supervisor_nip,
         version_time = EXCLUDED.version_time
       WHERE directory_person.version_time <= EXCLUDED.version_time`,
      [e.nip, e.employeeId, e.name, e.email, e.status, e.opd?.unitId ?? null, e.opd?.name ?? null, e.supervisor?.nip ?? null, versionTime],
    );
  }

  async applySupervisor(m: EntityManager, nip: string, supervisorNip: string | null, versionTime: string): Promise<void> {
    await m.query(`UPDATE directory_person SET supervisor_nip = $2, version_time = $3 WHERE nip = $1 AND version_time <= $3`, [nip, supervisorNip, versionTime]);
  }

  async grantRole(m: EntityManager, nip: string, role: 'admin-opd' | 'admin-bkpsdm', opdId: string | null): Promise<void> {
    await m.query(`INSERT INTO directory_role (nip, role, opd_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [nip, role, opdId ?? '']);
  }

  async revokeRole(m: EntityManager, nip: string, role: 'admin-opd' | 'admin-bkpsdm', opdId: string | null): Promise<void> {
    await m.query(`DELETE FROM directory_role WHERE nip = $1 AND role = $2 AND opd_id = $3`, [nip, role, opdId ?? '']);
  }

  /** An active person, or null when unknown or no longer active. */
  async activePerson(m: EntityManager, nip: string): Promise<Person | null> {
    const rows: Row[] = await m.query(`SELECT nip, name, email, opd_id, supervisor_nip FROM directory_person WHERE nip = $1 AND status = ANY($2)`, [
      nip,
      ACTIVE_STATUSES,
    ]);
    return rows[0] ? toPerson(rows[0]) : null;
  }

  async opdAdmins(m: EntityManager, opdId: string): Promise<Person[]> {
    const rows: Row[] = await m.query(
      `SELECT p.nip, p.name, p.email, p.opd_id, p.supervisor_nip FROM directory_role r JOIN directory_person p ON p.nip = r.nip
       WHERE r.role = 'admin-opd' AND r.opd_id = $1 AND p.status = ANY($2) ORDER BY p.nip`,
      [opdId, ACTIVE_STATUSES],
    );
    return rows.map(toPerson);
  }

  async bkpsdmAdmins(m: EntityManager): Promise<Person[]> {
    const rows: Row[] = await m.query(
      `SELECT p.nip, p.name, p.email, p.opd_id, p.supervisor_nip FROM directory_role r JOIN directory_person p ON p.nip = r.nip
       WHERE r.role = 'admin-bkpsdm' AND p.status = ANY($1) ORDER BY p.nip`,
      [ACTIVE_STATUSES],
    );
    return rows.map(toPerson);
  }
}
