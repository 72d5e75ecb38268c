import { randomUUID } from 'node:crypto';

/** CloudEvents 1.0 attributes plus the correlation id extension (docs/architecture.md §3.1). */
export interface EventEnvelope<T = unknown> {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  subject: string;
  time: string;
  datacontenttype: 'application/json';
  correlationid: string;
  /** W3C trace context (CloudEvents distributed tracing extension); set by the outbox, read by consumers. */
  traceparent?: string;
  tracestate?: string;
  data: T;
}

export interface NewEvent<T> {
  /** The producing service, e.g. `/capaian/personnel`. */
  source: string;
  type: string;
  /** The aggregate id; also the Kafka message key so one aggregate's events stay in order. */
  subject: string;
  data: T;
  correlationId?: string;
  id?: string;
  time?: Date;
}

export function createEnvelope<T>(event: NewEvent<T>): EventEnvelope<T> {
  return {
    specversion: '1.0',
    id: event.id ?? randomUUID(),
    source: event.source,
    type: event.type,
    subject: event.subject,
    time: (event.time ?? new Date()).toISOString(),
    datacontenttype: 'application/json',
    correlationid: event.correlationId ?? randomUUID(),
    data: event.data,
  };
}
