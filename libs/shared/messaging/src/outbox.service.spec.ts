import { ContractViolationError, PlatformPingV1, Topics } from '@capaian/contracts';
import { runWithCorrelationId } from '@capaian/shared/http';
import type { EntityManager } from 'typeorm';
import { OUTBOX_INSERT_CHUNK, OutboxService, type OutboxListener } from './outbox.service';

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

describe('OutboxService.enqueueMany', () => {
  const listener: OutboxListener & { afterEnqueue: jest.Mock } = { afterEnqueue: jest.fn() };
  const outbox = new OutboxService({ source: '/capaian/test' }, listener);
  const ping = (subject: string, message: string) => ({ type: PlatformPingV1, subject, data: { message } });

  beforeEach(() => listener.afterEnqueue.mockClear());

  /** The rows of every INSERT the manager received, in statement and VALUES order. */
  function insertedRows(query: jest.Mock): unknown[][] {
    return query.mock.calls.flatMap(([sql, params]: [string, unknown[]]) => {
      expect(sql).toMatch(/^INSERT INTO outbox \(id, topic, key, type, envelope, headers\) VALUES /);
      const rows = sql.match(/\(\$\d+, \$\d+, \$\d+, \$\d+, \$\d+::json, \$\d+::json\)/g)!;
      expect(params).toHaveLength(rows.length * 6);
      // Placeholders number the parameters in order, six per row.
      rows.forEach((row, r) => expect(row).toBe(`($${r * 6 + 1}, $${r * 6 + 2}, $${r * 6 + 3}, $${r * 6 + 4}, $${r * 6 + 5}::json, $${r * 6 + 6}::json)`));
      return rows.map((_, r) => params.slice(r * 6, r * 6 + 6));
    });
  }

  it('writes all events with one multi-row INSERT, in array order, and tells the listener once', async () => {
    const { manager, query } = fakeManager();
    const events = [ping('a', '1'), ping('b', '1'), ping('a', '2')];
    const envelopes = await outbox.enqueueMany(manager, events);
    expect(query).toHaveBeenCalledTimes(1);
    const rows = insertedRows(query);
    expect(rows.map((r) => [r[2], JSON.parse(r[4] as string).data.message])).toEqual([['a', '1'], ['b', '1'], ['a', '2']]);
    rows.forEach((r, i) => {
      expect(r[0]).toBe(envelopes[i].id);
      expect(r[1]).toBe(Topics.platformPing);
      expect(r[3]).toBe(PlatformPingV1);
      expect(JSON.parse(r[4] as string)).toEqual(envelopes[i]);
      expect(JSON.parse(r[5] as string)).toMatchObject({ ce_id: envelopes[i].id, ce_subject: envelopes[i].subject });
    });
    expect(new Set(envelopes.map((e) => e.id)).size).toBe(3);
    expect(listener.afterEnqueue).toHaveBeenCalledTimes(1);
    expect(listener.afterEnqueue).toHaveBeenCalledWith(manager);
  });

  it('splits large batches into statements of OUTBOX_INSERT_CHUNK rows within the bind-parameter limit, keeping the order', async () => {
    const { manager, query } = fakeManager();
    const runner = { isTransactionActive: true };
    Object.assign(manager, { queryRunner: runner });
    const n = OUTBOX_INSERT_CHUNK * 2 + 5;
    const events = Array.from({ length: n }, (_, i) => ping(`k${i % 7}`, `m${i}`));
    const envelopes = await outbox.enqueueMany(manager, events);
    expect(query).toHaveBeenCalledTimes(3);
    for (const [, params] of query.mock.calls) expect(params.length).toBeLessThanOrEqual(65535);
    expect(query.mock.calls.map(([, params]) => params.length / 6)).toEqual([OUTBOX_INSERT_CHUNK, OUTBOX_INSERT_CHUNK, 5]);
    const rows = insertedRows(query);
    expect(rows.map((r) => r[0])).toEqual(envelopes.map((e) => e.id));
    expect(rows.map((r) => JSON.parse(r[4] as string).data.message)).toEqual(events.map((e) => e.data.message));
    expect(listener.afterEnqueue).toHaveBeenCalledTimes(1);
  });

  it('wraps several statements in a transaction when the manager has none, so they commit together', async () => {
    const inner = fakeManager();
    const transaction = jest.fn(async (work: (m: EntityManager) => Promise<unknown>) => work(inner.manager));
    const outer = { query: jest.fn(), transaction } as unknown as EntityManager;
    await outbox.enqueueMany(outer, Array.from({ length: OUTBOX_INSERT_CHUNK + 1 }, (_, i) => ping('k', `m${i}`)));
    expect(transaction).toHaveBeenCalledTimes(1);
    expect((outer.query as jest.Mock)).not.toHaveBeenCalled();
    expect(inner.query).toHaveBeenCalledTimes(2);
    expect(listener.afterEnqueue).toHaveBeenCalledWith(outer);
  });

  it('writes nothing and does not tell the listener for an empty batch', async () => {
    const { manager, query } = fakeManager();
    await expect(outbox.enqueueMany(manager, [])).resolves.toEqual([]);
    expect(query).not.toHaveBeenCalled();
    expect(listener.afterEnqueue).not.toHaveBeenCalled();
  });

  it('applies source and correlation id defaults to every event, like enqueue', async () => {
    const { manager } = fakeManager();
    const [fromContext, explicit] = await runWithCorrelationId('req-batch-0001', () =>
      outbox.enqueueMany(manager, [ping('s', 'a'), { ...ping('s', 'b'), correlationId: 'given-123', source: '/capaian/other' }]),
    );
    expect(fromContext).toMatchObject({ correlationid: 'req-batch-0001', source: '/capaian/test' });
    expect(explicit).toMatchObject({ correlationid: 'given-123', source: '/capaian/other' });
  });

  it.each([
    ['a payload that violates the schema', { type: PlatformPingV1, subject: 's', data: { message: '' } }],
    ['an unknown event type', { type: 'capaian.nothing.v1', subject: 's', data: { message: 'a' } }],
    ['an id that is not a UUID', { type: PlatformPingV1, subject: 's', data: { message: 'a' }, id: 'not-a-uuid' }],
  ])('writes nothing when one event of a large batch has %s, even the last one', async (_label, bad) => {
    const { manager, query } = fakeManager();
    const events = [...Array.from({ length: OUTBOX_INSERT_CHUNK + 10 }, (_, i) => ping('k', `m${i}`)), bad];
    await expect(outbox.enqueueMany(manager, events as never)).rejects.toBeInstanceOf(ContractViolationError);
    expect(query).not.toHaveBeenCalled();
    expect(listener.afterEnqueue).not.toHaveBeenCalled();
  });
});
