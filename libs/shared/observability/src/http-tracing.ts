import { context, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import { contextFrom, ensureTracing, traceCarrierOf, tracerOf } from './tracing';

/** The parts of a Fastify request and reply the hooks use (no Fastify import needed here). */
interface TracedRequest {
  method: string;
  url: string;
  headers: Record<string, unknown>;
  raw: { headers: Record<string, unknown> };
  routeOptions?: { url?: string };
}
interface TracedReply {
  statusCode: number;
}
type Done = (err?: Error) => void;

const spans = new WeakMap<object, Span>();

/**
 * Fastify hooks giving each request a SERVER span, child of the caller's `traceparent`. The
 * request's own `traceparent` header is then replaced by this span's, so whatever forwards the
 * request as it is (the gateway's proxy) makes the next service's span a child of this one.
 * Handlers run inside the span's context: events they enqueue carry it (libs/shared/messaging).
 */
export function httpTracingHooks(service: string): {
  onRequest: (request: TracedRequest, reply: TracedReply, done: Done) => void;
  onResponse: (request: TracedRequest, reply: TracedReply, done: Done) => void;
} {
  ensureTracing(service);
  return {
    onRequest(request, _reply, done) {
      const parent = contextFrom(request.headers);
      const route = request.routeOptions?.url ?? request.url.split('?', 1)[0];
      const span = tracerOf(service).startSpan(
        `${request.method} ${route}`,
        { kind: SpanKind.SERVER, attributes: { 'http.request.method': request.method, 'http.route': route, 'capaian.service': service } },
        parent,
      );
      spans.set(request, span);
      const active = trace.setSpan(parent, span);
      const carrier = traceCarrierOf(active);
      if (carrier.traceparent) {
        request.raw.headers.traceparent = carrier.traceparent;
        if (carrier.tracestate) request.raw.headers.tracestate = carrier.tracestate;
        else delete request.raw.headers.tracestate;
      }
      context.with(active, done);
    },
    onResponse(request, reply, done) {
      const span = spans.get(request);
      if (span) {
        span.setAttribute('http.response.status_code', reply.statusCode);
        if (reply.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
        spans.delete(request);
      }
      done();
    },
  };
}
