import { Injectable } from '@nestjs/common';
import { SkpClosedV1, SkpLinkedRhkChangedV1, SkpReturnedV1, SkpRevisedV1, SkpSetV1, SkpSubmittedV1, type SkpEventData } from '@capaian/contracts';
import { OutboxService } from '@capaian/shared/messaging';
import type { EntityManager } from 'typeorm';
import { auditTransition, type ActingParty } from '../common/actor';
import type { Skp, SkpEvent, SkpState } from './domain/skp';

export function skpEventData(s: SkpState, extra: Partial<SkpEventData> = {}): SkpEventData {
  return {
    skpId: s.id,
    lineageId: s.lineageId,
    version: s.version,
    employeeId: s.snapshot.employeeId,
    nip: s.snapshot.nip,
    opdCode: s.snapshot.opd?.code ?? null,
    year: s.year,
    startDate: s.startDate,
    endDate: s.endDate,
    status: s.status,
    penilaiNip: s.penilaiNip,
    reason: null,
    ...extra,
  };
}

const ACTIONS: Record<SkpEvent['kind'], string> = {
  submitted: 'skp.submitted',
  set: 'skp.set',
  returned: 'skp.returned',
  revised: 'skp.revised',
  closed: 'skp.closed',
  'penilai-changed': 'skp.penilai-changed',
};

/** Records what an SKP transition did: one audit entry per event and the outbox events, in the caller's transaction. */
@Injectable()
export class SkpEventRecorder {
  constructor(private readonly outbox: OutboxService) {}

  async record(m: EntityManager, who: ActingParty, skp: Skp, from: string): Promise<void> {
    const s = skp.toState();
    for (const event of skp.pullEvents()) {
      const reason = event.kind === 'returned' ? event.notes : event.kind === 'revised' || event.kind === 'closed' ? event.reason : null;
      await auditTransition(m, who, {
        action: ACTIONS[event.kind],
        entityType: 'skp',
        entityId: s.id,
        from,
        to: s.status,
        reason,
        details: event.kind === 'penilai-changed' ? { previousPenilaiNip: event.previousPenilaiNip, penilaiNip: event.penilaiNip } : { version: s.version },
      });
      const type = { submitted: SkpSubmittedV1, set: SkpSetV1, returned: SkpReturnedV1, revised: SkpRevisedV1, closed: SkpClosedV1, 'penilai-changed': null }[event.kind];
      if (!type) continue;
      const extra: Partial<SkpEventData> = { reason };
      if (event.kind === 'revised') extra.newVersionId = event.newVersionId;
      await this.outbox.enqueue(m, { type, subject: s.lineageId, data: skpEventData(s, extra) });
    }
  }

  /** Tells each subordinate SKP linked to a changed RHK of its penilai's SKP. */
  async linkedRhkChanged(m: EntityManager, who: ActingParty, penilaiSkp: SkpState, dependents: SkpState[], changed: string[]): Promise<void> {
    for (const d of dependents) {
      const mine = changed.filter((id) => d.rhk.some((r) => r.parentRhkId === id));
      await auditTransition(m, who, { action: 'skp.linked-rhk-changed', entityType: 'skp', entityId: d.id, details: { penilaiSkpId: penilaiSkp.id, changedRhkIds: mine } });
      await this.outbox.enqueue(m, { type: SkpLinkedRhkChangedV1, subject: d.lineageId, data: skpEventData(d, { changedRhkIds: mine, penilaiSkpId: penilaiSkp.id }) });
    }
  }
}
