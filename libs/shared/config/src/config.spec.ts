import { ConfigError, loadServiceConfig } from './config';

describe('loadServiceConfig', () => {
  it('defaults to the local infrastructure', () => {
    const c = loadServiceConfig('personnel', {});
    expect(c.port).toBe(3001);
    expect(c.database).toMatchObject({ database: 'capaian_personnel', username: 'capaian_personnel', port: 5432 });
    expect(c.kafka.groupId).toBe('capaian-personnel');
    expect(c.auth).toEqual({ keycloakUrl: 'http://127.0.0.1:8180', realm: 'capaian', audience: 'capaian-api' });
  });

  it('reads overrides', () => {
    const c = loadServiceConfig('career', { PORT: '8080', KAFKA_BROKERS: 'a:1, b:2', KEYCLOAK_URL: 'https://sso.example/' });
    expect(c.port).toBe(8080);
    expect(c.kafka.brokers).toEqual(['a:1', 'b:2']);
    expect(c.auth.keycloakUrl).toBe('https://sso.example');
  });

  it('lists every invalid value at once', () => {
    try {
      loadServiceConfig('gateway', { PORT: 'abc', LOG_LEVEL: 'loud', KEYCLOAK_URL: 'not a url' });
      throw new Error('expected ConfigError');
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as ConfigError).problems).toHaveLength(3);
    }
  });
});
