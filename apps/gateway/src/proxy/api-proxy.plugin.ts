import { type IncomingMessage, validateHeaderValue } from 'node:http';
import { Readable } from 'node:stream';
import { Redis } from 'ioredis';
import { bearerChallenge, type Principal, TokenVerifier } from '@capaian/shared/auth';
import { apiPrefix, CORRELATION_HEADER, type MetricsService, ProblemException } from '@capaian/shared/http';
import { Logger } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Dispatcher, Pool } from 'undici';
import { type GatewayConfig, UPSTREAM_SERVICES, type UpstreamService } from '../gateway.config';
import { correlationIdOf, sendProblem } from '../problem-reply';
import { drainUnreadUpload, guardUploadStream } from './drain-upload';
import { LocalRateLimiter, type RateLimitResult } from './local-rate-limit';
import { PrincipalCache } from './principal-cache';
import { RedisRateLimiter } from './redis-rate-limit';

export interface ApiProxyOptions {
  config: GatewayConfig;
  verifier: TokenVerifier;
  metrics?: MetricsService;
  /** The callers and counters, shared with the fast lane (createProxyState). */
  state: ProxyState;
  /** How a failed call to a service is counted, logged and answered (upstreamFailureReporter). */
  onFailure: FailureReporter;
}

/**
 * What the full path and the fast lane share, so that a caller is verified once and counted once
 * whichever path a request takes.
 */
export interface ProxyState {
  callers: PrincipalCache;
  /**
   * The counters: in this process, answering at once (local-rate-limit.ts), or shared by every
   * replica in Redis when RATE_LIMIT_REDIS_URL is set (redis-rate-limit.ts).
   */
  limiter: LocalRateLimiter | RedisRateLimiter;
  /** The allowance of a caller (its client's, or the default), or of an anonymous IP. */
  maxOf(principal: Principal | undefined): number;
  /** Closes the Redis connection, if any. */
  close(): Promise<void>;
}

export async function createProxyState(config: GatewayConfig, metrics?: MetricsService): Promise<ProxyState> {
  const { max, anonymousMax, clientMax, redisUrl, redisPrefix, windowMs } = config.rateLimit;
  const redis = redisUrl ? await connectRateLimitStore(redisUrl, metrics) : undefined;
  return {
    callers: new PrincipalCache(),
    limiter: redis ? new RedisRateLimiter(redis, redisPrefix, windowMs) : new LocalRateLimiter(windowMs),
    maxOf: (principal) => (principal ? (clientMax[principal.clientId ?? ''] ?? max) : anonymousMax),
    close: async () => {
      if (redis?.status === 'ready') await redis.quit().catch(() => redis.disconnect());
      else redis?.disconnect();
    },
  };
}

/** The `x-ratelimit-*` headers of a counted request's answer, on either path, as a flat `[name, value, …]` list. */
export function rateLimitHeaders(limit: RateLimitResult): string[] {
  if (limit.isAllowed || limit.max === undefined) return [];
  return ['x-ratelimit-limit', String(limit.max), 'x-ratelimit-remaining', String(limit.remaining ?? 0), 'x-ratelimit-reset', String(limit.ttlInSeconds ?? 0)];
}

/** The 429 a caller over its allowance gets, on either path. */
export function tooManyRequests(limit: RateLimitResult): { status: number; code: string; title: string; extras: Record<string, unknown>; retryAfter: number } {
  const retryAfter = Math.max(1, limit.ttlInSeconds ?? 1);
  return {
    status: 429,
    code: 'TERLALU_BANYAK_PERMINTAAN',
    title: `Terlalu banyak permintaan, coba lagi dalam ${retryAfter} detik`,
    extras: { retryAfterSeconds: retryAfter },
    retryAfter,
  };
}

/** The problem a caller gets for a failed call to a service. */
export type UpstreamFailure = ReturnType<typeof upstreamProblem>;
export type FailureReporter = (service: string, method: string, url: string, error: unknown) => UpstreamFailure;

/** Counts and logs a failed call to a service, and says what the caller gets. */
export function upstreamFailureReporter(metrics?: MetricsService): FailureReporter {
  const upstreamErrors = metrics?.counter('gateway_upstream_errors_total', 'Failed proxy calls by service and problem code', ['service', 'code']);
  return (service, method, url, error) => {
    const problem = upstreamProblem(service, error);
    upstreamErrors?.inc({ service, code: problem.code });
    logger.warn(`${service} failed for ${method} ${url}: ${problem.code} (${errorCodes(error).join(', ') || String(error)})`);
    return problem;
  };
}

