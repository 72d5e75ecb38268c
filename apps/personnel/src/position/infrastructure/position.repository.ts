import { Injectable } from '@nestjs/common';
import type { IsoDate, JenisJabatan } from '@capaian/kinerja';
import type { EntityManager } from 'typeorm';
import { isUuid } from '../../common/refs';
import { existedOn, recordInterval } from '../../common/temporal';
import type { UnitKind } from '../../org-unit/domain/org-unit.rules';
import type { ReportsToMode } from '../domain/position.rules';
import { PositionMessages } from '../position.messages';

/** A position as the write use cases load it, with what access checks need of its unit. */
export interface PositionRecord {
  id: string;
  code: string;
  name: string;
  jenis_jabatan: JenisJabatan;
  jenjang: string | null;
  kelas_jabatan: number | null;
  unit_id: string;
  opd_id: string | null;
  reports_to_id: string | null;
  reports_to_mode: ReportsToMode;
  capacity: number;
  status: 'AKTIF' | 'DITUTUP';
  head: boolean;
  unit_kind: UnitKind;
  opd_code: string | null;
}

/** The attributes a change of a position may set. */
export interface PositionAttributesRow {
  name: string;
  jenisJabatan: JenisJabatan;
  jenjang: string | null;
  kelasJabatan: number | null;
  capacity: number;
  unitId: string;
  opdId: string | null;
  reportsToId: string | null;
  reportsToMode: ReportsToMode;
}

/** Positions are addressed by id or by their stable code; unknown → 404. */
export async function resolvePositionId(m: EntityManager, ref: string): Promise<string> {
  const rows = await m.query(isUuid(ref) ? `SELECT id FROM position WHERE id = $1::uuid` : `SELECT id FROM position WHERE code = $1`, [ref]);
  if (rows.length === 0) throw PositionMessages.error('JABATAN_TIDAK_DITEMUKAN', { ref });
  return rows[0].id;
}

/**
 * The only code that writes `position` and `position_history` (besides the demo data loader, which
 * writes a whole structure set-based) and that loads positions for a change.
 */
@Injectable()
export class PositionRepository {
  async load(m: EntityManager, id: string, lock = false): Promise<PositionRecord> {
    const rows = await m.query(
      `SELECT p.*, (u.head_position_id = p.id) AS head, u.kind AS unit_kind, o.code AS opd_code
         FROM position p JOIN org_unit u ON u.id = p.unit_id LEFT JOIN org_unit o ON o.id = p.opd_id WHERE p.id = $1 ${lock ? 'FOR UPDATE OF p' : ''}`,
      [id],
    );
    if (rows.length === 0) throw PositionMessages.error('JABATAN_TIDAK_DITEMUKAN', { ref: id });
    return { ...rows[0], capacity: Number(rows[0].capacity), head: rows[0].head === true };
  }

  async loadByRef(m: EntityManager, ref: string, lock = false): Promise<PositionRecord> {
    return this.load(m, await resolvePositionId(m, ref), lock);
  }

  /** Existed and was open on the date according to its history. */
  activeOn(m: EntityManager, id: string, date: IsoDate): Promise<boolean> {
    return existedOn(m, 'position_history', id, date);
  }

  async insert(m: EntityManager, id: string, code: string, a: PositionAttributesRow, validFrom: IsoDate): Promise<void> {
    await m.query(
      `INSERT INTO position (id, code, name, jenis_jabatan, jenjang, kelas_jabatan, unit_id, opd_id, reports_to_id, reports_to_mode, capacity, status, valid_from)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'AKTIF', $12)`,
      [id, code, a.name, a.jenisJabatan, a.jenjang, a.kelasJabatan, a.unitId, a.opdId, a.reportsToId, a.reportsToMode, a.capacity, validFrom],
    );
  }

  async update(m: EntityManager, id: string, a: PositionAttributesRow): Promise<void> {
    await m.query(
      `UPDATE position SET name = $2, jenis_jabatan = $3, jenjang = $4, kelas_jabatan = $5, capacity = $6, unit_id = $7, opd_id = $8,
              reports_to_id = $9, reports_to_mode = $10, updated_at = now() WHERE id = $1`,
      [id, a.name, a.jenisJabatan, a.jenjang, a.kelasJabatan, a.capacity, a.unitId, a.opdId, a.reportsToId, a.reportsToMode],
    );
  }

  async setSuperior(m: EntityManager, id: string, superiorId: string | null): Promise<void> {
    await m.query(`UPDATE position SET reports_to_id = $2, updated_at = now() WHERE id = $1`, [id, superiorId]);
  }

  async close(m: EntityManager, id: string, date: IsoDate): Promise<void> {
    await m.query(`UPDATE position SET status = 'DITUTUP', closed_on = $2, updated_at = now() WHERE id = $1`, [id, date]);
  }

  /** Positions of a unit subtree follow it into another OPD. */
  async moveUnitsToOpd(m: EntityManager, unitIds: readonly string[], opdId: string | null): Promise<void> {
    await m.query(`UPDATE position SET opd_id = $2, updated_at = now() WHERE unit_id = ANY($1::uuid[])`, [unitIds, opdId]);
  }

  /** The superior chain of a position (ids, nearest first), for cycle checks. */
  async superiorIds(m: EntityManager, id: string): Promise<string[]> {
    const rows: { id: string }[] = await m.query(
      `WITH RECURSIVE up(id, reports_to_id, depth) AS (SELECT id, reports_to_id, 0 FROM position WHERE id = $1
         UNION ALL SELECT p.id, p.reports_to_id, up.depth + 1 FROM position p JOIN up ON p.id = up.reports_to_id WHERE up.depth < 64)
       SELECT id FROM up WHERE depth > 0 ORDER BY depth`,
      [id],
    );
    return rows.map((r) => r.id);
  }

  /** Open positions reporting to this one. */
  async countReportingTo(m: EntityManager, id: string): Promise<number> {
    const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM position WHERE reports_to_id = $1 AND status = 'AKTIF'`, [id]);
    return n;
  }

  /** Open positions outside the unit that report to a position inside it (closing a unit). */
  async countReportingIntoUnit(m: EntityManager, unitId: string): Promise<number> {
    const [{ n }] = await m.query(
      `SELECT count(*)::int AS n FROM position o JOIN position t ON t.id = o.reports_to_id WHERE t.unit_id = $1 AND o.unit_id <> $1 AND o.status = 'AKTIF'`,
      [unitId],
    );
    return n;
  }

  async openIdsInUnit(m: EntityManager, unitId: string): Promise<string[]> {
    const rows: { id: string }[] = await m.query(`SELECT id FROM position WHERE unit_id = $1 AND status = 'AKTIF'`, [unitId]);
    return rows.map((r) => r.id);
  }

  /** Writes the position's current row as its history interval from `date`. */
  async historise(m: EntityManager, id: string, date: IsoDate, changes: readonly string[]): Promise<void> {
    const [p] = await m.query(`SELECT * FROM position WHERE id = $1`, [id]);
    await recordInterval(
      m,
      'position_history',
      id,
      date,
      {
        code: p.code,
        name: p.name,
        jenis_jabatan: p.jenis_jabatan,
        jenjang: p.jenjang,
        kelas_jabatan: p.kelas_jabatan,
        unit_id: p.unit_id,
        reports_to_id: p.reports_to_id,
        capacity: p.capacity,
        status: p.status,
      },
      changes,
    );
    await m.query(`UPDATE position SET valid_from = GREATEST(valid_from, $2::date) WHERE id = $1`, [id, date]);
  }
}
