import { createEnvelope, PlatformPingV1 } from '@capaian/contracts';
import { CLOUDEVENTS_JSON, DeadLetterHeaders, EventHeaders, deadLetterHeaders, decodeValue, eventHeaders, headersAsText, rawKey, rawValue, toWireHeaders } from './wire';

describe('wire format', () => {
  const envelope = createEnvelope({ source: '/capaian/test', type: PlatformPingV1, subject: 'agg-1', data: { message: 'halo' }, correlationId: 'corr-12345' });

  it('puts the routing attributes in ce_* headers', () => {
    const headers = eventHeaders(envelope);
    expect(headers[EventHeaders.id]).toBe(envelope.id);
    expect(headers[EventHeaders.type]).toBe(PlatformPingV1);
    expect(headers[EventHeaders.subject]).toBe('agg-1');
    expect(headers[EventHeaders.correlationId]).toBe('corr-12345');
    expect(headers[EventHeaders.contentType]).toBe(CLOUDEVENTS_JSON);
  });

  it('keeps the original headers of a dead letter and adds the failure', () => {
    const error = new TypeError('boom');
    const headers = deadLetterHeaders(
      { ce_id: 'abc', 'x-json': { a: 1 }, binary: Buffer.from([0, 1, 2]), gone: undefined },
      { reason: 'handler-failed', error, attempts: 3, topic: 't', partition: 2, offset: '41', consumerGroup: 'g', failedAt: new Date('2026-01-02T03:04:05Z') },
    );
    expect(headers.ce_id).toBe('abc');
    expect(headers['x-json']).toBe('{"a":1}');
    expect(headers.binary).toEqual(Buffer.from([0, 1, 2]));
    expect('gone' in headers).toBe(false);
    expect(headers[DeadLetterHeaders.reason]).toBe('handler-failed');
    expect(headers[DeadLetterHeaders.errorName]).toBe('TypeError');
    expect(headers[DeadLetterHeaders.errorMessage]).toBe('boom');
    expect(String(headers[DeadLetterHeaders.errorStack])).toContain('TypeError: boom');
    expect(headers[DeadLetterHeaders.attempts]).toBe('3');
    expect(headers[DeadLetterHeaders.originalPartition]).toBe('2');
    expect(headers[DeadLetterHeaders.originalOffset]).toBe('41');
    expect(headers[DeadLetterHeaders.failedAt]).toBe('2026-01-02T03:04:05.000Z');
  });

  it('bounds the size of the error headers', () => {
    const error = new Error('x'.repeat(10_000));
    error.stack = 'y'.repeat(50_000);
    const headers = deadLetterHeaders({}, { reason: 'handler-failed', error, attempts: 1, topic: 't', partition: 0, offset: '0', consumerGroup: 'g' });
    expect(String(headers[DeadLetterHeaders.errorMessage]).length).toBeLessThanOrEqual(2_000);
    expect(String(headers[DeadLetterHeaders.errorStack]).length).toBeLessThanOrEqual(8_000);
  });

  it('accepts a non-Error failure', () => {
    const headers = deadLetterHeaders(undefined, { reason: 'invalid-json', error: 'plain', attempts: 0, topic: 't', partition: 0, offset: '0', consumerGroup: 'g' });
    expect(headers[DeadLetterHeaders.errorMessage]).toBe('plain');
  });

  it('decodes JSON from bytes, text or an already parsed object', () => {
    expect(decodeValue(Buffer.from('{"a":1}'))).toEqual({ ok: true, json: { a: 1 } });
    expect(decodeValue('[1]')).toEqual({ ok: true, json: [1] });
    expect(decodeValue({ a: 2 })).toEqual({ ok: true, json: { a: 2 } });
  });

  it('refuses values that are not JSON', () => {
    expect(decodeValue(Buffer.from('not json')).ok).toBe(false);
    expect(decodeValue(Buffer.from([0, 0xff, 0x10])).ok).toBe(false);
    expect(decodeValue(Buffer.alloc(0)).ok).toBe(false);
    expect(decodeValue(null).ok).toBe(false);
    expect(decodeValue(42).ok).toBe(false);
  });

  it('recovers raw bytes and keys for the dead letter', () => {
    expect(rawValue(Buffer.from('abc'))).toEqual(Buffer.from('abc'));
    expect(rawValue('abc')).toEqual(Buffer.from('abc'));
    expect(rawValue({ a: 1 })).toEqual(Buffer.from('{"a":1}'));
    expect(rawValue(null)).toBeNull();
    expect(rawKey('k')).toBe('k');
    expect(rawKey(undefined)).toBeNull();
    expect(rawKey({ id: 1 })).toBe('{"id":1}');
  });

  it('reads headers as text', () => {
    expect(headersAsText({ a: Buffer.from('x'), b: 'y', c: ['1', '2'] })).toEqual({ a: 'x', b: 'y', c: '2' });
    expect(toWireHeaders(null)).toEqual({});
  });
});
