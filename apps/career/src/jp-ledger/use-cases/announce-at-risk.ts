import { Injectable } from '@nestjs/common';
import { JpAtRiskV1, type JpAtRiskEventData } from '@capaian/contracts';
import { OutboxService } from '@capaian/shared/messaging';
import type { EntityManager } from 'typeorm';
import { JpLedgerQueries } from '../jp-ledger.queries';

/**
 * As the year ends, tells who cannot reach their yearly JP minimum with what they hold: one
 * `career.jp.v1` at-risk event per person (notification reminds them and their supervisor), in the
 * scheduled job's transaction so that a slot announces once across replicas.
 */
@Injectable()
export class AnnounceAtRisk {
  constructor(
    private readonly queries: JpLedgerQueries,
    private readonly outbox: OutboxService,
  ) {}

  async execute(manager: EntityManager, year: number): Promise<number> {
    const people = await this.queries.atRiskCity(year, manager);
    await this.outbox.enqueueMany(
      manager,
      people.map((p) => ({
        type: JpAtRiskV1,
        subject: p.employeeId,
        data: { employeeId: p.employeeId, nip: p.nip, opdCode: p.opdCode, year, totalJp: p.totalJp, plannedJp: p.plannedJp, minimumJp: p.minimumJp ?? 0, shortfallJp: Math.max(1, (p.minimumJp ?? 0) - p.totalJp - p.plannedJp) } satisfies JpAtRiskEventData,
      })),
    );
    return people.length;
  }
}
