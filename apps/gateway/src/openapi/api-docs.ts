import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { OpenApiAggregator } from './openapi-aggregator.service';

/**
 * swagger-ui-dist comes with @nestjs/swagger; found wherever npm placed it. Only its folder is
 * resolved: requiring the package would evaluate the whole 1.5 MB UI bundle in the gateway.
 */
function swaggerUiPath(): string {
  return dirname(require.resolve('swagger-ui-dist/package.json'));
}

const page = `<!doctype html>
<html lang="id">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Capaian API</title>
  <link rel="stylesheet" href="/api/docs/swagger-ui.css">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/api/docs/swagger-ui-bundle.js"></script>
  <script src="/api/docs/swagger-ui-standalone-preset.js"></script>
  <script>
    window.ui = SwaggerUIBundle({
      url: '/api/openapi.json',
      dom_id: '#swagger-ui',
      presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
      layout: 'StandaloneLayout',
      persistAuthorization: true,
      oauth2RedirectUrl: window.location.origin + '/api/docs/oauth2-redirect.html'
    });
    window.ui.initOAuth({ clientId: 'capaian-portal', usePkceWithAuthorizationCodeGrant: true, scopes: 'openid' });
  </script>
</body>
</html>`;

/** The Swagger UI files the page uses; nothing else of the package is reachable. */
const assets: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'application/javascript; charset=utf-8',
  'swagger-ui-standalone-preset.js': 'application/javascript; charset=utf-8',
  'oauth2-redirect.html': 'text/html; charset=utf-8',
  'favicon-32x32.png': 'image/png',
  'favicon-16x16.png': 'image/png',
};

/**
 * `/api/openapi.json` (merged document) and `/api/docs` (Swagger UI), outside the Nest prefix.
 * The few UI files are read once into memory and served from a fixed list: no file system path is
 * ever built from the URL (and @fastify/static's ESM-only dependencies stay out of the Jest run).
 */
export async function registerApiDocs(fastify: FastifyInstance, aggregator: OpenApiAggregator): Promise<void> {
  fastify.get('/api/openapi.json', async (_request, reply) => {
    reply.header('cache-control', 'no-cache');
    return aggregator.document();
  });
  const sendPage = async (_request: FastifyRequest, reply: FastifyReply) => reply.type('text/html; charset=utf-8').send(page);
  fastify.get('/api/docs', sendPage);
  fastify.get('/api/docs/', sendPage);
  const root = swaggerUiPath();
  for (const [file, type] of Object.entries(assets)) {
    const content = readFileSync(join(root, file));
    fastify.get(`/api/docs/${file}`, async (_request, reply) => reply.type(type).header('cache-control', 'public, max-age=86400').send(content));
  }
}
