import type { INestApplication } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { isUtf8 } from 'node:buffer';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { FieldError, PROBLEM_CONTENT_TYPE, ProblemException, problemFor } from './problem';
import { CORRELATION_HEADER, correlationIdFrom, currentCorrelationId } from './request-context';

/**
 * The platform's edge against hostile input (docs/architecture.md, §5.9 "Hostile input at the edge"): every route of
 * every service inherits these checks, so no handler, DTO or database ever sees
 *  - a JSON body nested deeper than {@link MAX_JSON_DEPTH} (class-transformer recurses and would
 *    overflow the stack), or bytes that are not UTF-8;
 *  - a body in another format than JSON (form-encoded, text/plain...) unless a route registered
 *    its own parser for it (the personnel import takes CSV/XLSX);
 *  - text PostgreSQL cannot store (NUL, lone surrogates) in a body, a path parameter or a query;
 *  - an English framework error (bad URL, parameter too long): all become problem+json.
 */

/** Deeper JSON than this is refused before it is parsed; no DTO of the platform nests half as deep. */
export const MAX_JSON_DEPTH = 32;
/** Fastify's own default, kept explicit: a path parameter longer than this is answered with 414. */
export const MAX_PARAM_LENGTH = 100;
/** An unread body up to this size is read and discarded so the connection stays usable (see drainUnreadBody). */
export const DRAIN_LIMIT_BYTES = 16 * 1_048_576;

export const UNSTORABLE_TEXT_CODE = 'KARAKTER_TIDAK_DIIZINKAN';
const UNSTORABLE_TEXT_MESSAGE = 'Teks berisi karakter yang tidak dapat disimpan (karakter NUL atau karakter Unicode yang terpotong)';

// A NUL, or a high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
// eslint-disable-next-line no-control-regex -- finding NUL is the point
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when PostgreSQL could not store the text as given (it refuses NUL; lone surrogates become U+FFFD or fail). */
export function isUnstorableText(text: string): boolean {
  return UNSTORABLE.test(text);
}

/**
 * Every string (value or key) of a parsed JSON value that PostgreSQL cannot store, as field errors.
 * Iterative, so that the walk itself cannot overflow the stack whatever the input.
 */
export function unstorableTextErrors(value: unknown, root = ''): FieldError[] {
  const errors: FieldError[] = [];
  const stack: [unknown, string][] = [[value, root]];
  for (let next = stack.pop(); next && errors.length < 50; next = stack.pop()) {
    const [current, path] = next;
    if (typeof current === 'string') {
      if (isUnstorableText(current)) errors.push({ field: path, code: UNSTORABLE_TEXT_CODE, message: UNSTORABLE_TEXT_MESSAGE });
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push([current[i], path ? `${path}.${i}` : String(i)]);
    } else if (current !== null && typeof current === 'object') {
      for (const [key, child] of Object.entries(current as Record<string, unknown>)) {
        const field = path ? `${path}.${key}` : key;
        if (isUnstorableText(key)) {
          errors.push({ field: JSON.stringify(field).slice(1, -1), code: UNSTORABLE_TEXT_CODE, message: 'Nama kolom berisi karakter yang tidak dapat disimpan' });
        } else {
          stack.push([child, field]);
        }
      }
    }
  }
  return errors.reverse();
}

/** The nesting depth of JSON text, measured on the bytes without parsing (strings and escapes skipped). */
export function jsonDepth(bytes: Uint8Array, stopAbove = Infinity): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (inString) {
      if (b === 0x5c) i++; // backslash: the next byte is escaped
      else if (b === 0x22) inString = false;
    } else if (b === 0x22) {
      inString = true;
    } else if (b === 0x7b || b === 0x5b) {
      depth++;
      if (depth > max) {
        max = depth;
        if (max > stopAbove) return max;
      }
    } else if (b === 0x7d || b === 0x5d) {
      depth--;
    }
  }
  return max;
}

function invalidBody(code: string, message: string, errors?: FieldError[]): ProblemException {
  return new ProblemException(400, code, message, errors ? { errors } : {});
}

/**
 * The JSON parser of every service (replaces Fastify's and Nest's): depth and UTF-8 checked on the
 * bytes first, then Fastify's prototype-poisoning-safe parse, then every string checked.
 */
