import { loadServiceConfig } from '@capaian/shared/config';
import { defaultConsumerOptions, resolveMessagingOptions } from './messaging.options';
import { kafkaServerOptions } from './kafka.consumer';

describe('messaging options', () => {
  const config = loadServiceConfig('personnel', {});

  it('fills defaults and keeps overrides', () => {
    const o = resolveMessagingOptions({ config, source: '/capaian/personnel', consumer: { maxAttempts: 5 } });
    expect(o.relayEnabled).toBe(true);
    expect(o.consumer.maxAttempts).toBe(5);
    expect(o.consumer.retryBackoffMs).toBe(defaultConsumerOptions.retryBackoffMs);
    expect(o.relay.pollIntervalMs).toBeLessThanOrEqual(500);
  });

  it('rejects a source that is not a URI reference and nonsense limits', () => {
    expect(() => resolveMessagingOptions({ config, source: 'personnel' })).toThrow(/source/);
    expect(() => resolveMessagingOptions({ config, source: '/capaian/x', consumer: { maxAttempts: 0 } })).toThrow(/maxAttempts/);
    expect(() => resolveMessagingOptions({ config, source: '/capaian/x', relayOptions: { lingerMs: -1 } })).toThrow(/lingerMs/);
    expect(() => resolveMessagingOptions({ config, source: '/capaian/x', relayOptions: { maxRequestBytes: 100 } })).toThrow(/maxRequestBytes/);
  });

  it('configures the Nest Kafka transport with the exact group id (no -server postfix)', () => {
    const o = kafkaServerOptions(config);
    expect(o.postfixId).toBe('');
    expect(o.consumer?.groupId).toBe('capaian-personnel');
    expect(o.client?.brokers).toEqual(['127.0.0.1:9092']);
    expect(o.parser).toEqual({ keepBinary: true });
    expect(o.subscribe?.fromBeginning).toBe(true);
    expect(kafkaServerOptions(config, { groupId: 'g-1', fromBeginning: false }).consumer?.groupId).toBe('g-1');
  });
});
