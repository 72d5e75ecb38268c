import { connect, type Socket } from 'node:net';

/**
 * Keep-alive HTTP/1.1 connections to one service, for the fast lane (fast-lane.ts): the request's
 * head is written as one string, the answer is read straight off the socket. It exists because
 * the general-purpose clients cost more than the whole of nginx per request (docs/benchmarks.md,
 * "the fast lane"): undici copies every answer through its WebAssembly parser, Node's client builds a
 * stream per answer. The services behind the gateway are ours and speak plain HTTP/1.1, so the
 * reader below only has to be strict, not forgiving: anything it does not expect fails the
 * exchange (the caller gets 502) and closes the connection.
 */

/** Steers the connection carrying an exchange. */
export interface ExchangeControl {
  pause(): void;
  resume(): void;
  /** The answer is no longer wanted: the connection is closed. */
  abort(): void;
}

/** What an exchange reports, in this order: one head, any number of data chunks, then end or error. */
export interface ExchangeHandler {
  /** The connection carrying the exchange (again, with another one, when the request is retried). */
  attach(control: ExchangeControl): void;
  /**
   * The answer's status and headers (a flat `[name, value, …]` list as sent, names as sent);
   * `length` is the body's size when the service gave one, undefined for a chunked body.
   */
  onHead(status: number, headers: string[], length: number | undefined): void;
  /** Part of the body (decoded from chunks when chunked); false asks the connection to pause. */
  onData(chunk: Buffer): boolean;
  onEnd(): void;
  /** The exchange failed; `code` says how (ECONNREFUSED, ETIMEDOUT, UPSTREAM_PROTOCOL, ECONNRESET, …). */
  onError(error: Error & { code?: string }): void;
}

export interface UpstreamOptions {
  host: string;
  port: number;
  connectTimeoutMs: number;
  /** Longest silence while waiting for the answer's head or between its chunks. */
  timeoutMs: number;
  /** How long an idle connection is kept (below the services' own keep-alive timeout). */
  idleMs?: number;
  /** Idle connections kept at most. */
  maxIdle?: number;
}

/** The largest answer head read (Node's own limit for request heads is 16 KB). */
const MAX_HEAD_BYTES = 64 * 1024;
const HEAD_END = Buffer.from('\r\n\r\n');
const STATUS_LINE = /^HTTP\/1\.([01]) (\d{3})(?: |$)/;
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

function failure(code: string, message: string): Error & { code: string } {
  return Object.assign(new Error(message), { code });
}

enum Body {
  None,
  Fixed,
  Chunked,
}

/** One connection; it carries one exchange at a time (no pipelining). */
class Connection implements ExchangeControl {
  readonly socket: Socket;
  private handler?: ExchangeHandler;
  private head = '';
  /** Whether an answer byte has arrived for the current exchange (a reused connection that dies before may be retried). */
  private answered = false;
  private reusable = true;
  private pending?: Buffer;
  private body = Body.None;
  /** Bytes left of a fixed body or of the current chunk; -1 while reading a chunk-size line. */
  private remaining = 0;
  /** Chunked: what is expected next after the current chunk's data. */
  private chunkState: 'size' | 'data' | 'crlf' | 'trailers' = 'size';
  private exchanges = 0;

  constructor(
    private readonly pool: UpstreamConnections,
    options: UpstreamOptions,
  ) {
    this.socket = connect({ host: options.host, port: options.port, noDelay: true });
    this.socket.setTimeout(options.connectTimeoutMs);
    this.socket.once('connect', () => this.socket.setTimeout(options.timeoutMs));
    this.socket.on('data', (chunk: Buffer) => this.onData(chunk));
    this.socket.on('timeout', () => this.fail(failure(this.socket.connecting ? 'UND_ERR_CONNECT_TIMEOUT' : 'ETIMEDOUT', 'service did not answer in time')));
    this.socket.on('error', (error: Error & { code?: string }) => this.fail(error));
    this.socket.on('close', () => this.fail(failure('ECONNRESET', 'service closed the connection')));
  }

  /** Whether this exchange died before any answer on a connection used before (the service may have closed it as idle). */
  get diedUnanswered(): boolean {
    return !this.answered && this.exchanges > 1;
  }

