export const envelopeSchema = {
  type: 'object',
  required: ['specversion', 'id', 'source', 'type', 'subject', 'time', 'correlationid', 'data'],
  properties: {
    specversion: { const: '1.0' },
    id: { type: 'string', minLength: 1 },
    source: { type: 'string', minLength: 1 },
    type: { type: 'string', minLength: 1 },
    subject: { type: 'string', minLength: 1 },
    time: { type: 'string', format: 'date-time' },
    datacontenttype: { const: 'application/json' },
    correlationid: { type: 'string', minLength: 1 },
    // CloudEvents distributed tracing extension (W3C trace context), optional.
    traceparent: { type: 'string', pattern: '^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$' },
    tracestate: { type: 'string', maxLength: 512 },
    data: { type: 'object' },
  },
  additionalProperties: false,
} as const;
