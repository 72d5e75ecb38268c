import { BudgetAllocationChangedV1, BudgetThresholdReachedV1, type BudgetEventData } from '@capaian/contracts';
import type { OutboxService } from '@capaian/shared/messaging';
import type { EntityManager } from 'typeorm';
import { crossedThreshold } from './domain/budget';
import type { BudgetRecord } from './infrastructure/budget.repository';

function data(b: BudgetRecord, extra: Partial<BudgetEventData> = {}): BudgetEventData {
  return { budgetId: b.id, fiscalYear: b.fiscalYear, ownerCode: b.ownerCode, allocated: b.allocated, committed: b.committed, realized: b.realized, balance: b.balance, ...extra };
}

export function allocationChanged(m: EntityManager, outbox: OutboxService, b: BudgetRecord, change: number) {
  return outbox.enqueue(m, { type: BudgetAllocationChangedV1, subject: b.id, data: data(b, { change }) });
}

/** `career.budget.v1` threshold-reached when this movement took the balance to or below the warning level. */
export async function thresholdIfCrossed(m: EntityManager, outbox: OutboxService, before: number, after: BudgetRecord): Promise<void> {
  if (crossedThreshold(after.allocated, before, after.balance, after.thresholdPercent)) {
    await outbox.enqueue(m, { type: BudgetThresholdReachedV1, subject: after.id, data: data(after, { thresholdPercent: after.thresholdPercent }) });
  }
}