type HookDone = (error?: Error) => void;

/** A hook's done() for a promise chain: an error thrown after it was called is not reported twice. */
function once(done: HookDone): HookDone {
  let called = false;
  return (error?: Error) => {
    if (called) return;
    called = true;
    done(error);
  };
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Rate-limit bucket of the request: `client:<azp>:<sub>` or `ip:<address>`. */
    rateLimitKey?: string;
  }
}

const logger = new Logger('ApiProxy');

/**
 * Paths that authenticate without a bearer token, checked by the service itself: the notification
 * live stream (a single-use ticket; an EventSource cannot send headers) and the signed unsubscribe
 * link in mails, and the public check of a printed appraisal document's verification code (a QR
 * code scanned by anyone). They keep the per-IP rate limit. The stream stays open past the upstream timeout
 * because the service writes a heartbeat well within it.
 */
export const TOKENLESS_PATHS = /^\/api\/v1\/(notification\/(stream|berhenti-langganan)|appraisal\/documents\/verify\/[A-Za-z0-9-]{1,40})(\?|$)/;

/** Network failures that mean "nobody answers at that address" (503), as opposed to a broken answer (502). */
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'FST_REPLY_FROM_SERVICE_UNAVAILABLE']);
const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT', 'FST_REPLY_FROM_GATEWAY_TIMEOUT', 'FST_REPLY_FROM_TIMEOUT', 'ETIMEDOUT']);

function errorCodes(error: unknown): string[] {
  const codes: string[] = [];
  let current = error as { code?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; current && depth < 5; depth++) {
    if (typeof current.code === 'string') codes.push(current.code);
    current = current.cause as typeof current;
  }
  return codes;
}

/** Maps a proxy failure to the problem the caller gets: never the upstream's raw error, never a hang. */
export function upstreamProblem(service: string, error: unknown): { status: number; code: string; title: string; extras: Record<string, unknown> } {
  const codes = errorCodes(error);
  const extras = { service };
  if (codes.some((c) => TIMEOUT_CODES.has(c)) || (error as { statusCode?: number })?.statusCode === 504) {
    return { status: 504, code: 'LAYANAN_HULU_TIMEOUT', title: `Layanan ${service} tidak menjawab tepat waktu`, extras };
  }
  if (codes.some((c) => UNAVAILABLE_CODES.has(c)) || (error as { statusCode?: number })?.statusCode === 503) {
    return { status: 503, code: 'LAYANAN_TIDAK_TERSEDIA', title: `Layanan ${service} sedang tidak tersedia`, extras };
  }
  return { status: 502, code: 'LAYANAN_HULU_GAGAL', title: `Layanan ${service} tidak memberi jawaban yang benar`, extras };
}

/**
 * `/api/v1/<service>/**` → the service (registerServiceProxy below). Before anything is forwarded, one
 * onRequest hook (in this encapsulated context only; the gateway's own routes are untouched):
 *  1. verifies the token with the same TokenVerifier as the services' guard;
 *  2. counts the request against its bucket: client + subject for a valid token, the IP otherwise
 *     (so a flood of bad tokens is limited too) → 429 problem+json with Retry-After;
 *  3. refuses an invalid token with 401 problem+json without contacting the service.
 * The service checks the token again (docs/architecture.md §4.2): the gateway is not trusted alone.
 */
