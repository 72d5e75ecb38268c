import { applyDecorators, type INestApplication } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from './problem';

export interface OpenApiOptions {
  title: string;
  description?: string;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'] as const;

/** problem+json as the ProblemFilter writes it (problem.ts), for every service's document. */
const PROBLEM_SCHEMAS = {
  FieldError: {
    type: 'object',
    required: ['field', 'code', 'message'],
    properties: {
      field: { type: 'string', description: 'Jalur bidang bertitik, mis. `rhk.0.indikator`', example: 'nip' },
      code: { type: 'string', description: 'Kode tetap yang dibaca mesin', example: 'NIP_TIDAK_VALID' },
      message: { type: 'string', description: 'Pesan dalam Bahasa Indonesia' },
    },
  },
  Problem: {
    type: 'object',
    description: 'RFC 9457 problem details; klien memilih berdasarkan `code`, bukan `title`.',
    required: ['type', 'title', 'status', 'code'],
    properties: {
      type: { type: 'string', example: 'https://capaian.palembang.go.id/problems/permintaan-tidak-valid' },
      title: { type: 'string', description: 'Pesan dalam Bahasa Indonesia' },
      status: { type: 'integer', example: 400 },
      code: { type: 'string', example: 'PERMINTAAN_TIDAK_VALID' },
      detail: { type: 'string' },
      instance: { type: 'string' },
      correlationId: { type: 'string' },
      errors: { type: 'array', items: { $ref: '#/components/schemas/FieldError' } },
    },
    additionalProperties: true,
  },
};

const problemResponse = (description: string) => ({
  description,
  content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } },
});

/**
 * Every operation can fail with problem+json (validation 400, token 401, role 403, not found 404,
 * conflict 409, too large 413, rule 422, rate limit 429 at the gateway, 5xx): declared once here as
 * `4XX` and `5XX` rather than on each route, so no route can forget it. A route that documents a
 * specific error status keeps its own.
 */
export function withProblemResponses(document: OpenAPIObject): OpenAPIObject {
  document.components ??= {};
  document.components.schemas = { ...PROBLEM_SCHEMAS, ...document.components.schemas } as NonNullable<OpenAPIObject['components']>['schemas'];
  for (const item of Object.values(document.paths ?? {})) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      operation.responses ??= {};
      operation.responses['4XX'] ??= problemResponse('Permintaan ditolak (application/problem+json dengan `code`)');
      operation.responses['5XX'] ??= problemResponse('Kesalahan server atau layanan tidak tersedia (application/problem+json)');
    }
  }
  return document;
}

/**
 * A route that answers a file (PDF, XLSX, an uploaded evidence file) through the raw reply: its
 * 200 body is binary of the given media types, which the generated clients download as a blob.
 */
export function ApiFileResponse(description: string, ...mediaTypes: string[]): MethodDecorator {
  const types = mediaTypes.length > 0 ? mediaTypes : ['application/octet-stream'];
  return applyDecorators(
    ApiProduces(...types),
    ApiOkResponse({ description, content: Object.fromEntries(types.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])) }),
  );
}

/** A service's OpenAPI document, built after all its routes exist (served at `/openapi.json`). */
export function buildOpenApiDocument(app: INestApplication, options: OpenApiOptions): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(options.title)
      .setDescription(options.description ?? '')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  return withProblemResponses(document);
}
