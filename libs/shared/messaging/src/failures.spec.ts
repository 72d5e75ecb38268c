import { PermanentEventError, isInfrastructureError, retryDelay } from './failures';

describe('retryDelay', () => {
  it('doubles from the base up to the cap', () => {
    expect([1, 2, 3, 4, 5].map((a) => retryDelay(a, 100, 1000))).toEqual([100, 200, 400, 800, 1000]);
  });
});

describe('isInfrastructureError', () => {
  it('recognises an unreachable or shut down database', () => {
    expect(isInfrastructureError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isInfrastructureError(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).toBe(true);
    expect(isInfrastructureError(Object.assign(new Error('x'), { code: '08006' }))).toBe(true);
    expect(isInfrastructureError(new Error('Connection terminated unexpectedly'))).toBe(true);
    // TypeORM wraps the driver's error.
    expect(isInfrastructureError(Object.assign(new Error('query failed'), { driverError: { code: '53300', message: 'too many clients' } }))).toBe(true);
  });

  it('does not excuse the message or the handler', () => {
    expect(isInfrastructureError(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
    expect(isInfrastructureError(new TypeError('cannot read properties of undefined'))).toBe(false);
    expect(isInfrastructureError(new PermanentEventError('pegawai tidak dikenal'))).toBe(false);
    expect(isInfrastructureError(undefined)).toBe(false);
  });

  it('survives a cause cycle', () => {
    const a: { message: string; cause?: unknown } = { message: 'a' };
    a.cause = a;
    expect(isInfrastructureError(a)).toBe(false);
  });
});