export function strictJsonParser(fastify: FastifyInstance) {
  const parse = fastify.getDefaultJsonParser('error', 'error');
  return (_request: FastifyRequest, body: Buffer, done: (error: Error | null, value?: unknown) => void): void => {
    if (jsonDepth(body, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
      return done(invalidBody('JSON_TERLALU_DALAM', `Isi JSON bersarang terlalu dalam (paling banyak ${MAX_JSON_DEPTH} tingkat)`));
    }
    // Invalid bytes would silently become U+FFFD and be stored as such.
    if (!isUtf8(body)) return done(invalidBody('JSON_TIDAK_VALID', 'Isi permintaan bukan teks UTF-8 yang valid'));
    const text = body.toString('utf8');
    parse(_request, text, (error: Error | null, value?: unknown) => {
      if (error) return done(error);
      const errors = unstorableTextErrors(value);
      if (errors.length > 0) return done(invalidBody('VALIDASI_GAGAL', 'Data yang dikirim tidak valid', errors));
      done(null, value);
    });
  };
}

/** Sends a problem from a Fastify hook or handler, outside Nest (the same body as the ProblemFilter's). */
export function replyWithProblem(request: FastifyRequest, reply: FastifyReply, error: ProblemException, options: { echoUrl?: boolean } = {}): FastifyReply {
  const { errors, ...rest } = error.extras;
  const body = problemFor(error.getStatus(), error.code, error.message, { ...rest, ...(errors && errors.length > 0 ? { errors } : {}) });
  if (options.echoUrl !== false) body.instance = request.url;
  const header = reply.getHeader(CORRELATION_HEADER);
  body.correlationId = (typeof header === 'string' && header) || currentCorrelationId() || String(request.id);
  return reply.code(body.status).header('content-type', PROBLEM_CONTENT_TYPE).send(body);
}

function decodes(component: string): boolean {
  try {
    decodeURIComponent(component.replace(/\+/g, ' '));
    return true;
  } catch {
    return false;
  }
}

/**
 * Query components whose percent-encoding is not UTF-8 (`%ED%B0%80`, `%zz`): the query parser keeps
 * them undecoded, so a handler would see the raw escape as if it were the value.
 */
export function malformedQueryErrors(url: string): FieldError[] {
  const start = url.indexOf('?');
  if (start < 0) return [];
  const errors: FieldError[] = [];
  for (const pair of url.slice(start + 1).split('&')) {
    const [name, value = ''] = pair.split('=', 2);
    if (decodes(name) && decodes(value)) continue;
    errors.push({ field: `query.${decodes(name) ? decodeURIComponent(name.replace(/\+/g, ' ')) : ''}`, code: 'PENGODEAN_TIDAK_VALID', message: 'Pengodean persen pada parameter ini tidak valid' });
  }
  return errors;
}

/** Field errors for path parameters and query values PostgreSQL could not store or nobody can decode. */
export function unstorableRequestErrors(request: FastifyRequest): FieldError[] {
  const errors: FieldError[] = malformedQueryErrors(request.url);
  for (const [where, values] of [
    ['path', request.params],
    ['query', request.query],
  ] as const) {
    if (!values || typeof values !== 'object') continue;
    for (const error of unstorableTextErrors(values)) errors.push({ ...error, field: `${where}.${error.field}` });
  }
  return errors;
}

/**
 * Fastify's errors raised before any hook or Nest runs (a bad percent-encoding, a path parameter
 * over {@link MAX_PARAM_LENGTH}): problem+json in Bahasa Indonesia that never echoes the URL.
 */
export function frameworkErrors(error: { code?: string }, request: FastifyRequest, reply: FastifyReply): void {
  reply.header(CORRELATION_HEADER, correlationIdFrom(request.headers[CORRELATION_HEADER]));
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    replyWithProblem(request, reply, new ProblemException(414, 'ALAMAT_TERLALU_PANJANG', `Salah satu bagian alamat lebih dari ${MAX_PARAM_LENGTH} karakter`), { echoUrl: false });
  } else if (error.code === 'FST_ERR_BAD_URL') {
    replyWithProblem(request, reply, new ProblemException(400, 'ALAMAT_TIDAK_VALID', 'Alamat permintaan tidak valid (pengodean persen yang salah)'), { echoUrl: false });
  } else {
    replyWithProblem(request, reply, new ProblemException(400, 'PERMINTAAN_TIDAK_VALID', 'Permintaan tidak valid'), { echoUrl: false });
  }
}

const CLIENT_ERRORS: Record<string, [number, string, string, string]> = {
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout', 'WAKTU_PERMINTAAN_HABIS', 'Permintaan tidak selesai dikirim tepat waktu'],
  HPE_HEADER_OVERFLOW: [431, 'Request Header Fields Too Large', 'HEADER_TERLALU_BESAR', 'Header permintaan terlalu besar'],
};

/**
 * Node's own refusals of a request it cannot parse as HTTP (malformed request line or header, headers
 * too large, too slow): written on the socket before Fastify exists for it, as problem+json too.
 */
