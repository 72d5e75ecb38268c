import { type IncomingMessage, type ServerResponse, validateHeaderValue } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { CORRELATION_HEADER, correlationIdFrom, type MetricsService, PROBLEM_CONTENT_TYPE } from '@capaian/shared/http';
import { type GatewayConfig, UPSTREAM_SERVICES, type UpstreamService } from '../gateway.config';
import { problemBody } from '../problem-reply';
import { BUFFERED_ANSWER_BYTES, connectionListed, type FailureReporter, isHopByHop, type ProxyState, rateLimitHeaders, TOKENLESS_PATHS, tooManyRequests } from './api-proxy.plugin';
import type { RateLimitResult } from './local-rate-limit';
import { type ExchangeControl, type ExchangeHandler, UpstreamConnections } from './upstream-connections';

/**
 * The fast lane: the gateway's usual request — a GET without a body, from a caller whose token the
 * gateway verified before, to a plain address — forwarded straight from Node's HTTP server to a
 * kept-alive connection of the service, without Fastify, Nest or a general-purpose HTTP client.
 * Everything else (a first token, no token, a body, percent-encoding, CORS, a forwarded address
 * to trust) takes the full path through Fastify, whose answers the
 * lane's match: the same headers to the service, the same correlation id, the same rate-limit
 * count and headers, the same problems when the service fails. See docs/architecture.md §5.7 and
 * docs/benchmarks.md for why it exists (the gateway's CPU per request against nginx's).
 *
 * With the counters in Redis, the lane counts there too (the request waits for the count, as on the
 * full path) and answers a caller over its allowance itself, with the full path's 429. It steps
 * aside entirely when spans are exported (the full path records the gateway's span).
 */

/** Characters of an address the lane forwards as it is; `%` (decoding, traversal checks) and the rest take the full path. */
const PLAIN_URL = /^\/api\/v1\/[a-z]+\/[A-Za-z0-9\-._~/?=&,:+*@!$;]*$/;
/** Request headers the lane sets itself. */
const REPLACED = new Set([CORRELATION_HEADER, 'x-forwarded-for', 'x-forwarded-proto', 'x-forwarded-host']);

interface Lane {
  service: UpstreamService;
  route: string;
  host: string;
  connections: UpstreamConnections;
  /** This lane's metric series, looked up once (prom-client hashes the labels of every call otherwise). */
  forwarded?: { inc(): void };
  durations: Map<number, { observe(seconds: number): void }>;
}

export interface FastLaneOptions {
  config: GatewayConfig;
  state: ProxyState;
  metrics?: MetricsService;
  /** How a failed exchange is counted and logged, and which problem the caller gets (shared with the full path). */
  onFailure: FailureReporter;
}

export class FastLane {
  private readonly lanes = new Map<string, Lane>();
  private readonly rejected?: ReturnType<MetricsService['counter']>;

  constructor(private readonly options: FastLaneOptions) {
    const { config, metrics } = options;
    for (const service of UPSTREAM_SERVICES) {
      const url = new URL(config.upstreams[service]);
      const connections = new UpstreamConnections({
        host: url.hostname.replace(/^\[|\]$/g, ''),
        port: Number(url.port || 80),
        connectTimeoutMs: config.upstream.connectTimeoutMs,
        timeoutMs: config.upstream.timeoutMs,
      });
      const forwarded = metrics?.counter('gateway_fast_lane_requests_total', 'Requests forwarded by the fast lane, by service', ['service']).labels({ service });
      this.lanes.set(service, { service, route: `/api/v1/${service}/*`, host: url.host, connections, forwarded, durations: new Map() });
    }
    this.rejected = metrics?.counter('gateway_rejected_requests_total', 'Requests the gateway answered itself, by reason', ['reason']);
  }

  close(): void {
    for (const lane of this.lanes.values()) lane.connections.close();
  }

