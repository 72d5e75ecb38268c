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
    expect(c.rateLimit).toEqual({ max: 300, anonymousMax: 60, windowMs: 60_000, clientMax: {}, redisUrl: undefined, redisPrefix: 'capaian:gateway:rate-limit:' });
    expect(c.corsAllowedOrigins).toEqual([]);
  });

  it('reads the shared rate-limit store and the per-client allowances, and refuses what is not one', () => {
    const c = loadGatewayConfig({ RATE_LIMIT_REDIS_URL: 'redis://redis:6379/2', RATE_LIMIT_CLIENT_MAX: 'sipd-reader=3000, capaian-portal = 600' });
    expect(c.rateLimit.redisUrl).toBe('redis://redis:6379/2');
    expect(c.rateLimit.clientMax).toEqual({ 'sipd-reader': 3000, 'capaian-portal': 600 });
    for (const bad of [{ RATE_LIMIT_REDIS_URL: 'http://redis:6379' }, { RATE_LIMIT_REDIS_URL: 'redis' }, { RATE_LIMIT_CLIENT_MAX: 'sipd-reader' }, { RATE_LIMIT_CLIENT_MAX: 'sipd-reader=0' }, { RATE_LIMIT_CLIENT_MAX: 'a=1=2' }, { RATE_LIMIT_CLIENT_MAX: '=5' }]) {
      expect(() => loadGatewayConfig(bad)).toThrow(ConfigError);
    }
  });

  it('reads the CORS allow-list as origins and refuses anything else', () => {
    expect(loadGatewayConfig({ CORS_ALLOWED_ORIGINS: 'https://sipd.palembang.go.id, http://localhost:5173/' }).corsAllowedOrigins).toEqual([
      'https://sipd.palembang.go.id',
      'http://localhost:5173',
    ]);
    for (const bad of ['*', 'null', 'sipd.palembang.go.id', 'https://sipd.palembang.go.id/app', 'ftp://x.example', 'https://u:p@x.example', 'https://x.example?a=1']) {
      expect(() => loadGatewayConfig({ CORS_ALLOWED_ORIGINS: bad })).toThrow(ConfigError);
    }
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
