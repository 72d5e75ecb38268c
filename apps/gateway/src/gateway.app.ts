import { createServer, type IncomingMessage, type ServerOptions, type ServerResponse } from 'node:http';
import cors from '@fastify/cors';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { TokenVerifier } from '@capaian/shared/auth';
import { buildOpenApiDocument, createHttpApp, type HttpServerFactory, MetricsService, serveOpenApi } from '@capaian/shared/http';
import { tracesExported } from '@capaian/shared/observability';
import type { GatewayConfig } from './gateway.config';
import { GatewayModule } from './gateway.module';
import { registerApiDocs } from './openapi/api-docs';
import type { OpenApiDocument } from './openapi/merge-openapi';
import { OpenApiAggregator } from './openapi/openapi-aggregator.service';
import { servePortal } from './portal/serve-portal';
import { apiProxyPlugin, createProxyState, upstreamFailureReporter } from './proxy/api-proxy.plugin';
import { FastLane } from './proxy/fast-lane';

const docs = { title: 'Capaian gateway', description: 'Gerbang API Capaian', unprefixed: ['health'] };

/**
 * CORS for the allow-listed agency web apps: bearer tokens, no cookies (so no credentials), the
 * headers the API reads and the ones a client needs to see. An origin not on the list gets no
 * CORS header at all, so the browser keeps the answer from its page.
 */
function corsOptions(origins: string[]) {
  return {
    origin: origins,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['authorization', 'content-type', 'idempotency-key', 'if-match', 'x-correlation-id', 'traceparent', 'tracestate'],
    exposedHeaders: ['x-correlation-id', 'retry-after', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset', 'idempotency-replayed', 'location', 'etag', 'content-disposition'],
    credentials: false,
    maxAge: 600,
  };
}

/**
 * Builds the gateway (not yet listening): Nest on Fastify for its own routes, the proxy with token
 * check and rate limit for `/api/v1/<service>/**`, the merged OpenAPI and Swagger UI. main.ts and
 * the tests share this, so the tests run the real composition.
 */
export async function createGatewayApp(config: GatewayConfig): Promise<NestFastifyApplication> {
  // The fast lane (proxy/fast-lane.ts) sees each request before Fastify; it exists once the app does.
  let lane: FastLane | undefined;
  const serverFactory: HttpServerFactory = (handler, options) => {
    // What Fastify does with its own server (lib/server.js), with the lane in front of its handler.
    const o = options as { http?: ServerOptions; keepAliveTimeout: number; requestTimeout: number; connectionTimeout: number; maxRequestsPerSocket?: number };
    const server = createServer(o.http ?? {}, (req: IncomingMessage, res: ServerResponse) => {
      if (lane === undefined || !lane.take(req, res)) handler(req, res);
    });
    server.keepAliveTimeout = o.keepAliveTimeout;
    server.requestTimeout = o.requestTimeout;
    server.setTimeout(o.connectionTimeout);
    if (o.maxRequestsPerSocket && o.maxRequestsPerSocket > 0) server.maxRequestsPerSocket = o.maxRequestsPerSocket;
    server.on('close', () => lane?.close());
    return server;
  };
  const app = await createHttpApp(GatewayModule.forRoot(config), config, { ...docs, trustProxy: config.trustedProxies, serverFactory });
  const fastify = app.getHttpAdapter().getInstance();
  const metrics = app.get<MetricsService>(MetricsService);
  const state = await createProxyState(config, metrics);
  fastify.addHook('onClose', () => state.close());
  const onFailure = upstreamFailureReporter(metrics);

  // Before the proxy: a preflight carries no token, and every answer (401 and 429 included) must
  // carry the headers so that the agency's page can read the problem.
  if (config.corsAllowedOrigins.length > 0) await app.register(cors, corsOptions(config.corsAllowedOrigins));
  await app.register(apiProxyPlugin, { config, verifier: app.get<TokenVerifier>(TokenVerifier), metrics, state, onFailure });

  const aggregator = app.get(OpenApiAggregator);
  await registerApiDocs(fastify, aggregator);
  serveOpenApi(app, docs);
  // The staff portal's static build (npm start sets PORTAL_DIR to dist/apps/portal).
  if (process.env.PORTAL_DIR) servePortal(fastify, process.env.PORTAL_DIR);
  aggregator.setGatewayDocument(buildOpenApiDocument(app, docs) as unknown as OpenApiDocument);
  await app.init();
  // Not with spans exported: the full path records the gateway's span.
  if (config.fastLane && !tracesExported(config.service)) lane = new FastLane({ config, state, metrics, onFailure });
  return app;
}
