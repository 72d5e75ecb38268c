import { Injectable } from '@nestjs/common';
import { PositionChangedV1 } from '@capaian/contracts';
import type { IsoDate } from '@capaian/kinerja';
import { recordAudit } from '@capaian/shared/persistence';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/access';
import { PersonnelEvents } from '../common/events';
import { positionSnapshot } from '../common/snapshots';
import { automaticSuperior, type UnitHead } from './domain/position.rules';
import { PositionRepository } from './infrastructure/position.repository';

/**
 * Keeps OTOMATIS superiors in step with the unit tree: after a head changes or a unit moves, every
 * position below whose default superior moved is updated, historised and announced.
 */
@Injectable()
export class PositionTree {
  constructor(
    private readonly events: PersonnelEvents,
    private readonly positions: PositionRepository,
  ) {}

  /** Positions of the subtree of `unitId` (the unit itself included). */
  async subtreePositionIds(manager: EntityManager, unitId: string): Promise<string[]> {
    const rows = await manager.query(
      `WITH RECURSIVE sub AS (SELECT id FROM org_unit WHERE id = $1 UNION ALL SELECT u.id FROM org_unit u JOIN sub ON u.parent_id = sub.id)
       SELECT p.id FROM position p WHERE p.unit_id IN (SELECT id FROM sub) AND p.status = 'AKTIF'`,
      [unitId],
    );
    return rows.map((r: { id: string }) => r.id);
  }

  /** Chain of (unit, head) from `unitId` up to the root, nearest first. */
  async unitChain(manager: EntityManager, unitId: string): Promise<UnitHead[]> {
    const rows = await manager.query(
      `WITH RECURSIVE up(id, parent_id, head_position_id, depth) AS (
         SELECT id, parent_id, head_position_id, 0 FROM org_unit WHERE id = $1
         UNION ALL SELECT u.id, u.parent_id, u.head_position_id, up.depth + 1 FROM org_unit u JOIN up ON u.id = up.parent_id WHERE up.depth < 32)
       SELECT id, head_position_id FROM up ORDER BY depth`,
      [unitId],
    );
    return rows.map((r: { id: string; head_position_id: string | null }) => ({ unitId: r.id, headPositionId: r.head_position_id }));
  }

  /** The OTOMATIS superior of a position in `unitId`. */
  async automaticSuperiorOf(manager: EntityManager, positionId: string, unitId: string): Promise<string | null> {
    const chain = await this.unitChain(manager, unitId);
    return automaticSuperior(positionId, chain[0]?.headPositionId === positionId, chain);
  }

  /** Recomputes OTOMATIS superiors in the subtree of `unitId`; returns the positions that changed. */
  async recompute(manager: EntityManager, unitId: string, date: IsoDate, actor: Actor): Promise<string[]> {
    const units: { id: string; parent_id: string | null; head_position_id: string | null }[] = await manager.query(
      `SELECT id, parent_id, head_position_id FROM org_unit`,
    );
    const byId = new Map(units.map((u) => [u.id, u]));
    const chainOf = (id: string): UnitHead[] => {
      const chain: UnitHead[] = [];
      let current = byId.get(id);
      while (current && chain.length < 32) {
        chain.push({ unitId: current.id, headPositionId: current.head_position_id });
        current = current.parent_id ? byId.get(current.parent_id) : undefined;
      }
      return chain;
    };
    const positions: { id: string; unit_id: string; reports_to_id: string | null }[] = await manager.query(
      `WITH RECURSIVE sub AS (SELECT id FROM org_unit WHERE id = $1 UNION ALL SELECT u.id FROM org_unit u JOIN sub ON u.parent_id = sub.id)
       SELECT p.id, p.unit_id, p.reports_to_id FROM position p
        WHERE p.unit_id IN (SELECT id FROM sub) AND p.status = 'AKTIF' AND p.reports_to_mode = 'OTOMATIS'`,
      [unitId],
    );
    const changed: string[] = [];
    for (const p of positions) {
      const chain = chainOf(p.unit_id);
      const superior = automaticSuperior(p.id, chain[0]?.headPositionId === p.id, chain);
      if (superior === p.reports_to_id) continue;
      await this.positions.setSuperior(manager, p.id, superior);
      await this.positions.historise(manager, p.id, date, ['reportsToPositionId']);
      await recordAudit(manager, {
        actor: actor.subject,
        actorNip: actor.nip,
        action: 'position.superior-recomputed',
        entityType: 'position',
        entityId: p.id,
        fromState: p.reports_to_id,
        toState: superior,
      });
      await this.events.emit(manager, PositionChangedV1, p.id, { ...(await positionSnapshot(manager, p.id, date)), changes: ['reportsToPositionId'] });
      changed.push(p.id);
    }
    return changed;
  }
}