  start(head: string, handler: ExchangeHandler): void {
    this.handler = handler;
    this.head = head;
    this.answered = false;
    this.pending = undefined;
    this.exchanges++;
    handler.attach(this);
    this.socket.write(head, 'latin1');
  }

  pause(): void {
    this.socket.pause();
  }

  resume(): void {
    this.socket.resume();
  }

  /** The caller left: the answer is not wanted, and the connection cannot carry another. */
  abort(): void {
    this.handler = undefined;
    this.socket.destroy();
  }

  private fail(error: Error & { code?: string }): void {
    this.reusable = false;
    this.pool.forget(this);
    const handler = this.handler;
    this.handler = undefined;
    this.socket.destroy();
    if (handler) this.pool.failed(this, handler, error, this.head);
  }

  private onData(chunk: Buffer): void {
    if (!this.handler) {
      // Bytes nobody asked for: the connection's state is unknown.
      this.fail(failure('UPSTREAM_PROTOCOL', 'unexpected bytes from the service'));
      return;
    }
    this.answered = true;
    let data = chunk;
    if (this.pending) {
      data = Buffer.concat([this.pending, chunk]);
      this.pending = undefined;
    }
    try {
      this.consume(data);
    } catch (error) {
      this.fail(error as Error);
    }
  }

  /** Reads heads and body from `data`; keeps an incomplete head or chunk-size line in `pending`. */
  private consume(data: Buffer): void {
    let at = 0;
    while (at < data.length && this.handler) {
      if (this.body === Body.None) {
        const end = data.indexOf(HEAD_END, at);
        if (end < 0) {
          if (data.length - at > MAX_HEAD_BYTES) throw failure('UPSTREAM_PROTOCOL', 'answer head too large');
          this.pending = data.subarray(at);
          return;
        }
        const head = data.toString('latin1', at, end);
        at = end + 4;
        this.readHead(head);
        continue;
      }
      if (this.body === Body.Fixed) {
        const take = Math.min(this.remaining, data.length - at);
        const part = data.subarray(at, at + take);
        at += take;
        this.remaining -= take;
        if (this.remaining === 0) {
          // Anything after the body was never asked for.
          if (at < data.length) this.reusable = false;
          this.finish(part);
          return;
        }
        if (!this.handler.onData(part)) this.pause();
        continue;
      }
      at = this.consumeChunked(data, at);
    }
  }

