import { context, ROOT_CONTEXT, trace, TraceFlags } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { ContextOnlyTracerProvider } from './context-only-tracer';

describe('ContextOnlyTracerProvider (no exporter)', () => {
  const tracer = new ContextOnlyTracerProvider().getTracer();
  const parent = trace.setSpan(ROOT_CONTEXT, trace.wrapSpanContext({ traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331', traceFlags: TraceFlags.NONE }));

  it('continues the parent trace with a span id of its own and the parent’s sampled flag', () => {
    const span = tracer.startSpan('GET /x', {}, parent);
    const ctx = span.spanContext();
    expect(ctx.traceId).toBe('0af7651916cd43dd8448eb211c80319c');
    expect(ctx.spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(ctx.spanId).not.toBe('b7ad6b7169203331');
    expect(ctx.traceFlags).toBe(TraceFlags.NONE);
    expect(span.isRecording()).toBe(false);
  });

  it('starts a sampled trace at the root, and for a span asked to be a root', () => {
    const spans = [tracer.startSpan('root', {}, ROOT_CONTEXT), tracer.startSpan('new root', { root: true }, parent)];
    for (const span of spans) {
      expect(span.spanContext().traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(span.spanContext().traceId).not.toBe('0af7651916cd43dd8448eb211c80319c');
      expect(span.spanContext().traceFlags).toBe(TraceFlags.SAMPLED);
    }
    expect(spans[0].spanContext().spanId).not.toBe(spans[1].spanContext().spanId);
  });

  it('runs startActiveSpan’s function with the new span active', () => {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    let seen;
    try {
      seen = context.with(parent, () => tracer.startActiveSpan('job', (span) => [span.spanContext(), trace.getSpan(context.active())?.spanContext()]));
    } finally {
      context.disable();
    }
    expect(seen[1]).toEqual(seen[0]);
    expect(seen[0]?.traceId).toBe('0af7651916cd43dd8448eb211c80319c');
  });
});
