import { Injectable } from '@nestjs/common';
import type { IsoDate, JenisAsn, JenisKelamin, StatusPegawai } from '@capaian/kinerja';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../common/access';
import { recordInterval } from '../../common/temporal';
import { WORKING_STATUSES } from '../domain/employee.rules';

/**
 * SQL condition "the employee aliased `alias` is working" (AKTIF or CUTI): the one spelling of it
 * outside the database's own functions. The list is fixed code, not input, so it is inlined.
 */
export function workingEmployee(alias = 'e'): string {
  return `${alias}.status IN (${WORKING_STATUSES.map((s) => `'${s}'`).join(', ')})`;
}

/** An employee as the write use cases load it, locked for the change. */
export interface EmployeeRecord {
  id: string;
  nip: string;
  name: string;
  jenis_asn: JenisAsn;
  birth_date: string;
  sex: JenisKelamin;
  golongan: string | null;
  pangkat: string | null;
  position_id: string | null;
  unit_id: string | null;
  opd_id: string | null;
  opd_code: string | null;
  tmt_jabatan: string | null;
  email: string | null;
  status: StatusPegawai;
  supervisor_override_id: string | null;
}

export interface NewEmployeeRow {
  id: string;
  nip: string;
  name: string;
  jenisAsn: JenisAsn;
  birthDate: string;
  sex: JenisKelamin;
  golongan: string | null;
  pangkat: string | null;
  position: { id: string; unitId: string; opdId: string | null };
  tmtJabatan: string;
  email: string | null;
  validFrom: IsoDate;
}

/** Where an employee works: a position with its unit and OPD, or nowhere after leaving. */
export interface Placement {
  positionId: string;
  unitId: string;
  opdId: string | null;
}

/**
 * The only code that reads or writes the `employee` table and its `employee_history` (except the
 * bulk writer of imports, which writes thousands of rows at once, and the read queries of
 * `employee.queries.ts`). Every method runs on the caller's transaction.
 */
@Injectable()
export class EmployeeRepository {
  async findKey(m: EntityManager, ref: { id: string } | { nip: string }): Promise<{ id: string; nip: string; status: string; opdCode: string | null } | null> {
    const byId = 'id' in ref;
    const [row] = await m.query(
      `SELECT e.id, e.nip, e.status, o.code AS opd_code FROM employee e LEFT JOIN org_unit o ON o.id = e.opd_id WHERE ${byId ? 'e.id = $1::uuid' : 'e.nip = $1'}`,
      [byId ? ref.id : ref.nip],
    );
    return row ? { id: row.id, nip: row.nip, status: row.status, opdCode: row.opd_code } : null;
  }

  async idByNip(m: EntityManager, nip: string): Promise<string | null> {
    const [row] = await m.query(`SELECT id FROM employee WHERE nip = $1`, [nip]);
    return row?.id ?? null;
  }

  async statusOf(m: EntityManager, id: string): Promise<{ id: string; status: StatusPegawai } | null> {
    const [row] = await m.query(`SELECT id, status FROM employee WHERE id = $1`, [id]);
    return row ?? null;
  }

  /** Loads and locks an employee for a change (FOR UPDATE). */
  async lock(m: EntityManager, id: string): Promise<EmployeeRecord> {
    const [row] = await m.query(
      `SELECT e.*, e.birth_date::text AS birth_date, e.tmt_jabatan::text AS tmt_jabatan, o.code AS opd_code
         FROM employee e LEFT JOIN org_unit o ON o.id = e.opd_id WHERE e.id = $1 FOR UPDATE OF e`,
      [id],
    );
    return row;
  }

  async insert(m: EntityManager, e: NewEmployeeRow): Promise<void> {
    await m.query(
      `INSERT INTO employee (id, nip, name, jenis_asn, birth_date, sex, golongan, pangkat, position_id, unit_id, opd_id, tmt_jabatan, email, status, valid_from)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 'AKTIF', $14)`,
      [e.id, e.nip, e.name, e.jenisAsn, e.birthDate, e.sex, e.golongan, e.pangkat, e.position.id, e.position.unitId, e.position.opdId, e.tmtJabatan, e.email, e.validFrom],
    );
  }

  async updateFacts(
    m: EntityManager,
    id: string,
    f: { name: string; email: string | null; birthDate: string; sex: JenisKelamin; jenisAsn: JenisAsn; tmtJabatan: string | null },
  ): Promise<void> {
    await m.query(
      `UPDATE employee SET name = $2, email = $3, birth_date = $4, sex = $5, jenis_asn = $6, tmt_jabatan = $7, updated_at = now() WHERE id = $1`,
      [id, f.name, f.email, f.birthDate, f.sex, f.jenisAsn, f.tmtJabatan],
    );
  }

