import { CORRELATION_HEADER, currentCorrelationId, PROBLEM_CONTENT_TYPE, ProblemException, problemFor } from '@capaian/shared/http';
import type { FastifyReply, FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyRequest {
    /** The request's correlation id as the caller sees it in `x-correlation-id` (set by the proxy hook). */
    correlationId?: string;
  }
}

/**
 * The correlation id of a request: the one configureHttpApp put in the answer's header and in the
 * async context (not necessarily `request.id`, which Fastify generates on its own).
 */
export function correlationIdOf(request: FastifyRequest, reply?: FastifyReply): string {
  if (request.correlationId) return request.correlationId;
  const header = reply?.getHeader(CORRELATION_HEADER);
  return (typeof header === 'string' && header) || currentCorrelationId() || String(request.id);
}

/**
 * problem+json from plain Fastify routes and hooks (the proxy is not a Nest route, so the Nest
 * ProblemFilter never sees it): the same body the filter would send.
 */
export function sendProblem(request: FastifyRequest, reply: FastifyReply, problem: ProblemException | PlainProblem): FastifyReply {
  const body = problemBody(problem, request.url, correlationIdOf(request, reply));
  return reply.code(body.status).header('content-type', PROBLEM_CONTENT_TYPE).send(body);
}

type PlainProblem = { status: number; code?: string; title?: string; extras?: Record<string, unknown> };

/** The problem+json body the gateway answers itself, on either path (the fast lane writes it without Fastify). */
export function problemBody(problem: ProblemException | PlainProblem, url: string, correlationId: string) {
  const body =
    problem instanceof ProblemException
      ? problemFor(problem.getStatus(), problem.code, problem.message, problem.extras)
      : problemFor(problem.status, problem.code, problem.title, problem.extras);
  if (Array.isArray(body.errors) && body.errors.length === 0) delete body.errors;
  body.instance = url;
  body.correlationId = correlationId;
  return body;
}
