import { Injectable } from '@nestjs/common';
import type { IsoDate } from '@capaian/kinerja';
import type { EntityManager } from 'typeorm';
import { isUuid } from '../../common/refs';
import { existedOn, recordInterval } from '../../common/temporal';
import { OPD_KINDS, type UnitKind, type UnitNode } from '../domain/org-unit.rules';
import { OrgUnitMessages } from '../org-unit.messages';

/** A unit as the write use cases load it. */
export interface UnitRecord {
  id: string;
  code: string;
  name: string;
  kind: UnitKind;
  parent_id: string | null;
  opd_id: string | null;
  level: number;
  head_position_id: string | null;
  status: 'AKTIF' | 'DITUTUP';
  opd_code: string | null;
}

export function unitNode(u: UnitRecord): UnitNode {
  return { id: u.id, code: u.code, kind: u.kind, parentId: u.parent_id, status: u.status };
}

/** Units are addressed by id or by their stable code; unknown → 404. */
export async function resolveUnitId(m: EntityManager, ref: string): Promise<string> {
  const rows = await m.query(isUuid(ref) ? `SELECT id FROM org_unit WHERE id = $1::uuid` : `SELECT id FROM org_unit WHERE code = $1`, [ref]);
  if (rows.length === 0) throw OrgUnitMessages.error('UNIT_TIDAK_DITEMUKAN', { ref });
  return rows[0].id;
}

/**
 * The only code that writes `org_unit` and `org_unit_history` (besides the demo data loader, which
 * writes a whole structure set-based) and that loads units for a change. Every method runs on the
 * caller's transaction.
 */
@Injectable()
export class OrgUnitRepository {
  async load(m: EntityManager, id: string, lock = false): Promise<UnitRecord> {
    const rows = await m.query(
      `SELECT u.*, o.code AS opd_code FROM org_unit u LEFT JOIN org_unit o ON o.id = u.opd_id WHERE u.id = $1 ${lock ? 'FOR UPDATE OF u' : ''}`,
      [id],
    );
    if (rows.length === 0) throw OrgUnitMessages.error('UNIT_TIDAK_DITEMUKAN', { ref: id });
    return { ...rows[0], level: Number(rows[0].level) };
  }

  async loadByRef(m: EntityManager, ref: string, lock = false): Promise<UnitRecord> {
    return this.load(m, await resolveUnitId(m, ref), lock);
  }

  async hasRoot(m: EntityManager): Promise<boolean> {
    const [{ roots }] = await m.query(`SELECT count(*)::int AS roots FROM org_unit WHERE parent_id IS NULL`);
    return roots > 0;
  }

  /** Open (AKTIF) on the date according to its history. */
  activeOn(m: EntityManager, id: string, date: IsoDate): Promise<boolean> {
    return existedOn(m, 'org_unit_history', id, date);
  }

  async insert(m: EntityManager, u: { id: string; code: string; name: string; kind: UnitKind; parentId: string | null; opdId: string | null; level: number; validFrom: IsoDate }): Promise<void> {
    await m.query(
      `INSERT INTO org_unit (id, code, name, kind, parent_id, opd_id, level, status, valid_from) VALUES ($1, $2, $3, $4, $5, $6, $7, 'AKTIF', $8)`,
      [u.id, u.code, u.name, u.kind, u.parentId, u.opdId, u.level, u.validFrom],
    );
  }

  async rename(m: EntityManager, id: string, name: string): Promise<void> {
    await m.query(`UPDATE org_unit SET name = $2, updated_at = now() WHERE id = $1`, [id, name]);
  }

  async setHead(m: EntityManager, id: string, headPositionId: string | null): Promise<void> {
    await m.query(`UPDATE org_unit SET head_position_id = $2, updated_at = now() WHERE id = $1`, [id, headPositionId]);
  }

  /** Ancestors of a unit (ids, nearest first), for the cycle check of a move. */
  async ancestorIds(m: EntityManager, id: string): Promise<string[]> {
    const rows: { id: string }[] = await m.query(
      `WITH RECURSIVE up(id, parent_id, depth) AS (SELECT id, parent_id, 0 FROM org_unit WHERE id = $1
         UNION ALL SELECT u.id, u.parent_id, up.depth + 1 FROM org_unit u JOIN up ON u.id = up.parent_id WHERE up.depth < 32)
       SELECT id FROM up WHERE depth > 0 ORDER BY depth`,
      [id],
    );
    return rows.map((r) => r.id);
  }

  /** The unit and everything below it, with the depth under it (0 for the unit). */
  async subtree(m: EntityManager, id: string): Promise<{ id: string; depth: number }[]> {
    return m.query(
      `WITH RECURSIVE sub(id, depth) AS (SELECT id, 0 FROM org_unit WHERE id = $1
         UNION ALL SELECT u.id, sub.depth + 1 FROM org_unit u JOIN sub ON u.parent_id = sub.id WHERE sub.depth < 32)
       SELECT id, depth FROM sub ORDER BY depth`,
      [id],
    );
  }

  /** Hangs a subtree under a new parent: the unit's parent, every level, and the OPD below OPD level. */
  async moveSubtree(m: EntityManager, unitId: string, parent: { id: string; level: number }, subtree: readonly { id: string; depth: number }[], opdId: string | null): Promise<void> {
    await m.query(`UPDATE org_unit SET parent_id = $2, updated_at = now() WHERE id = $1`, [unitId, parent.id]);
    for (const s of subtree) {
      await m.query(`UPDATE org_unit SET level = $2, opd_id = CASE WHEN kind = ANY($4::text[]) THEN id ELSE $3::uuid END, updated_at = now() WHERE id = $1`, [
        s.id,
        parent.level + 1 + s.depth,
        opdId,
        OPD_KINDS,
      ]);
    }
  }

  async countOpenChildren(m: EntityManager, id: string): Promise<number> {
    const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM org_unit c WHERE c.parent_id = $1 AND c.status = 'AKTIF'`, [id]);
    return n;
  }

  async close(m: EntityManager, id: string, date: IsoDate): Promise<void> {
    await m.query(`UPDATE org_unit SET status = 'DITUTUP', closed_on = $2, updated_at = now() WHERE id = $1`, [id, date]);
  }

  /**
   * Writes the unit's current row as its history interval from `date`. A change of the unit's own
   * attributes also moves its `valid_from`; a new or closed head position (a change of the position)
   * does not (`keepValidFrom`).
   */
  async historise(m: EntityManager, id: string, date: IsoDate, changes: readonly string[], options: { keepValidFrom?: boolean } = {}): Promise<void> {
    const u = await this.load(m, id);
    await recordInterval(
      m,
      'org_unit_history',
      id,
      date,
      { code: u.code, name: u.name, kind: u.kind, parent_id: u.parent_id, opd_id: u.opd_id, level: u.level, head_position_id: u.head_position_id, status: u.status },
      changes,
    );
    if (!options.keepValidFrom) await m.query(`UPDATE org_unit SET valid_from = GREATEST(valid_from, $2::date), updated_at = now() WHERE id = $1`, [id, date]);
  }
}
