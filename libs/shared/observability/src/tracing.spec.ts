import { ROOT_CONTEXT, trace, TraceFlags } from '@opentelemetry/api';
import { contextFrom, traceCarrierOf, tracingOptionsFromEnv } from './tracing';

describe('tracing configuration', () => {
  it('is off unless OTEL_TRACES_EXPORTER=otlp with an endpoint', () => {
    expect(tracingOptionsFromEnv('personnel', {})).toEqual({ service: 'personnel', exporter: 'none', endpoint: undefined });
    expect(tracingOptionsFromEnv('personnel', { OTEL_TRACES_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toEqual({
      service: 'personnel',
      exporter: 'otlp',
      endpoint: 'http://collector:4318',
    });
  });

  it('refuses an unknown exporter and otlp without an endpoint', () => {
    expect(() => tracingOptionsFromEnv('personnel', { OTEL_TRACES_EXPORTER: 'jaeger' })).toThrow('OTEL_TRACES_EXPORTER must be none or otlp');
    expect(() => tracingOptionsFromEnv('personnel', { OTEL_TRACES_EXPORTER: 'otlp' })).toThrow('needs OTEL_EXPORTER_OTLP_ENDPOINT');
  });
});

describe('trace carriers (no provider registered: the API is a no-op)', () => {
  it('gives no traceparent without an active span', () => {
    expect(traceCarrierOf(ROOT_CONTEXT)).toEqual({});
  });

  it('reads nothing from a missing or malformed traceparent', () => {
    expect(trace.getSpanContext(contextFrom(undefined))).toBeUndefined();
    expect(trace.getSpanContext(contextFrom({ traceparent: 'bukan-traceparent' }))).toBeUndefined();
    expect(trace.getSpanContext(contextFrom({ traceparent: 42 }))).toBeUndefined();
  });

  it('round-trips a traceparent once a propagator is registered', async () => {
    const { configureTracing } = await import('./tracing');
    configureTracing({ service: 'unit-test' });
    const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    const ctx = contextFrom({ traceparent });
    expect(trace.getSpanContext(ctx)).toMatchObject({ traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331', traceFlags: TraceFlags.SAMPLED });
    expect(traceCarrierOf(ctx)).toEqual({ traceparent });
  });
});