  /** Forwards the request and answers it, or returns false without having touched it. */
  take(req: IncomingMessage, res: ServerResponse): boolean {
    if (req.method !== 'GET') return false;
    const url = req.url ?? '';
    if (!PLAIN_URL.test(url) || url.includes('..')) return false;
    const lane = this.lanes.get(url.slice(8, url.indexOf('/', 8)));
    if (!lane) return false;
    const headers = req.headers;
    const { config, state } = this.options;
    if (headers['content-length'] !== undefined || headers['transfer-encoding'] !== undefined || headers.upgrade !== undefined || headers.expect !== undefined) return false;
    if (headers.origin !== undefined && config.corsAllowedOrigins.length > 0) return false;
    if (config.trustedProxies.length > 0 && (headers['x-forwarded-for'] !== undefined || headers['x-forwarded-proto'] !== undefined)) return false;
    const authorization = headers.authorization;
    const known = authorization === undefined ? undefined : state.callers.get(authorization);
    if (!known || TOKENLESS_PATHS.test(url)) return false;
    const counted = state.limiter.hit(known.rateLimitKey, state.maxOf(known.principal));
    // Over the allowance, counted in this process: the full path counts it again (it stays over) and answers the 429.
    if (!(counted instanceof Promise) && counted.isExceeded) return false;

    const correlationId = correlationIdFrom(headers[CORRELATION_HEADER]);
    const listed = connectionListed(headers.connection);
    let head = `GET ${url} HTTP/1.1\r\nhost: ${lane.host}\r\nconnection: keep-alive\r\n`;
    for (const name in headers) {
      const value = headers[name];
      if (value === undefined || REPLACED.has(name) || isHopByHop(name, listed)) continue;
      if (typeof value === 'string') head += `${name}: ${value}\r\n`;
      else for (const one of value) head += `${name}: ${one}\r\n`;
    }
    if (headers.te === 'trailers') head += 'te: trailers\r\n';
    const protocol = (req.socket as TLSSocket).encrypted ? 'https' : 'http';
    head += `${CORRELATION_HEADER}: ${correlationId}\r\nx-forwarded-for: ${req.socket.remoteAddress}\r\nx-forwarded-proto: ${protocol}\r\n`;
    if (headers.host !== undefined) head += `x-forwarded-host: ${headers.host}\r\n`;
    head += '\r\n';

    if (!(counted instanceof Promise)) {
      this.forward(lane, head, req, res, correlationId, counted);
      return true;
    }
    // Counted in Redis: the lane answers the request whatever the count says.
    void counted.then((limit) => (limit.isExceeded ? this.refuse(req, res, correlationId, limit) : this.forward(lane, head, req, res, correlationId, limit)));
    return true;
  }

  private forward(lane: Lane, head: string, req: IncomingMessage, res: ServerResponse, correlationId: string, limit: RateLimitResult): void {
    lane.forwarded?.inc();
    lane.connections.exchange(head, new Forwarding(this.options, lane, req, res, correlationId, limit));
  }

  /** The 429 of the full path (api-proxy.plugin.ts, decide). */
  private refuse(req: IncomingMessage, res: ServerResponse, correlationId: string, limit: RateLimitResult): void {
    this.rejected?.inc({ reason: 'rate_limit' });
    if (res.destroyed) return;
    const problem = tooManyRequests(limit);
    const body = problemBody(problem, req.url ?? '', correlationId);
    res.writeHead(429, ['content-type', PROBLEM_CONTENT_TYPE, CORRELATION_HEADER, correlationId, ...rateLimitHeaders(limit), 'retry-after', String(problem.retryAfter)]);
    res.end(JSON.stringify(body));
  }
}

/** One forwarded request: the service's answer onto the caller's response. */
class Forwarding implements ExchangeHandler {
  private readonly started = performance.now();
  private control?: ExchangeControl;
  private status = 0;
  private headers: string[] = [];
  private chunks?: Buffer[];
  private streaming = false;
  /** The exchange is over (answered or failed). */
  private ended = false;

