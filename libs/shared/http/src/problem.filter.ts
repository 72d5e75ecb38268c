import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { ViolationError, statusOfKind } from '@capaian/kinerja';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DATABASE_RETRY_AFTER_SECONDS, databaseUnavailableProblem, isDatabaseUnavailable } from './database-unavailable';
import { currentCorrelationId } from './request-context';
import { PROBLEM_CONTENT_TYPE, ProblemDetails, ProblemException, defaultProblemByStatus, problemFor } from './problem';

/**
 * Turns every exception into application/problem+json (RFC 9457). Expected failures carry their
 * own code; framework HttpExceptions get the default code of their status; anything else is a
 * bug: logged with its stack and answered with a generic 500 that leaks nothing.
 */
const fastifyProblems: Record<string, { status: number; code: string; title: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'JSON_TIDAK_VALID', title: 'Isi permintaan bukan JSON yang valid' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'JSON_TIDAK_VALID', title: 'Isi permintaan kosong padahal jenis kontennya JSON' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'MUATAN_TERLALU_BESAR', title: 'Ukuran data yang dikirim terlalu besar' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'JENIS_KONTEN_TIDAK_DIDUKUNG', title: 'Jenis konten tidak didukung: kirim data sebagai JSON (application/json)' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'PANJANG_ISI_TIDAK_SESUAI', title: 'Panjang isi permintaan tidak sesuai dengan Content-Length' },
  FST_ERR_CTP_INVALID_TYPE: { status: 415, code: 'JENIS_KONTEN_TIDAK_DIDUKUNG', title: 'Jenis konten tidak didukung: kirim data sebagai JSON (application/json)' },
  FST_ERR_CTP_EMPTY_TYPE: { status: 415, code: 'JENIS_KONTEN_TIDAK_DIDUKUNG', title: 'Jenis konten tidak didukung: kirim data sebagai JSON (application/json)' },
};

@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const problem = this.toProblem(exception);
    problem.instance = request.url;
    problem.correlationId = currentCorrelationId() ?? String(request.id);
    if (problem.status === 503 && problem.code === 'LAYANAN_TIDAK_TERSEDIA' && !(exception instanceof HttpException)) {
      // The database is out of reach: expected during an outage, one line per request, no stack.
      this.logger.warn(`database unavailable: ${(exception as Error)?.message ?? String(exception)}`);
      reply.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
    } else if (problem.status >= 500) {
      this.logger.error(exception instanceof Error ? exception : String(exception), (exception as Error)?.stack);
    }
    if (exception instanceof HttpException && problem.status === 429) {
      const retry = (exception.getResponse() as { retryAfter?: number })?.retryAfter;
      if (retry) reply.header('retry-after', String(retry));
    }
    reply.status(problem.status).header('content-type', PROBLEM_CONTENT_TYPE).send(problem);
  }

  toProblem(exception: unknown): ProblemDetails {
    if (exception instanceof ViolationError) return problemOfViolations(exception);
    if (exception instanceof ProblemException) {
      const { errors, ...rest } = exception.extras;
      return problemFor(exception.getStatus(), exception.code, exception.message, {
        ...rest,
        ...(errors && errors.length > 0 ? { errors } : {}),
      });
    }
    // Fastify's own errors (bad JSON, body too large, wrong content type) carry a code; Nest may wrap them.
    const fastifyError = (exception instanceof HttpException ? exception.cause : exception) as { code?: unknown; statusCode?: unknown } | undefined;
    if (fastifyError && typeof fastifyError.code === 'string' && fastifyError.code.startsWith('FST_')) {
      const known = fastifyProblems[fastifyError.code];
      if (known) return problemFor(known.status, known.code, known.title);
      if (typeof fastifyError.statusCode === 'number' && fastifyError.statusCode < 500) return problemFor(fastifyError.statusCode);
    }
    // A client's fault reported by a parser or stream (e.g. an aborted upload) with its own status.
    const status = (exception as { statusCode?: unknown; status?: unknown } | undefined)?.statusCode;
    if (!(exception instanceof HttpException) && typeof status === 'number' && status >= 400 && status < 500) return problemFor(status);
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      return problemFor(status, undefined, defaultProblemByStatus[status]?.title);
    }
    // Refused, reset or terminated database connections are a fault of the moment, not a bug: 503
    // with Retry-After lets clients (and the gateway) try again instead of reporting a failure.
    if (isDatabaseUnavailable(exception)) return databaseUnavailableProblem();
    return problemFor(500);
  }
}

/**
 * The single place where a violation's kind becomes an HTTP status. One violation gives its own
 * code; several give `VALIDASI_GAGAL` (all malformed input, 400) or `ATURAN_DILANGGAR` (422), and
 * every violation is listed in `errors` (with its field, or `""` when it concerns the whole request).
 */
export function problemOfViolations(error: ViolationError): ProblemDetails {
  const summary = error.summary;
  const errors = error.violations
    .filter((v) => error.violations.length > 1 || v.field !== undefined)
    .map((v) => ({ field: v.field ?? '', code: v.code, message: v.message }));
  return problemFor(statusOfKind(summary.kind), summary.code, summary.message, errors.length > 0 ? { errors } : {});
}
