import { Readable } from 'node:stream';
import { ProblemException } from '@capaian/shared/http';
import { canonicalJson, parseIdempotencyKey, requestFingerprint } from './idempotency-key';

describe('parseIdempotencyKey', () => {
  it('returns undefined without the header and the key when well-formed', () => {
    expect(parseIdempotencyKey(undefined)).toBeUndefined();
    expect(parseIdempotencyKey('a')).toBe('a');
    expect(parseIdempotencyKey('8f0c2f3e-1b2a-4c1d-9e8f-0a1b2c3d4e5f')).toBe('8f0c2f3e-1b2a-4c1d-9e8f-0a1b2c3d4e5f');
    expect(parseIdempotencyKey('impor:2026.01_A-b')).toBe('impor:2026.01_A-b');
    expect(parseIdempotencyKey('x'.repeat(200))).toHaveLength(200);
  });

  it.each([[''], ['x'.repeat(201)], ['spasi di dalam'], ['kunci/garis'], ['ü'], [['a', 'b']]])('rejects %p with 400 IDEMPOTENCY_KEY_TIDAK_VALID', (value) => {
    let error: unknown;
    try {
      parseIdempotencyKey(value as string | string[]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ProblemException);
    expect((error as ProblemException).getStatus()).toBe(400);
    expect((error as ProblemException).code).toBe('IDEMPOTENCY_KEY_TIDAK_VALID');
  });
});

describe('canonicalJson', () => {
  it('sorts object keys at every depth but keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1], c: null } })).toBe('{"a":{"c":null,"d":[3,1]},"b":1}');
    expect(canonicalJson({ a: { c: null, d: [3, 1] }, b: 1 })).toBe(canonicalJson({ b: 1, a: { d: [3, 1], c: null } }));
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
  });

  it('drops undefined members like JSON does and serialises Dates', () => {
    expect(canonicalJson({ a: undefined, b: 2 })).toBe('{"b":2}');
    expect(canonicalJson([undefined])).toBe('[null]');
    expect(canonicalJson({ t: new Date('2026-01-01T00:00:00Z') })).toBe('{"t":"2026-01-01T00:00:00.000Z"}');
  });

  it('tells no body apart from an empty object and null', () => {
    expect(canonicalJson(undefined)).toBe('');
    expect(canonicalJson({})).toBe('{}');
    expect(canonicalJson(null)).toBe('null');
  });
});

describe('requestFingerprint', () => {
  const base = { method: 'POST', path: '/api/v1/appraisal/periods', body: { tahun: 2026, jenis: 'bulanan' } };

  it('is the same for the same request whatever the key order, and a sha256 hex', () => {
    const fp = requestFingerprint(base);
    expect(fp).toMatch(/^[0-9a-f]{64}$/);
    expect(requestFingerprint({ ...base, method: 'post', body: { jenis: 'bulanan', tahun: 2026 } })).toBe(fp);
  });

  it('changes with the method, the path (query included) and the body', () => {
    const fp = requestFingerprint(base);
    expect(requestFingerprint({ ...base, method: 'PUT' })).not.toBe(fp);
    expect(requestFingerprint({ ...base, path: '/api/v1/appraisal/periods?dryRun=true' })).not.toBe(fp);
    expect(requestFingerprint({ ...base, body: { tahun: 2027, jenis: 'bulanan' } })).not.toBe(fp);
    expect(requestFingerprint({ ...base, body: '{"tahun":2026,"jenis":"bulanan"}' })).not.toBe(fp);
  });

  it('hashes raw bytes, and for streams the content type and length', () => {
    const bytes = requestFingerprint({ ...base, body: Buffer.from('nip,nama\n') });
    expect(requestFingerprint({ ...base, body: Buffer.from('nip,nama\n') })).toBe(bytes);
    expect(requestFingerprint({ ...base, body: Buffer.from('nip,nama\r\n') })).not.toBe(bytes);
    const stream = (length: string) => requestFingerprint({ ...base, body: Readable.from([]), contentType: 'text/csv', contentLength: length });
    expect(stream('10')).toBe(stream('10'));
    expect(stream('10')).not.toBe(stream('11'));
  });
});