  constructor(
    private readonly options: FastLaneOptions,
    private readonly lane: Lane,
    private readonly req: IncomingMessage,
    private readonly res: ServerResponse,
    private readonly correlationId: string,
    private readonly limit: RateLimitResult,
  ) {}

  attach(control: ExchangeControl): void {
    this.control = control;
  }

  onHead(status: number, raw: string[], length: number | undefined): void {
    const listed = connectionListed(valueOf(raw, 'connection'));
    // What the full path puts on every answer, then the service's own headers.
    const headers = [CORRELATION_HEADER, this.correlationId, ...rateLimitHeaders(this.limit)];
    for (let i = 0; i < raw.length; i += 2) {
      const name = raw[i].toLowerCase();
      if (name === CORRELATION_HEADER || isHopByHop(name, listed)) continue;
      try {
        // The name is a token already (upstream-connections.ts); Node would refuse the whole answer for one bad value.
        validateHeaderValue(name, raw[i + 1]);
        headers.push(name, raw[i + 1]);
      } catch {
        // A header value Node refuses to send: dropped rather than failing the whole answer (as on the full path).
      }
    }
    this.status = status;
    this.headers = headers;
    if (length !== undefined && length <= BUFFERED_ANSWER_BYTES) {
      this.chunks = [];
      return;
    }
    // Large or of unknown length (chunked): streamed with backpressure, and dropped if the caller leaves.
    if (this.callerGone()) return;
    this.streaming = true;
    // Only while the exchange lasts: afterwards the connection may already carry someone else's.
    this.res.on('close', () => {
      if (!this.ended) this.control?.abort();
    });
    this.res.on('drain', () => {
      if (!this.ended) this.control?.resume();
    });
    this.res.writeHead(status, headers);
  }

  onData(chunk: Buffer): boolean {
    if (this.chunks) {
      this.chunks.push(chunk);
      return true;
    }
    return this.res.write(chunk);
  }

  onEnd(): void {
    this.ended = true;
    if (this.streaming) {
      this.res.end();
    } else if (!this.res.destroyed) {
      const chunks = this.chunks ?? [];
      this.res.writeHead(this.status, this.headers);
      this.res.end(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
    }
    this.observe(this.status);
  }

  onError(error: Error & { code?: string }): void {
    this.ended = true;
    if (this.streaming) {
      // The head has left: the caller can only learn of the failure by the connection closing.
      this.res.destroy(error);
      return;
    }
    const failure = this.options.onFailure(this.lane.service, 'GET', this.req.url ?? '', error);
    this.observe(failure.status);
    if (this.res.destroyed || this.res.headersSent) return;
    const body = problemBody(failure, this.req.url ?? '', this.correlationId);
    this.res.writeHead(failure.status, ['content-type', PROBLEM_CONTENT_TYPE, CORRELATION_HEADER, this.correlationId, ...rateLimitHeaders(this.limit)]);
    this.res.end(JSON.stringify(body));
  }

  /** A caller who left gets nothing; the connection to the service is then closed, not reused mid-answer. */
  private callerGone(): boolean {
    if (!this.res.destroyed) return false;
    this.control?.abort();
    return true;
  }

  /** Into the same request-duration series as the full path's (configureHttpApp). */
  private observe(status: number): void {
    const { metrics } = this.options;
    if (!metrics) return;
    const { durations, route } = this.lane;
    let series = durations.get(status);
    if (!series) durations.set(status, (series = metrics.httpDuration.labels({ method: 'GET', route, status: String(status) })));
    series.observe((performance.now() - this.started) / 1000);
  }
}

function valueOf(raw: string[], name: string): string | undefined {
  for (let i = 0; i < raw.length; i += 2) if (raw[i].length === name.length && raw[i].toLowerCase() === name) return raw[i + 1];
  return undefined;
}

