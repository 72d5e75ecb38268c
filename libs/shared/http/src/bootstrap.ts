import { DynamicModule, INestApplication, Logger, RequestMethod, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { ServiceConfig } from '@capaian/shared/config';
import { httpTracingHooks } from '@capaian/shared/observability';
import { isDatabaseUnavailable } from './database-unavailable';
import { createHttpAdapter, type HttpServerFactory, installInputGuards } from './hostile-input';
import { JsonLogger } from './json-logger';
import { MetricsService } from './metrics';
import { buildOpenApiDocument } from './openapi';
import { ProblemFilter } from './problem.filter';
import { CORRELATION_HEADER, correlationIdFrom, runWithCorrelationId } from './request-context';
import { keepShortLivedObjectsYoung } from './v8-heap';
import { createValidationPipe } from './validation';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface HttpAppOptions {
  /** Title of the service's OpenAPI document. */
  title: string;
  description?: string;
  /** Paths outside the `/api/v1/<service>` prefix. */
  unprefixed?: string[];
  bodyLimitBytes?: number;
  /**
   * Who may set the client address through `X-Forwarded-For` (see createHttpAdapter): default
   * `true` for a service behind the gateway; the gateway passes its configured proxies.
   */
  trustProxy?: boolean | string[];
  /** The HTTP server to listen with (see createHttpAdapter); the gateway's fast lane uses it. */
  serverFactory?: HttpServerFactory;
}

/** The path prefix of a service's API, the same directly and behind the gateway. */
export function apiPrefix(service: string): string {
  return `api/v1/${service}`;
}

/**
 * Creates a service's Nest application on Fastify with everything the conventions require:
 * JSON logs, correlation ids, problem+json errors, strict validation, metrics, OpenAPI at
 * `/openapi.json`, and graceful shutdown. The caller adds its own microservice (Kafka) and listens.
 */
export async function createHttpApp(module: Type<unknown> | DynamicModule, config: ServiceConfig, options: HttpAppOptions): Promise<NestFastifyApplication> {
  keepShortLivedObjectsYoung();
  const logger = new JsonLogger(config.service, config.logLevel);
  const adapter = createHttpAdapter({ bodyLimitBytes: options.bodyLimitBytes, trustProxy: options.trustProxy, serverFactory: options.serverFactory });
  const app = await NestFactory.create<NestFastifyApplication>(module, adapter, { logger, bufferLogs: true });
  configureHttpApp(app, config.service, options);
  app.enableShutdownHooks();
  surviveDatabaseFaults();
  return app;
}

let surviving = false;

/**
 * Last line of defence: a database connection error that escaped every handler (an `error` event of
 * a pg client nobody listens to, a rejected promise nobody awaits) must not end the process — the
 * pool reconnects and requests answer 503 meanwhile (docs/architecture.md §5.4.1). It is logged with
 * its stack so the missing handler can be found. Anything else still ends the process as Node would.
 */
export function surviveDatabaseFaults(): void {
  if (surviving) return;
  surviving = true;
  const logger = new Logger('DatabaseFaults');
  process.on('uncaughtException', (error: unknown) => {
    if (isDatabaseUnavailable(error)) {
      logger.error(`database error escaped its handler; the process goes on: ${(error as Error)?.message}`, (error as Error)?.stack);
      return;
    }
    process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
    process.exit(1);
  });
  process.on('unhandledRejection', (reason: unknown) => {
    if (isDatabaseUnavailable(reason)) {
      logger.error(`database error escaped its handler (unhandled rejection); the process goes on: ${(reason as Error)?.message}`, (reason as Error)?.stack);
      return;
    }
    throw reason;
  });
}

/** Split out so tests can apply the same configuration to a Test.createTestingModule app. */
export function configureHttpApp(app: NestFastifyApplication, service: string, options: HttpAppOptions): void {
  const fastify = app.getHttpAdapter().getInstance();
  const metrics = app.get(MetricsService, { strict: false });

  // Every request runs inside its correlation id, so logs and produced events carry it.
  fastify.addHook('onRequest', (request, reply, done) => {
    // Our adapter's genReqId already derived request.id from the header; reuse it so that
    // request.id and the correlation id agree. Adapters built elsewhere (tests) get a fresh id.
    const requestId = String(request.id);
    const correlationId = UUID.test(requestId) || requestId === request.headers[CORRELATION_HEADER]
      ? requestId
      : correlationIdFrom(request.headers[CORRELATION_HEADER]);
    reply.header(CORRELATION_HEADER, correlationId);
    runWithCorrelationId(correlationId, done);
  });
  // A trace span per request, child of the caller's traceparent (libs/shared/observability).
  const tracing = httpTracingHooks(service);
  fastify.addHook('onRequest', tracing.onRequest);
  fastify.addHook('onResponse', tracing.onResponse);
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions?.url ?? 'unmatched';
    metrics?.httpDuration.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
    done();
  });

  app.setGlobalPrefix(apiPrefix(service), {
    exclude: [
      { path: 'health/live', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
      { path: 'metrics', method: RequestMethod.GET },
      ...(options.unprefixed ?? []).map((path) => ({ path, method: RequestMethod.ALL })),
    ],
  });
  installInputGuards(app);
  app.useGlobalFilters(new ProblemFilter());
  app.useGlobalPipes(createValidationPipe());
}

/** Builds the OpenAPI document after all routes exist and serves it at `/openapi.json`. */
export function serveOpenApi(app: INestApplication, options: HttpAppOptions): void {
  const document = buildOpenApiDocument(app, options);
  const fastify = (app as NestFastifyApplication).getHttpAdapter().getInstance();
  fastify.get('/openapi.json', async () => document);
}

/** Logs where the service listens; a failure to boot exits non-zero with the reason. */
export async function listen(app: NestFastifyApplication, config: ServiceConfig): Promise<void> {
  await app.listen(config.port, config.host);
  new Logger('Bootstrap').log(`${config.service} listening on http://${config.host}:${config.port}`);
}
