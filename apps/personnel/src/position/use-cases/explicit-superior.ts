import type { EntityManager } from 'typeorm';
import { refuse } from '../../common/violations';
import { checkSuperior } from '../domain/position.rules';
import { resolvePositionId, type PositionRepository } from '../infrastructure/position.repository';

/** A superior chosen by hand (MANUAL): open, held by one person, not below the position. */
export async function explicitSuperior(positions: PositionRepository, m: EntityManager, positionId: string | null, ref: string): Promise<string> {
  const candidate = await positions.load(m, await resolvePositionId(m, ref));
  refuse(checkSuperior(positionId, { id: candidate.id, code: candidate.code, status: candidate.status, capacity: candidate.capacity }, await positions.superiorIds(m, candidate.id)));
  return candidate.id;
}
