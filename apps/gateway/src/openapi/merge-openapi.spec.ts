import { mergeOpenApi, type OpenApiDocument } from './merge-openapi';

const personnel: OpenApiDocument = {
  openapi: '3.0.0',
  paths: {
    '/api/v1/personnel/pegawai': { get: { operationId: 'PegawaiController_list', responses: { 200: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Page' } } } } } } },
    '/api/v1/personnel/whoami': { get: { operationId: 'WhoAmIController_whoami', responses: {} } },
    '/health/live': { get: { responses: {} } },
    '/metrics': { get: { responses: {} } },
  },
  components: {
    schemas: {
      Page: { type: 'object', properties: { item: { $ref: '#/components/schemas/Item' } } },
      Item: { type: 'object', properties: { nip: { type: 'string' } } },
      Shared: { type: 'string' },
    },
  },
};

const appraisal: OpenApiDocument = {
  openapi: '3.0.0',
  paths: {
    '/api/v1/appraisal/whoami': { get: { operationId: 'WhoAmIController_whoami', responses: {} } },
    '/api/v1/appraisal/skp': {
      get: { operationId: 'SkpController_list', tags: ['skp'], security: [{ bearer: [] }], responses: { 200: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Page' } } } } } },
    },
    // A path of another service in this document is not the appraisal's to publish.
    '/api/v1/personnel/sneaky': { get: { responses: {} } },
  },
  components: {
    schemas: {
      // Same name as personnel's, different meaning only through the referenced Item.
      Page: { type: 'object', properties: { item: { $ref: '#/components/schemas/Item' } } },
      Item: { type: 'object', properties: { skpId: { type: 'string' } } },
      Shared: { type: 'string' },
    },
  },
};

describe('mergeOpenApi', () => {
  const merged = mergeOpenApi(
    [
      { service: 'personnel', document: personnel },
      { service: 'appraisal', document: appraisal },
      { service: 'career', error: 'connect ECONNREFUSED' },
    ],
    { title: 'Capaian API', keycloakIssuer: 'http://kc/realms/capaian' },
  );

  it("keeps only each service's own API paths", () => {
    expect(Object.keys(merged.paths!)).toEqual(['/api/v1/appraisal/skp', '/api/v1/appraisal/whoami', '/api/v1/personnel/pegawai', '/api/v1/personnel/whoami']);
  });

  it('names each operation once: the service prefixes the ids that every service has (whoami)', () => {
    const ids = Object.values(merged.paths!).flatMap((item) => Object.values(item).map((op) => (op as { operationId?: string }).operationId));
    expect(ids.sort()).toEqual(['appraisal_SkpController_list', 'appraisal_WhoAmIController_whoami', 'personnel_PegawaiController_list', 'personnel_WhoAmIController_whoami']);
    expect((appraisal.paths!['/api/v1/appraisal/whoami'].get as { operationId: string }).operationId).toBe('WhoAmIController_whoami');
  });

  it('renames conflicting components, also those that conflict only through a renamed reference', () => {
    const schemas = merged.components!.schemas;
    expect(Object.keys(schemas).sort()).toEqual(['AppraisalItem', 'AppraisalPage', 'Item', 'Page', 'Shared']);
    expect(schemas.AppraisalPage).toEqual({ type: 'object', properties: { item: { $ref: '#/components/schemas/AppraisalItem' } } });
    expect(schemas.Page).toEqual(personnel.components!.schemas.Page);
    const skp = merged.paths!['/api/v1/appraisal/skp'].get as any;
    expect(skp.responses[200].content['application/json'].schema.$ref).toBe('#/components/schemas/AppraisalPage');
    const pegawai = merged.paths!['/api/v1/personnel/pegawai'].get as any;
    expect(pegawai.responses[200].content['application/json'].schema.$ref).toBe('#/components/schemas/Page');
  });

  it('tags untagged operations with their service and offers Keycloak login next to bearer', () => {
    expect((merged.paths!['/api/v1/personnel/pegawai'].get as any).tags).toEqual(['personnel']);
    expect((merged.paths!['/api/v1/appraisal/skp'].get as any).security).toEqual([{ bearer: [] }, { keycloak: [] }]);
    expect(merged.components!.securitySchemes.keycloak).toMatchObject({ type: 'oauth2' });
  });

  it('lists a service that did not answer as unavailable instead of failing', () => {
    expect((merged.info as any)['x-services']).toEqual({
      personnel: { status: 'up' },
      appraisal: { status: 'up' },
      career: { status: 'unavailable', error: 'connect ECONNREFUSED' },
    });
    expect(merged.info!.description).toContain('career');
  });

  it('does not change its inputs', () => {
    expect(appraisal.components!.schemas.Page).toEqual({ type: 'object', properties: { item: { $ref: '#/components/schemas/Item' } } });
  });
});
