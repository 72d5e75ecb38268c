import type { EventEnvelope } from '@capaian/contracts';

/**
 * How events look on the wire. The value is the whole CloudEvents envelope as JSON (the Kafka
 * protocol binding's structured mode); the `ce_*` headers repeat the routing attributes so that
 * tools and consumers can filter or trace without parsing the value.
 */
export const EventHeaders = {
  id: 'ce_id',
  type: 'ce_type',
  source: 'ce_source',
  subject: 'ce_subject',
  time: 'ce_time',
  specversion: 'ce_specversion',
  correlationId: 'ce_correlationid',
  contentType: 'content-type',
} as const;

export const CLOUDEVENTS_JSON = 'application/cloudevents+json; charset=UTF-8';

/** Headers added to a message copied to `<topic>.dlq`, next to all its original headers. */
export const DeadLetterHeaders = {
  /** Why: `handler-failed`, `permanent-failure`, `invalid-json` or `contract-violation`. */
  reason: 'dlq_reason',
  errorName: 'dlq_error_name',
  errorMessage: 'dlq_error_message',
  errorStack: 'dlq_error_stack',
  /** How many times the handler ran (0 when the message never reached it). */
  attempts: 'dlq_attempts',
  originalTopic: 'dlq_original_topic',
  originalPartition: 'dlq_original_partition',
  originalOffset: 'dlq_original_offset',
  originalTimestamp: 'dlq_original_timestamp',
  consumerGroup: 'dlq_consumer_group',
  failedAt: 'dlq_failed_at',
} as const;

export type DeadLetterReason = 'handler-failed' | 'permanent-failure' | 'invalid-json' | 'contract-violation';

export type HeaderValue = string | Buffer;
export type WireHeaders = Record<string, HeaderValue>;

export function eventHeaders(envelope: EventEnvelope<unknown>): Record<string, string> {
  return {
    [EventHeaders.id]: envelope.id,
    [EventHeaders.type]: envelope.type,
    [EventHeaders.source]: envelope.source,
    [EventHeaders.subject]: envelope.subject,
    [EventHeaders.time]: envelope.time,
    [EventHeaders.specversion]: envelope.specversion,
    [EventHeaders.correlationId]: envelope.correlationid,
    [EventHeaders.contentType]: CLOUDEVENTS_JSON,
    // The Kafka binding of the distributed tracing extension repeats it as a header.
    ...(envelope.traceparent ? { traceparent: envelope.traceparent } : {}),
    ...(envelope.tracestate ? { tracestate: envelope.tracestate } : {}),
  };
}

/**
 * Headers as Nest's Kafka parser hands them over (strings, JSON-parsed objects, or Buffers for
 * binary values) turned back into bytes, so a dead letter carries them unchanged.
 */
export function toWireHeaders(headers: Record<string, unknown> | undefined | null): WireHeaders {
  const out: WireHeaders = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const wire = toHeaderValue(value);
    if (wire !== undefined) out[name] = wire;
  }
  return out;
}

function toHeaderValue(value: unknown): HeaderValue | undefined {
  if (value === undefined || value === null) return undefined;
  if (Buffer.isBuffer(value)) return value;
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    // Repeated headers: kafkajs hands them over as an array; keep the last one like most clients do.
    return value.length > 0 ? toHeaderValue(value[value.length - 1]) : undefined;
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Headers as readable strings, for handlers and logs. */
export function headersAsText(headers: Record<string, unknown> | undefined | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(toWireHeaders(headers))) {
    out[name] = Buffer.isBuffer(value) ? value.toString('utf8') : value;
  }
  return out;
}

export interface DeadLetterFailure {
  reason: DeadLetterReason;
  error: unknown;
  attempts: number;
  topic: string;
  partition: number;
  offset: string;
  timestamp?: string;
  consumerGroup: string;
  failedAt?: Date;
}

const MAX_MESSAGE_CHARS = 2_000;
const MAX_STACK_CHARS = 8_000;

/** The original headers plus the failure; ours win on a name clash so the DLQ record is always truthful. */
export function deadLetterHeaders(original: Record<string, unknown> | undefined | null, failure: DeadLetterFailure): WireHeaders {
  const error = failure.error instanceof Error ? failure.error : new Error(String(failure.error));
  const headers: WireHeaders = {
    ...toWireHeaders(original),
    [DeadLetterHeaders.reason]: failure.reason,
    [DeadLetterHeaders.errorName]: error.name,
    [DeadLetterHeaders.errorMessage]: truncate(error.message, MAX_MESSAGE_CHARS),
    [DeadLetterHeaders.attempts]: String(failure.attempts),
    [DeadLetterHeaders.originalTopic]: failure.topic,
    [DeadLetterHeaders.originalPartition]: String(failure.partition),
    [DeadLetterHeaders.originalOffset]: failure.offset,
    [DeadLetterHeaders.consumerGroup]: failure.consumerGroup,
    [DeadLetterHeaders.failedAt]: (failure.failedAt ?? new Date()).toISOString(),
  };
  if (error.stack) headers[DeadLetterHeaders.errorStack] = truncate(error.stack, MAX_STACK_CHARS);
  if (failure.timestamp) headers[DeadLetterHeaders.originalTimestamp] = failure.timestamp;
  return headers;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export type DecodedValue = { ok: true; json: unknown } | { ok: false; problem: string };

/**
 * A consumed value as JSON. Nest's parser may hand over a Buffer (keepBinary, or a value starting
 * with a zero byte), a string (not JSON-looking) or an already parsed object.
 */
export function decodeValue(value: unknown): DecodedValue {
  if (value === null || value === undefined) return { ok: false, problem: 'message has no value' };
  if (Buffer.isBuffer(value) || typeof value === 'string') {
    const text = Buffer.isBuffer(value) ? value.toString('utf8') : value;
    if (text.length === 0) return { ok: false, problem: 'message value is empty' };
    try {
      return { ok: true, json: JSON.parse(text) };
    } catch (e) {
      return { ok: false, problem: `message value is not valid JSON: ${(e as Error).message}` };
    }
  }
  if (typeof value === 'object') return { ok: true, json: value };
  return { ok: false, problem: `message value has unexpected type ${typeof value}` };
}

/** The value's original bytes (as far as they can be recovered) for the dead letter. */
export function rawValue(value: unknown): Buffer | null {
  if (value === null || value === undefined) return null;
  if (Buffer.isBuffer(value)) return value;
  if (typeof value === 'string') return Buffer.from(value, 'utf8');
  return Buffer.from(JSON.stringify(value), 'utf8');
}

export function rawKey(key: unknown): Buffer | string | null {
  if (key === null || key === undefined) return null;
  if (Buffer.isBuffer(key) || typeof key === 'string') return key;
  return JSON.stringify(key);
}
