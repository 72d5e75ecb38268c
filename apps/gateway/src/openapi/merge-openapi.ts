/**
 * Merges the services' OpenAPI documents into one (pure functions, unit-tested). Each service's
 * document is filtered to its own `/api/v1/<service>` paths (its health and metrics routes are not
 * reachable through the gateway) and its components are renamed on conflict, with every `$ref`
 * rewritten, so that two services may both define a `PageQuery` without one hiding the other.
 * Operation ids get the service as a prefix (`personnel_WhoAmIController_whoami`): every service
 * has routes of the same controller (whoami), and a generated client needs each id once.
 */

export type OpenApiDocument = {
  openapi?: string;
  info?: Record<string, unknown>;
  paths?: Record<string, Record<string, unknown>>;
  components?: Record<string, Record<string, unknown>>;
  tags?: { name: string; description?: string }[];
  [key: string]: unknown;
};

export interface ServiceDocument {
  service: string;
  /** The document, or undefined when the service did not answer. */
  document?: OpenApiDocument;
  error?: string;
}

export interface MergeOptions {
  title: string;
  description?: string;
  keycloakIssuer?: string;
}

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Deep copy with every `$ref` passed through `rewrite`. */
function rewriteRefs<T>(value: T, rewrite: (ref: string) => string): T {
  if (Array.isArray(value)) return value.map((v) => rewriteRefs(v, rewrite)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = k === '$ref' && typeof v === 'string' ? rewrite(v) : rewriteRefs(v, rewrite);
    return out as T;
  }
  return value;
}

export function mergeOpenApi(sources: ServiceDocument[], options: MergeOptions): OpenApiDocument {
  const paths: Record<string, Record<string, unknown>> = {};
  const components: Record<string, Record<string, unknown>> = {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
  };
  const tags = new Map<string, { name: string; description?: string }>();
  const services: Record<string, { status: 'up' | 'unavailable'; error?: string }> = {};

  if (options.keycloakIssuer) {
    components.securitySchemes.keycloak = {
      type: 'oauth2',
      description: 'Masuk lewat Keycloak (klien capaian-portal, PKCE)',
      flows: {
        authorizationCode: {
          authorizationUrl: `${options.keycloakIssuer}/protocol/openid-connect/auth`,
          tokenUrl: `${options.keycloakIssuer}/protocol/openid-connect/token`,
          scopes: { openid: 'OpenID Connect' },
        },
      },
    };
  }

  for (const source of sources) {
    if (!source.document) {
      services[source.service] = { status: 'unavailable', error: source.error };
      continue;
    }
    services[source.service] = { status: 'up' };
    const prefix = `/api/v1/${source.service}`;

    // 1. Decide the final name of each of this service's components: renamed when a component of
    //    that name already exists with another definition, also when it only differs by referring
    //    to a renamed component (repeat until nothing changes).
    const renames = new Map<string, string>();
    const rewrite = (ref: string) => {
      const renamed = renames.get(ref);
      return renamed ? ref.slice(0, ref.lastIndexOf('/') + 1) + renamed : ref;
    };
    for (let changed = true; changed; ) {
      changed = false;
      for (const [section, entries] of Object.entries(source.document.components ?? {})) {
        if (section === 'securitySchemes') continue;
        for (const [name, definition] of Object.entries(entries ?? {})) {
          const ref = `#/components/${section}/${name}`;
          const existing = components[section]?.[name];
          if (renames.has(ref) || existing === undefined) continue;
          if (stableJson(existing) !== stableJson(rewriteRefs(definition, rewrite))) {
            renames.set(ref, `${capitalize(source.service)}${name}`);
            changed = true;
          }
        }
      }
    }

    // 2. Copy components under their final names (identical definitions are shared).
    for (const [section, entries] of Object.entries(source.document.components ?? {})) {
      if (section === 'securitySchemes') continue;
      components[section] ??= {};
      for (const [name, definition] of Object.entries(entries ?? {})) {
        const finalName = renames.get(`#/components/${section}/${name}`) ?? name;
        components[section][finalName] = rewriteRefs(definition, rewrite);
      }
    }

    // 3. Copy the service's own paths; tag untagged operations with the service name.
    for (const [path, item] of Object.entries(source.document.paths ?? {})) {
      if (path !== prefix && !path.startsWith(`${prefix}/`)) continue;
      const copy = rewriteRefs(item, rewrite);
      for (const [method, operation] of Object.entries(copy)) {
        if (!HTTP_METHODS.has(method) || !operation || typeof operation !== 'object') continue;
        const op = operation as { tags?: string[]; security?: Record<string, string[]>[]; operationId?: string };
        if (op.operationId) op.operationId = `${source.service}_${op.operationId}`;
        if (!op.tags || op.tags.length === 0) op.tags = [source.service];
        if (Array.isArray(op.security) && options.keycloakIssuer && op.security.some((s) => 'bearer' in s)) {
          op.security = [...op.security, { keycloak: [] }];
        }
        for (const tag of op.tags) if (!tags.has(tag)) tags.set(tag, { name: tag });
      }
      paths[path] = copy;
    }
    for (const tag of source.document.tags ?? []) tags.set(tag.name, tag);
  }

  const unavailable = Object.entries(services)
    .filter(([, s]) => s.status === 'unavailable')
    .map(([name]) => name);
  const description = [
    options.description ?? '',
    unavailable.length > 0 ? `**Tidak tersedia saat dokumen ini dibuat:** ${unavailable.join(', ')}.` : '',
  ]
    .filter(Boolean)
    .join('\n\n');

  return {
    openapi: '3.0.0',
    info: { title: options.title, version: '1', description, 'x-services': services },
    servers: [{ url: '/' }],
    security: options.keycloakIssuer ? [{ bearer: [] }, { keycloak: [] }] : [{ bearer: [] }],
    tags: [...tags.values()].sort((a, b) => a.name.localeCompare(b.name)),
    paths: Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b))),
    components,
  };
}