  /** Moves the employee to a position; an override was about the old position and does not travel along. */
  async place(m: EntityManager, id: string, to: Placement, tmtJabatan: string): Promise<void> {
    await m.query(
      `UPDATE employee SET position_id = $2, unit_id = $3, opd_id = $4, tmt_jabatan = $5, supervisor_override_id = NULL, supervisor_override_reason = NULL, updated_at = now() WHERE id = $1`,
      [id, to.positionId, to.unitId, to.opdId, tmtJabatan],
    );
  }

  async setGolongan(m: EntityManager, id: string, golongan: string, pangkat: string | null): Promise<void> {
    await m.query(`UPDATE employee SET golongan = $2, pangkat = $3, updated_at = now() WHERE id = $1`, [id, golongan, pangkat]);
  }

  /** A status change; leaving also frees the position and drops any override. */
  async setStatus(m: EntityManager, id: string, status: StatusPegawai, leaving: boolean): Promise<void> {
    if (leaving) {
      await m.query(
        `UPDATE employee SET status = $2, position_id = NULL, unit_id = NULL, opd_id = NULL, supervisor_override_id = NULL, supervisor_override_reason = NULL, updated_at = now() WHERE id = $1`,
        [id, status],
      );
    } else {
      await m.query(`UPDATE employee SET status = $2, updated_at = now() WHERE id = $1`, [id, status]);
    }
  }

  async setSupervisorOverride(m: EntityManager, id: string, supervisorId: string | null, reason: string | null): Promise<void> {
    await m.query(`UPDATE employee SET supervisor_override_id = $2, supervisor_override_reason = $3, updated_at = now() WHERE id = $1`, [id, supervisorId, reason]);
  }

  /** Writes the employee's current row as its history interval from `date`. */
  async historise(m: EntityManager, id: string, date: IsoDate, changes: string[], actor: Actor, extra: { nomorSk?: string | null; reason?: string | null } = {}): Promise<void> {
    const [e] = await m.query(`SELECT position_id, jenis_asn, golongan, status, supervisor_override_id FROM employee WHERE id = $1`, [id]);
    await recordInterval(
      m,
      'employee_history',
      id,
      date,
      {
        position_id: e.position_id,
        jenis_asn: e.jenis_asn,
        golongan: e.golongan,
        status: e.status,
        supervisor_override_id: e.supervisor_override_id,
        nomor_sk: extra.nomorSk ?? null,
        reason: extra.reason ?? null,
        recorded_by: actor.subject,
      },
      changes,
    );
    await m.query(`UPDATE employee SET valid_from = GREATEST(valid_from, $2::date), updated_at = now() WHERE id = $1`, [id, date]);
  }

  // ---- what other aggregates' changes need of employees ----

  /** How many work in the position now (capacity, closing a position). */
  async countWorkingIn(m: EntityManager, positionId: string): Promise<number> {
    const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM employee e WHERE e.position_id = $1 AND ${workingEmployee('e')}`, [positionId]);
    return n;
  }

  /** How many work in positions of the unit (closing a unit). */
  async countWorkingInUnit(m: EntityManager, unitId: string): Promise<number> {
    const [{ n }] = await m.query(
      `SELECT count(*)::int AS n FROM employee e JOIN position p ON p.id = e.position_id WHERE p.unit_id = $1 AND ${workingEmployee('e')}`,
      [unitId],
    );
    return n;
  }

  /** The kinds of ASN holding the position (changing its jenis jabatan). */
  async jenisAsnIn(m: EntityManager, positionId: string): Promise<JenisAsn[]> {
    const rows: { jenis_asn: JenisAsn }[] = await m.query(`SELECT DISTINCT jenis_asn FROM employee e WHERE e.position_id = $1 AND ${workingEmployee('e')}`, [positionId]);
    return rows.map((r) => r.jenis_asn);
  }

  async workingIdsInUnits(m: EntityManager, unitIds: readonly string[]): Promise<string[]> {
    const rows: { id: string }[] = await m.query(`SELECT id FROM employee e WHERE e.unit_id = ANY($1::uuid[]) AND ${workingEmployee('e')}`, [unitIds]);
    return rows.map((r) => r.id);
  }

  /** A unit subtree moved to another OPD: everyone placed in it follows. */
  async moveUnitsToOpd(m: EntityManager, unitIds: readonly string[], opdId: string | null): Promise<void> {
    await m.query(`UPDATE employee SET opd_id = $2, updated_at = now() WHERE unit_id = ANY($1::uuid[])`, [unitIds, opdId]);
  }

  /** A position moved to another unit: its holders follow; returns who moved. */
  async followPosition(m: EntityManager, positionId: string, unitId: string, opdId: string | null): Promise<string[]> {
    const rows = await m.query(
      `UPDATE employee e SET unit_id = $2, opd_id = $3, updated_at = now() WHERE e.position_id = $1 AND ${workingEmployee('e')} RETURNING id`,
      [positionId, unitId, opdId],
    );
    return (Array.isArray(rows[0]) ? rows[0] : rows).map((r: { id: string }) => r.id);
  }
}