export async function apiProxyPlugin(fastify: FastifyInstance, options: ApiProxyOptions): Promise<void> {
  const { config, verifier, metrics, state } = options;
  const rejected = metrics?.counter('gateway_rejected_requests_total', 'Requests the gateway answered itself, by reason', ['reason']);

  // The proxy streams bodies to the services, which parse and check them (shared/http): the
  // gateway's own JSON parser (from configureHttpApp) is not inherited by the proxied routes.
  fastify.removeAllContentTypeParsers();
  // Nothing may leave the rest of an upload unread on the client's connection (see drain-upload.ts).
  fastify.addHook('onSend', (request, _reply, payload, done) => {
    drainUnreadUpload(request.raw);
    done(null, payload);
  });
  const maxOf = (request: FastifyRequest) => state.maxOf(request.principal);
  const { limiter, callers } = state;

  /** Answers 429 or 401 itself, or lets the request go on to the proxy (done()). */
  const decide = (request: FastifyRequest, reply: FastifyReply, limit: RateLimitResult, authError: ProblemException | undefined, done: HookDone) => {
    const counts = rateLimitHeaders(limit);
    for (let i = 0; i < counts.length; i += 2) reply.header(counts[i], counts[i + 1]);
    if (limit.isExceeded) {
      const problem = tooManyRequests(limit);
      rejected?.inc({ reason: 'rate_limit' });
      reply.header('retry-after', problem.retryAfter);
      sendProblem(request, reply, problem);
      return;
    }
    if (authError && !TOKENLESS_PATHS.test(request.url)) {
      rejected?.inc({ reason: authError.code });
      if (authError.getStatus() === 401) reply.header('www-authenticate', bearerChallenge(verifier.realm, authError));
      sendProblem(request, reply, authError);
      return;
    }
    done();
  };

  const count = (request: FastifyRequest, reply: FastifyReply, authError: ProblemException | undefined, done: HookDone) => {
    const limit = limiter.hit(request.rateLimitKey ?? `ip:${request.ip}`, maxOf(request));
    if (!(limit instanceof Promise)) return decide(request, reply, limit, authError, done);
    const finish = once(done);
    limit.then((result) => decide(request, reply, result, authError, finish)).catch(finish);
  };

  // A callback hook, not an async one: a caller seen before (the usual case) is checked and counted
  // without a single promise.
  fastify.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done: HookDone) => {
    // Only a request with a body can leave part of it unread (a GET has none: no wrapper per request).
    if (request.headers['content-length'] !== undefined || request.headers['transfer-encoding'] !== undefined) guardUploadStream(request.raw);
    request.correlationId = correlationIdOf(request, reply);
    const authorization = request.headers.authorization;
    const known = authorization === undefined ? undefined : callers.get(authorization);
    if (known) {
      request.principal = known.principal;
      request.rateLimitKey = known.rateLimitKey;
      return count(request, reply, undefined, done);
    }
    const finish = once(done);
    verifier.verifyAuthorizationHeader(authorization).then(
      (principal) => {
        request.principal = principal;
        request.rateLimitKey = `client:${principal.clientId ?? '-'}:${principal.subject}`;
        if (authorization !== undefined) callers.remember(authorization, principal, request.rateLimitKey);
        count(request, reply, undefined, finish);
      },
      (error: unknown) => {
        request.rateLimitKey = `ip:${request.ip}`;
        // The verifier only throws problems; anything else would be a bug, still never a 500 here.
        const authError = error instanceof ProblemException ? error : new ProblemException(401, 'TOKEN_TIDAK_VALID', 'Token akses tidak valid');
        count(request, reply, authError, finish);
      },
    ).catch(finish);
  });

  // The services parse and check bodies themselves: the proxy hands the raw stream on.
  const passThrough = (_request: FastifyRequest, payload: IncomingMessage, done: (error: Error | null, body?: unknown) => void) => done(null, payload);
  fastify.addContentTypeParser('application/json', passThrough);
  fastify.addContentTypeParser('*', passThrough);
  for (const service of UPSTREAM_SERVICES) await registerServiceProxy(fastify, service, config, options.onFailure);
}

/**
 * The Redis connection of the shared rate-limit counters. Commands fail at once while it is down
 * (no offline queue, one attempt, a short timeout), so a request never waits for Redis; ioredis
 * reconnects by itself. A Redis that is down at boot does not stop the gateway.
 */
async function connectRateLimitStore(url: string, metrics?: MetricsService): Promise<Redis> {
  const failures = metrics?.counter('gateway_rate_limit_store_errors_total', 'Connection errors of the shared rate-limit store (requests pass meanwhile)');
  const redis = new Redis(url, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, commandTimeout: 250, connectTimeout: 2000 });
  let down = false;
  redis.on('error', (error: Error) => {
    failures?.inc();
    if (!down) logger.warn(`rate-limit store unreachable, requests are not counted until it is back: ${error.message}`);
    down = true;
  });
  redis.on('ready', () => {
    if (down) logger.log('rate-limit store reachable again');
    down = false;
  });
  await redis.connect().catch(() => undefined);
  return redis;
}

