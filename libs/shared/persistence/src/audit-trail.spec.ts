import { runWithCorrelationId } from '@capaian/shared/http';
import type { EntityManager } from 'typeorm';
import { AuditEntry, recordAudit } from './audit-trail';

function recordingManager() {
  const inserted: Record<string, unknown>[] = [];
  const manager = {
    insert: async (target: unknown, values: Record<string, unknown>) => {
      expect(target).toBe(AuditEntry);
      inserted.push(values);
    },
  } as unknown as EntityManager;
  return { manager, inserted };
}

const entry = { actor: 'sub-1', action: 'employee.promoted', entityType: 'employee', entityId: 'e-1' };

describe('recordAudit', () => {
  it('takes the correlation id of the current request without the caller passing it', async () => {
    const { manager, inserted } = recordingManager();
    await runWithCorrelationId('corr-0001-abcd', () => recordAudit(manager, entry));
    expect(inserted[0].correlationId).toBe('corr-0001-abcd');
  });

  it('keeps an id given explicitly (work continued outside the request)', async () => {
    const { manager, inserted } = recordingManager();
    await runWithCorrelationId('corr-0001-abcd', () => recordAudit(manager, { ...entry, correlationId: 'job-started-by-9' }));
    expect(inserted[0].correlationId).toBe('job-started-by-9');
  });

  it('stores null outside any request (seeders, migrations)', async () => {
    const { manager, inserted } = recordingManager();
    await recordAudit(manager, entry);
    expect(inserted[0]).toMatchObject({ correlationId: null, actorNip: null, fromState: null, toState: null, reason: null, details: null });
  });
});
