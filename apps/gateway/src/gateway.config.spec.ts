import { ConfigError } from '@capaian/shared/config';
import { loadGatewayConfig } from './gateway.config';

describe('loadGatewayConfig', () => {
  it('defaults to the local services on 3001..3004', () => {
    const c = loadGatewayConfig({});
    expect(c.port).toBe(3000);
    expect(c.upstreams).toEqual({
      personnel: 'http://127.0.0.1:3001',
      appraisal: 'http://127.0.0.1:3002',
      career: 'http://127.0.0.1:3003',
      notification: 'http://127.0.0.1:3004',
    });
    expect(c.rateLimit).toEqual({ max: 300, anonymousMax: 60, windowMs: 60_000 });
  });

  it('reads overrides and lists every invalid value', () => {
    const c = loadGatewayConfig({ PERSONNEL_URL: 'http://personnel:8080/', RATE_LIMIT_MAX: '5', UPSTREAM_TIMEOUT_MS: '1500' });
    expect(c.upstreams.personnel).toBe('http://personnel:8080');
    expect(c.rateLimit.max).toBe(5);
    expect(c.upstream.timeoutMs).toBe(1500);
    expect(() => loadGatewayConfig({ CAREER_URL: 'nope', RATE_LIMIT_MAX: '0' })).toThrow(ConfigError);
    try {
      loadGatewayConfig({ CAREER_URL: 'nope', RATE_LIMIT_MAX: '0' });
    } catch (e) {
      expect((e as ConfigError).problems).toHaveLength(2);
    }
  });

  it('trusts no proxy unless told, and checks the addresses it is told', () => {
    expect(loadGatewayConfig({}).trustedProxies).toEqual([]);
    expect(loadGatewayConfig({ TRUSTED_PROXIES: '10.0.0.5, 10.1.0.0/16,loopback,::1' }).trustedProxies).toEqual(['10.0.0.5', '10.1.0.0/16', 'loopback', '::1']);
    for (const bad of ['semua', '10.0.0.0/33', '10.0.0.1/8/2', '*']) {
      expect(() => loadGatewayConfig({ TRUSTED_PROXIES: bad })).toThrow(ConfigError);
    }
  });
});
