import { context, isSpanContextValid, trace, TraceFlags, type Context, type Span, type SpanOptions, type Tracer, type TracerProvider } from '@opentelemetry/api';
import { RandomIdGenerator } from '@opentelemetry/sdk-trace-base';

/**
 * The tracer of a process that exports no spans. Each span only carries the trace context on: the
 * parent's trace id (a new one at the root), a span id of its own and the parent's sampled flag
 * (sampled at the root, as the SDK's default sampler decides), so logs, events and the next hop
 * share the trace exactly as before — and a service further down that does export records it.
 * What it leaves out is the recording: the SDK's span per request or event took its times,
 * attributes and status for nobody to read (≈ 4 µs per span against ≈ 0.4 µs here).
 */
export class ContextOnlyTracerProvider implements TracerProvider {
  private readonly tracer = new ContextOnlyTracer();

  getTracer(): Tracer {
    return this.tracer;
  }
}

class ContextOnlyTracer implements Tracer {
  private readonly ids = new RandomIdGenerator();

  startSpan(_name: string, options?: SpanOptions, ctx: Context = context.active()): Span {
    const parent = options?.root ? undefined : trace.getSpanContext(ctx);
    const inherited = parent && isSpanContextValid(parent) ? parent : undefined;
    return trace.wrapSpanContext({
      traceId: inherited?.traceId ?? this.ids.generateTraceId(),
      spanId: this.ids.generateSpanId(),
      traceFlags: inherited?.traceFlags ?? TraceFlags.SAMPLED,
    });
  }

  startActiveSpan<F extends (span: Span) => unknown>(name: string, ...args: unknown[]): ReturnType<F> {
    const fn = args[args.length - 1] as F;
    const options = args.length > 1 ? (args[0] as SpanOptions | undefined) : undefined;
    const ctx = args.length > 2 ? (args[1] as Context) : context.active();
    const span = this.startSpan(name, options, ctx);
    return context.with(trace.setSpan(ctx, span), () => fn(span)) as ReturnType<F>;
  }
}
