import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

interface PortalFile {
  body: Buffer;
  type: string;
  immutable: boolean;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

/**
 * The staff portal (apps/portal, a static Vite build) at the gateway's origin, so the browser calls
 * `/api/v1/...` without any cross-origin setup. Like the API docs, the files are read once into a
 * fixed table: the URL is only looked up, never turned into a file system path. Any other GET that
 * is not an API or health path answers the portal's index.html (the portal routes in the browser).
 */
export function servePortal(fastify: FastifyInstance, dir: string): void {
  const files = new Map<string, PortalFile>();
  for (const path of listFiles(dir)) {
    const url = '/' + relative(dir, path).split(sep).join('/');
    files.set(url, { body: readFileSync(path), type: TYPES[extname(path)] ?? 'application/octet-stream', immutable: url.startsWith('/assets/') });
  }
  const index = files.get('/index.html');
  if (!index) throw new Error(`PORTAL_DIR ${dir} has no index.html`);

  const send = (reply: FastifyReply, file: PortalFile) =>
    reply
      .header('cache-control', file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
      .header('x-content-type-options', 'nosniff')
      .type(file.type)
      .send(file.body);

  const handler = async (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0];
    if (path.startsWith('/api/') || path === '/api' || path.startsWith('/health') || path === '/metrics') return reply.callNotFound();
    const file = files.get(path);
    if (file) return send(reply, file);
    if (path.startsWith('/assets/') || extname(path) !== '') return reply.callNotFound();
    return send(reply, index);
  };
  fastify.get('/', handler);
  fastify.get('/*', handler);
}