/** The methods the gateway forwards. */
const FORWARDED_METHODS = ['DELETE', 'GET', 'HEAD', 'PATCH', 'POST', 'PUT', 'OPTIONS'];

/**
 * Hop-by-hop headers (RFC 9110 §7.6.1) and `host`: they describe one connection, not the request,
 * and are never forwarded in either direction.
 */
export const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'http2-settings', 'host', 'trailer', 'proxy-authenticate', 'proxy-authorization']);

/** Whether a header stays on this hop: hop-by-hop by name, or listed in the message's `Connection` header. */
export function isHopByHop(name: string, listed: string[]): boolean {
  return HOP_BY_HOP.has(name) || (listed.length > 0 && listed.includes(name));
}

/** Header names listed in a `Connection` header (they are hop-by-hop too). */
export function connectionListed(value: unknown): string[] {
  // What every keep-alive answer and request carries: names nothing beyond the hop-by-hop set.
  if (typeof value !== 'string' || value === '' || value === 'keep-alive' || value === 'close') return [];
  return value.split(',').map((name) => name.trim().toLowerCase()).filter(Boolean);
}

/** A `..` segment or an undecodable path never reaches a service: 400, as before. */
function isTraversal(path: string): boolean {
  let decoded: string;
  try {
    decoded = path.includes('%') ? decodeURIComponent(path) : path;
  } catch {
    return true;
  }
  if (decoded.includes('\\')) decoded = decoded.replaceAll('\\', '/');
  return decoded.includes('/..') || decoded.includes('../');
}


/** Answers up to this size are collected and sent as one buffer; larger or unsized ones are streamed. */
export const BUFFERED_ANSWER_BYTES = 256 * 1024;

type Fail = (request: FastifyRequest, reply: FastifyReply, error: unknown) => void;

/** undici's handler controller (the part used here). */
interface Controller {
  pause(): void;
  resume(): void;
  abort(reason: Error): void;
}

/**
 * One forwarded request, as an undici dispatch handler: no RequestHandler (an AsyncResource per
 * request), no BodyReadable and no pipeline for the usual small answer — its bytes are collected
 * and sent with one write; an answer without a length (the notification stream) or a large one
 * is streamed with backpressure (the service's socket pauses while the caller's is full).
 */
class Forwarding {
  private controller?: Controller;
  private status = 0;
  private headers: Record<string, string | string[]> = {};
  private chunks?: Buffer[];
  private stream?: Readable;

  constructor(
    private readonly request: FastifyRequest,
    private readonly reply: FastifyReply,
    private readonly fail: Fail,
  ) {}

  onRequestStart(controller: Controller): void {
    this.controller = controller;
  }

  onResponseStart(controller: Controller, statusCode: number, headers: Record<string, string | string[] | undefined>): void {
    const dropped = connectionListed(headers.connection);
    for (const name in headers) {
      const value = headers[name];
      if (value === undefined || isHopByHop(name, dropped)) continue;
      try {
        validateHeaderValue(name, value as string);
        this.headers[name] = value;
      } catch {
        // A header value Node refuses to send: dropped rather than failing the whole answer.
      }
    }
    this.status = statusCode;
    const length = Number(headers['content-length'] ?? Number.NaN);
    if (Number.isFinite(length) && length <= BUFFERED_ANSWER_BYTES) {
      this.chunks = [];
      return;
    }
    // The stream only for a caller still there: made first, the abort of a caller gone destroyed it
    // with an error nobody listened to (it was never handed to the reply), which ended the process.
    if (!this.answer()) return;
    const stream = new Readable({
      read: () => controller.resume(),
      destroy: (error, callback) => {
        // The caller left (or the answer failed): stop reading from the service.
        if (error || !stream.readableEnded) controller.abort(error ?? new Error('caller gone'));
        callback(error);
      },
    });
    this.stream = stream;
    this.reply.send(stream);
  }

  onResponseData(controller: Controller, chunk: Buffer): void {
    if (this.chunks) this.chunks.push(chunk);
    else if (this.stream && !this.stream.push(chunk)) controller.pause();
  }

