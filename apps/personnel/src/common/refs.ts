import type { EntityManager } from 'typeorm';
import { OrgUnitMessages } from '../org-unit/org-unit.messages';
import { PositionMessages } from '../position/position.messages';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** Units and positions are addressed by id or by their stable code. */
export async function resolveUnitId(manager: EntityManager, ref: string): Promise<string> {
  const rows = await manager.query(isUuid(ref) ? `SELECT id FROM org_unit WHERE id = $1::uuid` : `SELECT id FROM org_unit WHERE code = $1`, [ref]);
  if (rows.length === 0) throw OrgUnitMessages.error('UNIT_TIDAK_DITEMUKAN', { ref });
  return rows[0].id;
}

export async function resolvePositionId(manager: EntityManager, ref: string): Promise<string> {
  const rows = await manager.query(isUuid(ref) ? `SELECT id FROM position WHERE id = $1::uuid` : `SELECT id FROM position WHERE code = $1`, [ref]);
  if (rows.length === 0) throw PositionMessages.error('JABATAN_TIDAK_DITEMUKAN', { ref });
  return rows[0].id;
}

/** Serialises changes of the unit and position trees and of overrides, where two concurrent changes could build a cycle. */
export async function lockStructure(manager: EntityManager): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext('capaian.personnel.structure'))`);
}
