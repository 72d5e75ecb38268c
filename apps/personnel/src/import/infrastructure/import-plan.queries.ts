import type { IsoDate } from '@capaian/kinerja';
import type { EntityManager } from 'typeorm';
import { workingEmployee } from '../../employee/infrastructure/employee.repository';
import type { PlanContext, PositionFacts, StoredEmployee } from '../domain/import-plan';

const BATCH = 5000;

/** What the plan needs to know of the stored positions (by code) and employees (by NIP) of a file. */
export async function loadPlanFacts(
  m: EntityManager,
  codes: readonly string[],
  nips: readonly string[],
): Promise<Pick<PlanContext, 'positions' | 'employees'>> {
  const positions = new Map<string, PositionFacts>();
  for (let i = 0; i < codes.length; i += BATCH) {
    const found = await m.query(
      `SELECT p.id, p.code, p.unit_id, p.opd_id, o.code AS opd_code, p.status, p.capacity, p.jenis_jabatan,
              (SELECT min(h.valid_from)::text FROM position_history h WHERE h.position_id = p.id) AS first_valid,
              (SELECT count(*)::int FROM employee e WHERE e.position_id = p.id AND ${workingEmployee('e')}) AS occupied
         FROM position p LEFT JOIN org_unit o ON o.id = p.opd_id WHERE p.code = ANY($1::text[])`,
      [codes.slice(i, i + BATCH)],
    );
    for (const p of found) {
      positions.set(p.code, {
        id: p.id,
        code: p.code,
        unitId: p.unit_id,
        opdId: p.opd_id,
        opdCode: p.opd_code,
        status: p.status,
        capacity: Number(p.capacity),
        jenisJabatan: p.jenis_jabatan,
        firstValid: p.first_valid as IsoDate,
        occupied: Number(p.occupied),
      });
    }
  }
  const employees = new Map<string, StoredEmployee>();
  for (let i = 0; i < nips.length; i += BATCH) {
    const found = await m.query(
      `SELECT e.id, e.nip, e.name, e.email, e.jenis_asn, e.golongan, e.position_id, e.status, e.tmt_jabatan::text AS tmt_jabatan, e.valid_from::text AS valid_from, o.code AS opd_code
         FROM employee e LEFT JOIN org_unit o ON o.id = e.opd_id WHERE e.nip = ANY($1::text[])`,
      [nips.slice(i, i + BATCH)],
    );
    for (const e of found) {
      employees.set(e.nip, {
        id: e.id,
        nip: e.nip,
        name: e.name,
        email: e.email,
        jenisAsn: e.jenis_asn,
        golongan: e.golongan,
        positionId: e.position_id,
        status: e.status,
        tmtJabatan: e.tmt_jabatan,
        validFrom: e.valid_from,
        opdCode: e.opd_code,
      });
    }
  }
  return { positions, employees };
}

/**
 * Under lock, the positions the plan fills beyond their capacity because of changes made while
 * the job ran (the plan counted occupants outside the transaction).
 */
export async function positionsOverCapacity(m: EntityManager, arrivals: ReadonlyMap<string, number>): Promise<string[]> {
  const ids = [...arrivals.keys()];
  await m.query(`SELECT id FROM position WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [ids]);
  const over: { code: string }[] = await m.query(
    `SELECT p.code FROM position p JOIN unnest($1::uuid[], $2::int[]) AS t(pid, n) ON t.pid = p.id
      WHERE t.n > 0 AND (SELECT count(*) FROM employee e WHERE e.position_id = p.id AND ${workingEmployee('e')}) + t.n > p.capacity`,
    [ids, [...arrivals.values()]],
  );
  return over.map((o) => o.code);
}
