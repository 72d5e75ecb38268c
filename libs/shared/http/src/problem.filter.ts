import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { currentCorrelationId } from './request-context';
import { PROBLEM_CONTENT_TYPE, ProblemDetails, ProblemException, defaultProblemByStatus, problemFor } from './problem';

/**
 * Turns every exception into application/problem+json (RFC 9457). Expected failures carry their
 * own code; framework HttpExceptions get the default code of their status; anything else is a
 * bug: logged with its stack and answered with a generic 500 that leaks nothing.
 */
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
    if (problem.status >= 500) {
      this.logger.error(exception instanceof Error ? exception : String(exception), (exception as Error)?.stack);
    }
    if (exception instanceof HttpException && problem.status === 429) {
      const retry = (exception.getResponse() as { retryAfter?: number })?.retryAfter;
      if (retry) reply.header('retry-after', String(retry));
    }
    reply.status(problem.status).header('content-type', PROBLEM_CONTENT_TYPE).send(problem);
  }

  toProblem(exception: unknown): ProblemDetails {
    if (exception instanceof ProblemException) {
      const { errors, ...rest } = exception.extras;
      return problemFor(exception.getStatus(), exception.code, exception.message, {
        ...rest,
        ...(errors && errors.length > 0 ? { errors } : {}),
      });
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      return problemFor(status, undefined, defaultProblemByStatus[status]?.title);
    }
    // Fastify's own errors (bad JSON, body too large, wrong content type) carry a statusCode.
    const statusCode = (exception as { statusCode?: unknown })?.statusCode;
    if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
      if ((exception as { code?: string }).code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (exception as Error).name === 'SyntaxError') {
        return problemFor(400, 'JSON_TIDAK_VALID', 'Isi permintaan bukan JSON yang valid');
      }
      return problemFor(statusCode);
    }
    return problemFor(500);
  }
}
