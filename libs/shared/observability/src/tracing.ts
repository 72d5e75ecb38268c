import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Context,
  type Span,
  type Tracer,
} from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor, SimpleSpanProcessor, type SpanExporter, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { ContextOnlyTracerProvider } from './context-only-tracer';

/**
 * Traces across HTTP and Kafka (docs/deploy.md, "Traces"). One provider per process, registered
 * on first use: the W3C trace context is always propagated (incoming `traceparent` headers, the
 * `traceparent` extension of the CloudEvents envelope), so a request keeps one trace id through
 * the gateway, the service, the outbox relay and every consumer. Spans are exported only when
 * configured: `OTEL_TRACES_EXPORTER=otlp` with `OTEL_EXPORTER_OTLP_ENDPOINT` (the standard
 * variables); the default `none` records nothing beyond propagating the context
 * (ContextOnlyTracerProvider).
 */
export interface TracingOptions {
  /** `service.name` of the process's spans. */
  service: string;
  /** `none` (default), `otlp`. */
  exporter?: string;
  /** OTLP/HTTP base URL, e.g. `http://otel-collector:4318` (`/v1/traces` is appended). */
  endpoint?: string;
  /** A span exporter of one's own: tests pass an InMemorySpanExporter (spans are exported synchronously). */
  spanExporter?: SpanExporter;
}

interface TracingState {
  /** The SDK's provider, only when spans are exported. */
  provider?: BasicTracerProvider;
  exporting: boolean;
}

const STATE = Symbol.for('capaian.observability.tracing');
type GlobalWithState = typeof globalThis & { [STATE]?: TracingState };

/** Reads OTEL_TRACES_EXPORTER and OTEL_EXPORTER_OTLP_ENDPOINT; an unknown exporter name is refused. */
export function tracingOptionsFromEnv(service: string, env: NodeJS.ProcessEnv = process.env): TracingOptions {
  const exporter = (env.OTEL_TRACES_EXPORTER ?? 'none').trim() || 'none';
  if (exporter !== 'none' && exporter !== 'otlp') throw new Error(`OTEL_TRACES_EXPORTER must be none or otlp, not ${exporter}`);
  const endpoint = env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim() || undefined;
  if (exporter === 'otlp' && !endpoint) throw new Error('OTEL_TRACES_EXPORTER=otlp needs OTEL_EXPORTER_OTLP_ENDPOINT');
  return { service, exporter, endpoint };
}

/**
 * Registers the tracer provider, the context manager and the W3C propagator, once per process;
 * later calls return without changing anything (the first caller, normally the service's
 * bootstrap, decides the exporter). Returns whether spans are exported.
 */
export function configureTracing(options: TracingOptions): boolean {
  const global = globalThis as GlobalWithState;
  if (global[STATE]) return global[STATE].exporting;
  const processors: SpanProcessor[] = [];
  if (options.spanExporter) processors.push(new SimpleSpanProcessor(options.spanExporter));
  else if (options.exporter === 'otlp') {
    const base = (options.endpoint ?? '').replace(/\/+$/, '');
    // Required only when spans are exported: the OTLP exporter and its protobuf stack are ~225
    // modules (~15 MB resident) that a service exporting nothing never needs.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http');
    processors.push(new BatchSpanProcessor(new OTLPTraceExporter({ url: `${base}/v1/traces` })));
  }
  const exporting = processors.length > 0;
  // Without an exporter, spans only carry the context on (context-only-tracer.ts).
  const provider = exporting ? new BasicTracerProvider({ resource: resourceFromAttributes({ 'service.name': options.service }), spanProcessors: processors }) : undefined;
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider ?? new ContextOnlyTracerProvider());
  global[STATE] = { provider, exporting };
  return exporting;
}

/** Registers tracing from the environment unless already done (the HTTP bootstrap calls it). */
export function ensureTracing(service: string): void {
  if (!(globalThis as GlobalWithState)[STATE]) configureTracing(tracingOptionsFromEnv(service));
}

/** Whether this process exports its spans (registering tracing from the environment first if needed). */
export function tracesExported(service: string): boolean {
  ensureTracing(service);
  return (globalThis as GlobalWithState)[STATE]?.exporting ?? false;
}

/** Sends the spans still buffered (at shutdown). */
export async function flushTracing(): Promise<void> {
  await (globalThis as GlobalWithState)[STATE]?.provider?.forceFlush();
}

/** The tracer of one service: its name is the span's instrumentation scope, `capaian/<service>`. */
export function tracerOf(service: string): Tracer {
  return trace.getTracer(`capaian/${service}`);
}

/** W3C trace context fields, as carried in HTTP headers and in the CloudEvents envelope. */
export interface TraceCarrier {
  traceparent?: string;
  tracestate?: string;
}

const TRACEPARENT = /^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/;

/** The trace context of `ctx` (default: the active one), empty when there is none. */
export function traceCarrierOf(ctx: Context = context.active()): TraceCarrier {
  const carrier: Record<string, string> = {};
  propagation.inject(ctx, carrier);
  const out: TraceCarrier = {};
  if (carrier.traceparent && TRACEPARENT.test(carrier.traceparent)) out.traceparent = carrier.traceparent;
  if (out.traceparent && carrier.tracestate) out.tracestate = carrier.tracestate;
  return out;
}

/** The context a carrier describes (an invalid or missing `traceparent` starts a new trace). */
export function contextFrom(carrier: TraceCarrier | Record<string, unknown> | undefined): Context {
  const fields: Record<string, string> = {};
  for (const name of ['traceparent', 'tracestate'] as const) {
    const value = (carrier as Record<string, unknown> | undefined)?.[name];
    if (typeof value === 'string') fields[name] = value;
  }
  return propagation.extract(ROOT_CONTEXT, fields);
}

/** Runs `fn` inside a new span of `kind`, child of `parent`; the span records a thrown error and ends. */
export async function inSpan<R>(
  service: string,
  name: string,
  options: { kind: SpanKind; parent?: Context; attributes?: Record<string, string | number | boolean> },
  fn: (span: Span) => Promise<R>,
): Promise<R> {
  const parent = options.parent ?? context.active();
  const span = tracerOf(service).startSpan(name, { kind: options.kind, attributes: options.attributes }, parent);
  try {
    return await context.with(trace.setSpan(parent, span), () => fn(span));
  } catch (error) {
    span.recordException(error as Error);
    span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error)?.message });
    throw error;
  } finally {
    span.end();
  }
}

export { SpanKind, SpanStatusCode };
export type { Span, Context };
