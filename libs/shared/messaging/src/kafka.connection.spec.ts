import { chunksOf, type OutgoingMessage } from './kafka.connection';

const message = (i: number, bytes: number): OutgoingMessage => ({ topic: 't', key: `k${i}`, value: 'x'.repeat(bytes) });

describe('chunksOf (produce requests bounded in bytes)', () => {
  it('keeps the order and splits before a request would exceed the bound', () => {
    const messages = Array.from({ length: 10 }, (_, i) => message(i, 98)); // 100 bytes with the key
    const chunks = chunksOf(messages, 350);
    expect(chunks.map((c) => c.length)).toEqual([3, 3, 3, 1]);
    expect(chunks.flat()).toEqual(messages);
  });

  it('sends a message larger than the bound on its own instead of dropping it', () => {
    const chunks = chunksOf([message(0, 10), message(1, 5_000), message(2, 10)], 1_000);
    expect(chunks.map((c) => c.map((m) => m.key))).toEqual([['k0'], ['k1'], ['k2']]);
  });

  it('counts header bytes', () => {
    const withHeaders = { ...message(0, 10), headers: { ce_id: 'y'.repeat(500) } };
    expect(chunksOf([withHeaders, withHeaders], 1_000)).toHaveLength(2);
  });
});
