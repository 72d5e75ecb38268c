import { type CallHandler, type ExecutionContext, Inject, Injectable, Logger, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ProblemException, type ProblemDetails } from '@capaian/shared/http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Observable, catchError, concatMap, from, of, throwError } from 'rxjs';
import { IDEMPOTENCY_KEY_HEADER, IDEMPOTENCY_REPLAYED_HEADER, parseIdempotencyKey, requestFingerprint } from './idempotency-key';
import { IdempotencyStore, type StoredIdempotencyRecord } from './idempotency.store';
import { IDEMPOTENT_METADATA } from './idempotent.decorator';

/** Response headers that belong to the answer and are replayed with it. */
const REPLAYED_HEADERS = ['location'];

/**
 * Runs an `@Idempotent()` handler at most once per (principal, Idempotency-Key): the first request
 * claims the key and its successful answer is stored; a retry with the same request gets that
 * answer again, a retry while the first still runs gets 409, a different request under the same
 * key gets 422. An error answer (4xx or 5xx) is not stored and the claim is dropped: a refused
 * request had no effect, so running its retry again is harmless, and a refused request must leave
 * nothing behind in the database — not even its key.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Idempotency');

  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(IdempotencyStore) private readonly store: IdempotencyStore,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (context.getType() !== 'http') return next.handle();
    if (!this.reflector.getAllAndOverride<boolean>(IDEMPOTENT_METADATA, [context.getHandler(), context.getClass()])) return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const key = parseIdempotencyKey(request.headers[IDEMPOTENCY_KEY_HEADER]);
    if (key === undefined) return next.handle();
    // Keys are scoped to the caller; an anonymous request has no scope, so it runs unprotected.
    const subject = (request as { principal?: { subject?: string } }).principal?.subject;
    if (!subject) return next.handle();

    const method = request.method;
    const path = request.url;
    const fingerprint = requestFingerprint({
      method,
      path,
      body: request.body,
      contentType: headerValue(request.headers['content-type']),
      contentLength: headerValue(request.headers['content-length']),
    });
    const outcome = await this.store.claim({ subject, key, method, path, fingerprint });
    if (!outcome.claimed) return this.answerFromStore(outcome.existing, fingerprint, reply);

    return next.handle().pipe(
      concatMap(async (body) => {
        // Stored before the response leaves, so a retry that follows it finds the answer.
        await this.record(subject, key, reply.statusCode, toJson(body), pickHeaders(reply));
        return body;
      }),
      catchError((error: unknown) => from(this.releaseAfterFailure(subject, key)).pipe(concatMap(() => throwError(() => error)))),
    );
  }

  private answerFromStore(existing: StoredIdempotencyRecord, fingerprint: string, reply: FastifyReply): Observable<unknown> {
    if (existing.fingerprint !== fingerprint) {
      throw new ProblemException(422, 'IDEMPOTENCY_KEY_DIPAKAI_ULANG', 'Idempotency-Key ini sudah dipakai untuk permintaan lain; gunakan kunci baru');
    }
    if (existing.state !== 'DONE' || existing.responseStatus === null) {
      throw new ProblemException(409, 'IDEMPOTENCY_KEY_SEDANG_DIPROSES', 'Permintaan dengan Idempotency-Key ini masih diproses; coba lagi sebentar lagi');
    }
    reply.header(IDEMPOTENCY_REPLAYED_HEADER, 'true');
    for (const [name, value] of Object.entries(existing.responseHeaders ?? {})) reply.header(name, value);
    if (existing.responseStatus >= 400) throw replayedProblem(existing.responseStatus, existing.responseBody as ProblemDetails);
    reply.status(existing.responseStatus);
    return of(existing.responseBody === null ? undefined : existing.responseBody);
  }

  private async record(subject: string, key: string, status: number, body: unknown, headers: Record<string, string>): Promise<void> {
    try {
      await this.store.complete(subject, key, status, body, headers);
    } catch (e) {
      // The effect happened and the client gets its answer; the store keeps trying to save it.
      this.logger.error(`storing the answer for an Idempotency-Key failed: ${(e as Error).message}`, (e as Error).stack);
    }
  }

  /** Every error releases the key (see the class comment). */
  private async releaseAfterFailure(subject: string, key: string): Promise<void> {
    try {
      await this.store.release(subject, key);
    } catch (e) {
      this.logger.error(`releasing an Idempotency-Key after a failed request failed: ${(e as Error).message}`, (e as Error).stack);
    }
  }
}

/** Rebuilds the stored problem so the ProblemFilter sends it again (with this request's instance and correlation id). */
function replayedProblem(status: number, stored: ProblemDetails): ProblemException {
  const { type: _type, title, status: _status, code, instance: _instance, correlationId: _correlationId, ...extras } = stored ?? ({} as ProblemDetails);
  return new ProblemException(status, code ?? 'KONFLIK', title ?? '', extras);
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(',') : value;
}

function pickHeaders(reply: FastifyReply): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of REPLAYED_HEADERS) {
    const value = reply.getHeader(name);
    if (typeof value === 'string') headers[name] = value;
  }
  return headers;
}

/** What the client receives as JSON (class instances, Dates), so the replay is byte-for-byte alike. */
function toJson(body: unknown): unknown {
  return body === undefined ? undefined : JSON.parse(JSON.stringify(body));
}
