import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OpenApiDocument } from '../../apps/gateway/src/openapi/merge-openapi';
import { mergedDocument, undocumentedQueryProperties } from './documents';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'];

type Operation = { operationId?: string; responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> };

function operations(document: OpenApiDocument): { name: string; operation: Operation }[] {
  return Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, operation]) => ({ name: `${method.toUpperCase()} ${path}`, operation: operation as Operation })),
  );
}

describe('the merged OpenAPI document (every service, as the gateway merges them)', () => {
  let document: OpenApiDocument;
  beforeAll(async () => {
    document = await mergedDocument();
  }, 60_000);

  it('has every service and their operations', () => {
    expect(Object.keys((document.info as { 'x-services': object })['x-services']).sort()).toEqual(['appraisal', 'career', 'gateway', 'notification', 'personnel']);
    for (const service of ['personnel', 'appraisal', 'career', 'notification']) {
      expect(operations(document).filter((o) => o.name.includes(`/api/v1/${service}/`)).length).toBeGreaterThan(5);
    }
  });

  it('names each operation once (operationId unique across services)', () => {
    const seen = new Map<string, string>();
    const duplicates: string[] = [];
    for (const { name, operation } of operations(document)) {
      if (!operation.operationId) {
        duplicates.push(`${name}: no operationId`);
        continue;
      }
      const first = seen.get(operation.operationId);
      if (first) duplicates.push(`${operation.operationId}: ${first} and ${name}`);
      else seen.set(operation.operationId, name);
    }
    expect(duplicates).toEqual([]);
  });

  it('declares the problem+json answers of every operation', () => {
    const missing = operations(document)
      .filter(({ operation }) => !['4XX', '5XX'].every((status) => (operation.responses?.[status]?.content?.['application/problem+json']?.schema as { $ref?: string })?.$ref === '#/components/schemas/Problem'))
      .map(({ name }) => name);
    expect(missing).toEqual([]);
    expect(document.components!.schemas.Problem).toMatchObject({ required: ['type', 'title', 'status', 'code'] });
  });

  // A generated client types the answer of every call from this: each operation says what its
  // success looks like (a JSON schema, a file, an event stream, or explicitly no content).
  it('declares a 2xx answer with a schema for every operation (or an explicit 204 / file / stream)', () => {
    const undescribed = operations(document)
      .filter(({ operation }) => {
        const success = Object.entries(operation.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));
        if (success.length === 0) return true;
        return !success.every(([status, response]) => {
          if (status === '204') return !response.content;
          const contents = Object.values(response.content ?? {});
          return contents.length > 0 && contents.every((c) => c.schema && Object.keys(c.schema).length > 0);
        });
      })
      .map(({ name }) => name);
    expect(undescribed).toEqual([]);
  });

  // The portal's types are generated from this file (apps/portal/scripts/generate-api.mjs), so a
  // change of an endpoint that is not carried over to the portal fails here.
  it('describes every validated property of every @Query() class (a parameter without @ApiProperty is missing from the document)', async () => {
    expect(await undocumentedQueryProperties()).toEqual([]);
  }, 60_000);

  it("is the document the portal's API types were generated from", () => {
    const saved = join(__dirname, '../../apps/portal/src/api/openapi.json');
    const current = JSON.stringify(document, null, 1) + '\n';
    if (process.env.UPDATE_OPENAPI === '1') writeFileSync(saved, current);
    expect(readFileSync(saved, 'utf8') === current ? 'up to date' : 'stale: run UPDATE_OPENAPI=1 npx jest tests/openapi, then node apps/portal/scripts/generate-api.mjs').toBe('up to date');
  });
});