export function clientErrorHandler(error: { code?: string }, socket: import('node:stream').Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, reason, code, title] = CLIENT_ERRORS[error.code ?? ''] ?? [400, 'Bad Request', 'PERMINTAAN_HTTP_TIDAK_VALID', 'Permintaan HTTP tidak dapat dibaca'];
  const body = JSON.stringify(problemFor(status, code, title));
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${reason}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\nConnection: close\r\n\r\n${body}`);
  }
  socket.destroy();
}

export interface HttpAdapterOptions {
  bodyLimitBytes?: number;
  /**
   * Which peers may set the client address through `X-Forwarded-For`: `true` (any: a service
   * behind the gateway), or a list of addresses/CIDRs (the gateway; empty = nobody).
   */
  trustProxy?: boolean | string[];
  /**
   * Makes the HTTP server Fastify listens with (Fastify's `serverFactory`): the gateway's fast lane
   * answers some requests before Fastify sees them. Default: Fastify's own.
   */
  serverFactory?: HttpServerFactory;
}

/** Fastify's `serverFactory`: gets Fastify's request handler, returns the server to listen with. */
export type HttpServerFactory = (handler: (req: IncomingMessage, res: ServerResponse) => void, options: unknown) => Server;

/** The Fastify adapter every app (and test app) should use: limits, correlation ids, framework errors. */
export function createHttpAdapter(options: HttpAdapterOptions = {}): FastifyAdapter {
  return new FastifyAdapter({
    bodyLimit: options.bodyLimitBytes ?? 1_048_576,
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => correlationIdFrom(req.headers[CORRELATION_HEADER]),
    // Nest's logger is the only logger: one format in the logs.
    logger: false,
    trustProxy: options.trustProxy ?? true,
    frameworkErrors,
    clientErrorHandler,
    ...(options.serverFactory ? { serverFactory: options.serverFactory } : {}),
  });
}

/**
 * A request answered before its body was read to the end (refused as too large or malformed, or
 * answered early by a proxied service) leaves bytes on the connection: read as the start of the
 * next request, they hang it; closing the connection instead can reset the socket before the client
 * (or the gateway) has read the answer, which then becomes a 502. A modest remainder is read and
 * discarded, so the answer arrives and the connection stays usable; a larger one closes it.
 */
export function drainUnreadBody(request: FastifyRequest, reply: FastifyReply): void {
  const raw = request.raw;
  if (raw.complete || raw.destroyed) return;
  const length = Number(request.headers['content-length'] ?? Number.NaN);
  if (Number.isFinite(length) && length > DRAIN_LIMIT_BYTES) {
    reply.header('connection', 'close');
    return;
  }
  reply.removeHeader('connection');
  let received = 0;
  raw.removeAllListeners('data');
  raw.on('data', (chunk: Buffer) => {
    received += chunk.length;
    if (received > DRAIN_LIMIT_BYTES) raw.destroy();
  });
  raw.resume();
}

/** Installs the body parsers and hooks above on an app; configureHttpApp calls it before init. */
export function installInputGuards(app: NestFastifyApplication | INestApplication): void {
  const adapter = (app as NestFastifyApplication).getHttpAdapter() as unknown as FastifyAdapter;
  const fastify = adapter.getInstance() as FastifyInstance;
  const bodyLimit = fastify.initialConfig.bodyLimit;
  // Fastify parses text/plain by default; a string body is never what a route means.
  if (fastify.hasContentTypeParser('text/plain')) fastify.removeContentTypeParser('text/plain');
  // Registered through Nest so that it does not add its own JSON and form parsers at init.
  adapter.useBodyParser('application/json', false, { bodyLimit }, strictJsonParser(fastify));
  adapter.useBodyParser('application/x-www-form-urlencoded', false, { bodyLimit }, (_req: unknown, _body: unknown, done: (e: Error) => void) =>
    done(new ProblemException(415, 'JENIS_KONTEN_TIDAK_DIDUKUNG', 'Jenis konten tidak didukung: kirim data sebagai JSON (application/json)')),
  );

  fastify.addHook('preValidation', (request, reply, done) => {
    const errors = unstorableRequestErrors(request);
    if (errors.length === 0) return done();
    replyWithProblem(request, reply, new ProblemException(400, 'VALIDASI_GAGAL', 'Data yang dikirim tidak valid', { errors }));
  });
  fastify.addHook('onSend', (request, reply, payload, done) => {
    // Fastify asks to close the connection when it refuses a body it has not read.
    if (reply.getHeader('connection') === 'close') drainUnreadBody(request, reply);
    done(null, payload);
  });
}
