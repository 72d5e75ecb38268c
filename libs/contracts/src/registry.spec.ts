import { ContractViolationError, PlatformPingV1, Topics, contractFor, createEnvelope, deadLetterTopic, topicDefinitions, validateEnvelope } from './index';

describe('event contracts', () => {
  const ping = () =>
    createEnvelope({ source: '/capaian/test', type: PlatformPingV1, subject: 'ping-1', data: { message: 'halo' }, correlationId: 'corr-12345678' });

  it('builds a CloudEvents 1.0 envelope', () => {
    const e = ping();
    expect(e).toMatchObject({ specversion: '1.0', type: PlatformPingV1, subject: 'ping-1', correlationid: 'corr-12345678', datacontenttype: 'application/json' });
    expect(new Date(e.time).toISOString()).toBe(e.time);
    expect(validateEnvelope(e)).toBe(e);
  });

  it('maps each event type to a registered topic', () => {
    expect(contractFor(PlatformPingV1).topic).toBe(Topics.platformPing);
    const registered = topicDefinitions.map((t) => t.name);
    for (const topic of Object.values(Topics)) expect(registered).toContain(topic);
    expect(deadLetterTopic('a.b.v1')).toBe('a.b.v1.dlq');
  });

  it('rejects a payload that breaks the schema, naming the field', () => {
    const bad = { ...ping(), data: { message: '', extra: 1 } };
    expect(() => validateEnvelope(bad)).toThrow(ContractViolationError);
    try {
      validateEnvelope(bad);
    } catch (e) {
      expect((e as ContractViolationError).problems.join(' ')).toMatch(/message|additional/);
    }
  });

  it('rejects unknown types and broken envelopes', () => {
    expect(() => validateEnvelope({ ...ping(), type: 'capaian.unknown.v1' })).toThrow(/unknown event type/);
    const { id: _id, ...withoutId } = ping();
    expect(() => validateEnvelope(withoutId)).toThrow(ContractViolationError);
    expect(() => validateEnvelope('not an object')).toThrow(ContractViolationError);
  });
});