  onResponseEnd(): void {
    if (this.stream) {
      this.stream.push(null);
      return;
    }
    if (this.reply.raw.destroyed) return;
    const chunks = this.chunks ?? [];
    if (this.answer()) this.reply.send(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
  }

  onResponseError(_controller: Controller | undefined, error: Error): void {
    if (this.stream) this.stream.destroy(error);
    // A caller gone (the abort above, or the socket closed meanwhile) has nobody to tell.
    else if (!this.reply.raw.destroyed) this.fail(this.request, this.reply, error);
  }

  /** Status and headers onto the reply; false when there is nobody to answer or the status is unusable. */
  private answer(): boolean {
    const { request, reply } = this;
    if (reply.sent || reply.raw.destroyed) {
      this.controller?.abort(new Error('caller gone'));
      return false;
    }
    try {
      reply.code(this.status);
    } catch (error) {
      this.controller?.abort(error as Error);
      this.fail(request, reply, error);
      return false;
    }
    reply.headers(this.headers);
    // An HTTP/1 connection cannot be reused until its request body has been consumed.
    if (!request.raw.complete) reply.header('connection', 'close');
    return true;
  }
}

/**
 * The proxy itself, straight on an undici Pool per service. It replaced @fastify/http-proxy +
 * @fastify/reply-from, whose per-request work (the path re-decoded character by character, the
 * query parsed and re-serialised, three copies of the headers, a JSON cache key and a URL per
 * request, see docs/benchmarks.md) cost more than the forwarding itself. The path and query go to
 * the service unchanged: it owns the same prefix and validates its own input.
 */
async function registerServiceProxy(fastify: FastifyInstance, service: UpstreamService, config: GatewayConfig, onFailure: FailureReporter): Promise<void> {
  const prefix = `/${apiPrefix(service)}`;
  const upstream = new URL(config.upstreams[service]);
  // undici with explicit limits: its defaults wait 300 s for headers.
  const pool = new Pool(upstream.origin, {
    connections: 128,
    pipelining: 1,
    connectTimeout: config.upstream.connectTimeoutMs,
    headersTimeout: config.upstream.timeoutMs,
    bodyTimeout: config.upstream.timeoutMs,
    keepAliveTimeout: 4000,
  });
  fastify.addHook('onClose', async () => {
    await pool.destroy();
  });
  const trustsProxies = config.trustedProxies.length > 0;

  const fail = (request: FastifyRequest, reply: FastifyReply, error: unknown) => {
    if (reply.sent) return;
    const problem = onFailure(service, request.method, request.url, error);
    // The upload may have stopped half-way: whatever the client still sends would be read as the
    // next request on this connection, which then hangs. The answer closes the connection instead.
    if (!request.raw.complete) reply.header('connection', 'close');
    sendProblem(request, reply, problem);
  };

  const handler = (request: FastifyRequest, reply: FastifyReply) => {
    const url = request.url;
    const query = url.indexOf('?');
    if (isTraversal(query < 0 ? url : url.slice(0, query))) {
      return sendProblem(request, reply, { status: 400, code: 'ALAMAT_TIDAK_VALID', title: 'Alamat permintaan tidak valid (segmen ".." tidak diizinkan)' });
    }

    const incoming = request.headers;
    const listed = connectionListed(incoming.connection);
    const headers: Record<string, string | string[]> = {};
    for (const name in incoming) {
      const value = incoming[name];
      if (value === undefined || isHopByHop(name, listed)) continue;
      headers[name] = value;
    }
    if (incoming.te === 'trailers') headers.te = 'trailers';
    headers.host = upstream.host;
    // The id this request carries in the gateway's logs, so that the service logs the same one.
    headers[CORRELATION_HEADER] = correlationIdOf(request);
    // Only the hops the gateway trusts (TRUSTED_PROXIES), client first: a forged header stops here.
    headers['x-forwarded-for'] = trustsProxies ? [...(request.ips ?? [request.ip])].reverse().join(', ') : request.ip;
    headers['x-forwarded-proto'] = request.protocol;
    if (incoming.host !== undefined) headers['x-forwarded-host'] = incoming.host;

    // The body is streamed as it arrives (the content-type parsers hand the raw stream over).
    const body = request.body instanceof Readable ? request.body : null;
    pool.dispatch({ path: url, method: request.method as Dispatcher.HttpMethod, headers, body }, new Forwarding(request, reply, fail));
    return reply;
  };

  for (const path of [`${prefix}/`, `${prefix}/*`]) fastify.route({ method: FORWARDED_METHODS, url: path, handler });
}
