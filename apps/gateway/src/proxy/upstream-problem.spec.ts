import { upstreamProblem } from './api-proxy.plugin';

describe('upstreamProblem', () => {
  const wrapped = (code: string) => Object.assign(new Error('proxy failed'), { statusCode: 500, cause: Object.assign(new Error(code), { code }) });

  it.each([
    ['ECONNREFUSED', 503, 'LAYANAN_TIDAK_TERSEDIA'],
    ['ENOTFOUND', 503, 'LAYANAN_TIDAK_TERSEDIA'],
    ['UND_ERR_HEADERS_TIMEOUT', 504, 'LAYANAN_HULU_TIMEOUT'],
    ['UND_ERR_CONNECT_TIMEOUT', 504, 'LAYANAN_HULU_TIMEOUT'],
    ['UND_ERR_SOCKET', 502, 'LAYANAN_HULU_GAGAL'],
    ['ECONNRESET', 502, 'LAYANAN_HULU_GAGAL'],
  ])('%s → %i %s', (code, status, problem) => {
    expect(upstreamProblem('personnel', wrapped(code))).toMatchObject({ status, code: problem, extras: { service: 'personnel' } });
  });

  it('uses the status of reply-from errors without a cause', () => {
    expect(upstreamProblem('career', { statusCode: 504 })).toMatchObject({ status: 504 });
    expect(upstreamProblem('career', { statusCode: 503 })).toMatchObject({ status: 503 });
    expect(upstreamProblem('career', new Error('odd'))).toMatchObject({ status: 502 });
  });
});
