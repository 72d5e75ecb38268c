import 'reflect-metadata';
import type { DynamicModule } from '@nestjs/common';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { ModulesContainer, NestFactory } from '@nestjs/core';
import { getMetadataStorage } from 'class-validator';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadServiceConfig } from '@capaian/shared/config';
import { buildOpenApiDocument, configureHttpApp } from '@capaian/shared/http';
import { AppModule as AppraisalModule } from '../../apps/appraisal/src/app.module';
import { AppModule as CareerModule } from '../../apps/career/src/app.module';
import { loadCareerConfig } from '../../apps/career/src/career.config';
import { GatewayModule } from '../../apps/gateway/src/gateway.module';
import { loadGatewayConfig } from '../../apps/gateway/src/gateway.config';
import { MERGED_DOCUMENT } from '../../apps/gateway/src/openapi/openapi-aggregator.service';
import { mergeOpenApi, type OpenApiDocument, type ServiceDocument } from '../../apps/gateway/src/openapi/merge-openapi';
import { AppModule as NotificationModule } from '../../apps/notification/src/app.module';
import { AppModule as PersonnelModule } from '../../apps/personnel/src/app.module';
import { loadPersonnelConfig } from '../../apps/personnel/src/personnel.config';

/**
 * Each service's OpenAPI document as its `/openapi.json` serves it, built from its code in Nest's
 * preview mode: modules and routes are read, no provider is created, so nothing connects to a
 * database, Kafka or Keycloak.
 */
async function documentOf(service: string, module: DynamicModule, unprefixed: string[] = []): Promise<OpenApiDocument> {
  const app = await NestFactory.create<NestFastifyApplication>(module, new FastifyAdapter(), { preview: true, logger: false, abortOnError: false });
  try {
    configureHttpApp(app, service, { title: service, unprefixed });
    return buildOpenApiDocument(app, { title: service }) as unknown as OpenApiDocument;
  } finally {
    await app.close();
  }
}

export async function serviceDocuments(): Promise<ServiceDocument[]> {
  // The defaults, not this machine's environment: the document must not depend on where it is built.
  const env = {};
  const career = loadCareerConfig(env);
  return [
    { service: 'gateway', document: await documentOf('gateway', GatewayModule.forRoot(loadGatewayConfig(env)), ['health']) },
    { service: 'personnel', document: await documentOf('personnel', PersonnelModule.forRoot(loadPersonnelConfig(env))) },
    { service: 'appraisal', document: await documentOf('appraisal', AppraisalModule.forRoot(loadServiceConfig('appraisal', env))) },
    { service: 'career', document: await documentOf('career', CareerModule.forRoot(career.service, { competencyDevelopment: career.competencyDevelopment })) },
    { service: 'notification', document: await documentOf('notification', NotificationModule.forRoot(loadServiceConfig('notification', env))) },
  ];
}

/** The document the gateway serves at `/api/openapi.json` when every service answers. */
export async function mergedDocument(keycloakIssuer = 'http://127.0.0.1:8180/realms/capaian'): Promise<OpenApiDocument> {
  return mergeOpenApi(await serviceDocuments(), { ...MERGED_DOCUMENT, keycloakIssuer });
}

/**
 * The properties of each `@Query()` class that are validated but not described for OpenAPI: without
 * `@ApiProperty` a query parameter is missing from the document, so clients, the generated portal types and
 * the hostile-input suite (which reads the document) do not know it. Read from the controllers' metadata in
 * Nest's preview mode, like the documents themselves.
 */
export async function undocumentedQueryProperties(): Promise<string[]> {
  const env = {};
  const career = loadCareerConfig(env);
  const modules: DynamicModule[] = [
    GatewayModule.forRoot(loadGatewayConfig(env)),
    PersonnelModule.forRoot(loadPersonnelConfig(env)),
    AppraisalModule.forRoot(loadServiceConfig('appraisal', env)),
    CareerModule.forRoot(career.service, { competencyDevelopment: career.competencyDevelopment }),
    NotificationModule.forRoot(loadServiceConfig('notification', env)),
  ];
  const gaps = new Set<string>();
  for (const module of modules) {
    const app = await NestFactory.create<NestFastifyApplication>(module, new FastifyAdapter(), { preview: true, logger: false, abortOnError: false });
    try {
      for (const nestModule of app.get(ModulesContainer).values()) {
        for (const { metatype: controller } of nestModule.controllers.values()) {
          if (typeof controller !== 'function') continue;
          for (const method of Object.getOwnPropertyNames(controller.prototype)) {
            const args: Record<string, { index: number; data?: unknown }> = Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) ?? {};
            const types: unknown[] = Reflect.getMetadata('design:paramtypes', controller.prototype, method) ?? [];
            for (const [key, arg] of Object.entries(args)) {
              // A whole query object (`@Query() q: SomeQuery`), not one named parameter.
              if (Number(key.split(':')[0]) !== RouteParamtypes.QUERY || arg.data !== undefined) continue;
              const dto = types[arg.index];
              if (typeof dto !== 'function') continue;
              const described = new Set<string>((Reflect.getMetadata('swagger/apiModelPropertiesArray', dto.prototype) ?? []).map((p: string) => p.replace(/^:/, '')));
              const validated = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false).map((m) => m.propertyName);
              for (const property of new Set(validated)) if (!described.has(property)) gaps.add(`${dto.name}.${property} (${controller.name}.${method})`);
            }
          }
        }
      }
    } finally {
      await app.close();
    }
  }
  return [...gaps].sort();
}
