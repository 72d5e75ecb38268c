import { ContractViolationError, PlatformPingV1, Topics } from '@capaian/contracts';
import { runWithCorrelationId } from '@capaian/shared/http';
import type { EntityManager } from 'typeorm';
import { OutboxService, type OutboxListener } from './outbox.service';

function fakeManager() {
  const query = jest.fn().mockResolvedValue([]);
  return { manager: { query } as unknown as EntityManager, query };
}

describe('OutboxService.enqueue', () => {
  const listener: OutboxListener & { afterEnqueue: jest.Mock } = { afterEnqueue: jest.fn() };
  const outbox = new OutboxService({ source: '/capaian/test' }, listener);

  beforeEach(() => listener.afterEnqueue.mockClear());

  it('writes one row in the given manager with topic, key = subject and the envelope', async () => {
    const { manager, query } = fakeManager();
    const envelope = await outbox.enqueue(manager, { type: PlatformPingV1, subject: 'agg-7', data: { message: 'halo' } });
    expect(query).toHaveBeenCalledTimes(1);
    const [sql, params] = query.mock.calls[0];
    expect(sql).toMatch(/INSERT INTO outbox/);
    expect(params[0]).toBe(envelope.id);
    expect(params[1]).toBe(Topics.platformPing);
    expect(params[2]).toBe('agg-7');
    expect(params[3]).toBe(PlatformPingV1);
    expect(JSON.parse(params[4])).toEqual(envelope);
    expect(JSON.parse(params[5])).toMatchObject({ ce_id: envelope.id, ce_type: PlatformPingV1, ce_subject: 'agg-7' });
    expect(envelope.source).toBe('/capaian/test');
    expect(listener.afterEnqueue).toHaveBeenCalledWith(manager);
  });

  it('takes the correlation id of the current request unless one is given', async () => {
    const { manager } = fakeManager();
    const fromContext = await runWithCorrelationId('req-abcdef12', () => outbox.enqueue(manager, { type: PlatformPingV1, subject: 's', data: { message: 'a' } }));
    expect(fromContext.correlationid).toBe('req-abcdef12');
    const explicit = await runWithCorrelationId('req-abcdef12', () =>
      outbox.enqueue(manager, { type: PlatformPingV1, subject: 's', data: { message: 'a' }, correlationId: 'given-123' }),
    );
    expect(explicit.correlationid).toBe('given-123');
    const none = await outbox.enqueue(manager, { type: PlatformPingV1, subject: 's', data: { message: 'a' } });
    expect(none.correlationid).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each([
    ['a payload that violates the schema', { type: PlatformPingV1, subject: 's', data: { message: '' } }],
    ['an unknown field', { type: PlatformPingV1, subject: 's', data: { message: 'a', extra: true } }],
    ['an unknown event type', { type: 'capaian.nothing.v1', subject: 's', data: { message: 'a' } }],
    ['an empty subject', { type: PlatformPingV1, subject: '', data: { message: 'a' } }],
    ['an id that is not a UUID', { type: PlatformPingV1, subject: 's', data: { message: 'a' }, id: 'not-a-uuid' }],
  ])('rejects %s before writing anything', async (_label, event) => {
    const { manager, query } = fakeManager();
    await expect(outbox.enqueue(manager, event as never)).rejects.toBeInstanceOf(ContractViolationError);
    expect(query).not.toHaveBeenCalled();
    expect(listener.afterEnqueue).not.toHaveBeenCalled();
  });
});
