import cors from '@fastify/cors';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { TokenVerifier } from '@capaian/shared/auth';
import { buildOpenApiDocument, createHttpApp, MetricsService, serveOpenApi } from '@capaian/shared/http';
import type { GatewayConfig } from './gateway.config';
import { GatewayModule } from './gateway.module';
import { registerApiDocs } from './openapi/api-docs';
import type { OpenApiDocument } from './openapi/merge-openapi';
import { OpenApiAggregator } from './openapi/openapi-aggregator.service';
import { servePortal } from './portal/serve-portal';
import { apiProxyPlugin } from './proxy/api-proxy.plugin';

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
  const app = await createHttpApp(GatewayModule.forRoot(config), config, { ...docs, trustProxy: config.trustedProxies });
  const fastify = app.getHttpAdapter().getInstance();

  // Before the proxy: a preflight carries no token, and every answer (401 and 429 included) must
  // carry the headers so that the agency's page can read the problem.
  if (config.corsAllowedOrigins.length > 0) await app.register(cors, corsOptions(config.corsAllowedOrigins));
  await app.register(apiProxyPlugin, { config, verifier: app.get<TokenVerifier>(TokenVerifier), metrics: app.get<MetricsService>(MetricsService) });

  const aggregator = app.get(OpenApiAggregator);
  await registerApiDocs(fastify, aggregator);
  serveOpenApi(app, docs);
  // The staff portal's static build (npm start sets PORTAL_DIR to dist/apps/portal).
  if (process.env.PORTAL_DIR) servePortal(fastify, process.env.PORTAL_DIR);
  aggregator.setGatewayDocument(buildOpenApiDocument(app, docs) as unknown as OpenApiDocument);
  await app.init();
  return app;
}