  private readHead(head: string): void {
    const lines = head.split('\r\n');
    const status = STATUS_LINE.exec(lines[0]);
    if (!status) throw failure('UPSTREAM_PROTOCOL', 'malformed status line');
    const code = Number(status[2]);
    const headers: string[] = [];
    let length: number | undefined;
    let chunked = false;
    let keepAlive = status[1] === '1';
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i];
      const colon = line.indexOf(':');
      const name = colon > 0 ? line.slice(0, colon) : '';
      if (!TOKEN.test(name)) throw failure('UPSTREAM_PROTOCOL', 'malformed header line');
      const value = line.slice(colon + 1).trim();
      const lower = name.toLowerCase();
      if (lower === 'content-length') {
        if (!/^\d{1,15}$/.test(value) || (length !== undefined && length !== Number(value))) throw failure('UPSTREAM_PROTOCOL', 'bad content-length');
        length = Number(value);
      } else if (lower === 'transfer-encoding') {
        if (value.toLowerCase() !== 'chunked') throw failure('UPSTREAM_PROTOCOL', `unsupported transfer-encoding ${value}`);
        chunked = true;
      } else if (lower === 'connection') {
        const tokens = value.toLowerCase();
        if (tokens.includes('close')) keepAlive = false;
        else if (tokens.includes('keep-alive')) keepAlive = true;
      }
      headers.push(name, value);
    }
    // 1xx: informational, the real answer follows (a GET never asks for 101).
    if (code < 200) {
      if (code === 101) throw failure('UPSTREAM_PROTOCOL', 'unexpected protocol switch');
      return;
    }
    if (chunked && length !== undefined) throw failure('UPSTREAM_PROTOCOL', 'both content-length and chunked');
    if (!keepAlive) this.reusable = false;
    const handler = this.handler!;
    if (code === 204 || code === 304 || (!chunked && length === 0)) {
      handler.onHead(code, headers, 0);
      this.finish();
      return;
    }
    // A body delimited by the connection's end: not something our services send.
    if (!chunked && length === undefined) throw failure('UPSTREAM_PROTOCOL', 'answer without length');
    handler.onHead(code, headers, chunked ? undefined : length);
    if (chunked) {
      this.body = Body.Chunked;
      this.chunkState = 'size';
    } else {
      this.body = Body.Fixed;
      this.remaining = length!;
    }
  }

  /** Decodes chunked data from `data` at `at`; returns where it stopped. */
  private consumeChunked(data: Buffer, at: number): number {
    while (at < data.length && this.handler) {
      if (this.chunkState === 'data') {
        const take = Math.min(this.remaining, data.length - at);
        const part = data.subarray(at, at + take);
        at += take;
        this.remaining -= take;
        if (this.remaining === 0) this.chunkState = 'crlf';
        if (!this.handler.onData(part)) this.pause();
        continue;
      }
      const eol = data.indexOf('\r\n', at, 'latin1');
      if (eol < 0) {
        if (data.length - at > 1024) throw failure('UPSTREAM_PROTOCOL', 'chunk line too long');
        this.pending = data.subarray(at);
        return data.length;
      }
      const line = data.toString('latin1', at, eol);
      at = eol + 2;
      if (this.chunkState === 'crlf') {
        if (line !== '') throw failure('UPSTREAM_PROTOCOL', 'chunk not followed by CRLF');
        this.chunkState = 'size';
      } else if (this.chunkState === 'size') {
        const size = /^([0-9A-Fa-f]{1,12})(?:;.*)?$/.exec(line);
        if (!size) throw failure('UPSTREAM_PROTOCOL', 'malformed chunk size');
        this.remaining = Number.parseInt(size[1], 16);
        this.chunkState = this.remaining === 0 ? 'trailers' : 'data';
      } else if (line === '') {
        // The empty line after the last chunk (trailers, if any, are dropped).
        if (at < data.length) this.reusable = false;
        this.finish();
        return data.length;
      }
    }
    return at;
  }

  private finish(last?: Buffer): void {
    const handler = this.handler!;
    this.handler = undefined;
    this.body = Body.None;
    if (last && last.length > 0) handler.onData(last);
    this.socket.resume();
    if (this.reusable) this.pool.release(this);
    else this.socket.destroy();
    handler.onEnd();
  }
}

/** The fast lane's connections to one service: reused last-in first-out, so few stay warm. */
export class UpstreamConnections {
  private readonly idle: Connection[] = [];
  private readonly idleMs: number;
  private readonly maxIdle: number;
  private closed = false;

  constructor(private readonly options: UpstreamOptions) {
    this.idleMs = options.idleMs ?? 4000;
    this.maxIdle = options.maxIdle ?? 128;
  }

  /** Sends `head` (a complete request head, no body) and reports the answer to `handler`. */
  exchange(head: string, handler: ExchangeHandler): void {
    const reused = this.idle.pop();
    if (reused) reused.socket.setTimeout(this.options.timeoutMs);
    (reused ?? new Connection(this, this.options)).start(head, handler);
  }

  /** Closes every idle connection; busy ones close when their exchange ends. */
  close(): void {
    this.closed = true;
    for (const connection of this.idle.splice(0)) connection.socket.destroy();
  }

  /** @internal An exchange is over and the connection may carry another. */
  release(connection: Connection): void {
    if (this.closed || this.idle.length >= this.maxIdle) {
      connection.socket.destroy();
      return;
    }
    connection.socket.setTimeout(this.idleMs);
    this.idle.push(connection);
  }

  /** @internal The connection is gone (closed, failed or timed out while idle). */
  forget(connection: Connection): void {
    const at = this.idle.indexOf(connection);
    if (at >= 0) this.idle.splice(at, 1);
  }

  /**
   * @internal An exchange failed. A connection used before that died before the first answer byte
   * was most likely closed by the service as idle just as the request left: the request (always a
   * GET, which changes nothing) is sent once more on a new connection; anything else is reported.
   */
  failed(connection: Connection, handler: ExchangeHandler, error: Error & { code?: string }, head: string): void {
    if (connection.diedUnanswered && !this.closed && error.code !== 'ETIMEDOUT') {
      new Connection(this, this.options).start(head, handler);
      return;
    }
    handler.onError(error);
  }
}
