import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { TokenVerifier } from '@capaian/shared/auth';
import { createHttpApp, MetricsService, serveOpenApi } from '@capaian/shared/http';
import type { GatewayConfig } from './gateway.config';
import { GatewayModule } from './gateway.module';
import { registerApiDocs } from './openapi/api-docs';
import type { OpenApiDocument } from './openapi/merge-openapi';
import { OpenApiAggregator } from './openapi/openapi-aggregator.service';
import { servePortal } from './portal/serve-portal';
import { apiProxyPlugin } from './proxy/api-proxy.plugin';

const docs = { title: 'Capaian gateway', description: 'Gerbang API Capaian', unprefixed: ['health'] };

/**
 * Builds the gateway (not yet listening): Nest on Fastify for its own routes, the proxy with token
 * check and rate limit for `/api/v1/<service>/**`, the merged OpenAPI and Swagger UI. main.ts and
 * the tests share this, so the tests run the real composition.
 */
export async function createGatewayApp(config: GatewayConfig): Promise<NestFastifyApplication> {
  const app = await createHttpApp(GatewayModule.forRoot(config), config, { ...docs, trustProxy: config.trustedProxies });
  const fastify = app.getHttpAdapter().getInstance();

  await app.register(apiProxyPlugin, { config, verifier: app.get<TokenVerifier>(TokenVerifier), metrics: app.get<MetricsService>(MetricsService) });

  const aggregator = app.get(OpenApiAggregator);
  await registerApiDocs(fastify, aggregator);
  serveOpenApi(app, docs);
  // The staff portal's static build (npm start sets PORTAL_DIR to dist/apps/portal).
  if (process.env.PORTAL_DIR) servePortal(fastify, process.env.PORTAL_DIR);
  aggregator.setGatewayDocument(
    SwaggerModule.createDocument(app, new DocumentBuilder().setTitle(docs.title).addBearerAuth().build()) as unknown as OpenApiDocument,
  );
  await app.init();
  return app;
}
