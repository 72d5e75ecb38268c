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
    data: { type: 'object' },
  },
  additionalProperties: false,
} as const;
