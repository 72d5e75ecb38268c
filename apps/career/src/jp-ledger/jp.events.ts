import { type JpEventData } from '@capaian/contracts';
import type { OutboxService } from '@capaian/shared/messaging';
import type { EntityManager } from 'typeorm';

/** `career.jp.v1`, keyed by the employee: one event per ledger entry (recognised or corrected). */
export function publishJp(m: EntityManager, outbox: OutboxService, type: string, data: JpEventData) {
  return outbox.enqueue(m, { type, subject: data.employeeId, data });
}
