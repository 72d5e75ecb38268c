import { Body, Controller, Get, Headers, HttpCode, Module, Param, Post, Req, type INestApplication } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { IsString, MaxLength } from 'class-validator';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AuthModule, CurrentPrincipal, type Principal, Roles } from '@capaian/shared/auth';
import { loadServiceConfig, type ServiceName } from '@capaian/shared/config';
import { createHttpApp, currentCorrelationId, PlatformHttpModule, serveOpenApi } from '@capaian/shared/http';

class CatatanDto {
  @IsString()
  @MaxLength(100)
  isi: string;
}

/**
 * A small but real service for the gateway's tests and benchmark: the same bootstrap as every
 * service (createHttpApp: prefix `/api/v1/<service>`, problem+json, correlation ids), the shared
 * AuthModule (global guard + whoami) and a few routes guarded by roles.
 */
@ApiTags('probe')
@ApiBearerAuth()
@Controller('probe')
class ProbeController {
  /** A read route: BKPSDM staff and read-only agency apps. */
  @Get('laporan')
  @Roles('admin-bkpsdm', 'integrasi-baca')
  report(@CurrentPrincipal() principal: Principal) {
    return { items: [], readBy: principal.username };
  }

  /** An admin-only route. */
  @Get('admin')
  @Roles('admin-bkpsdm')
  admin(@CurrentPrincipal() principal: Principal) {
    return { ok: true, nip: principal.nip };
  }

  /** A write with a validated JSON body: the proxy must forward bodies and the service's 4xx answers. */
  @Post('catatan')
  @HttpCode(201)
  write(@Body() body: CatatanDto, @CurrentPrincipal() principal: Principal) {
    return { isi: body.isi, oleh: principal.nip ?? principal.username };
  }

  /** A route with a path parameter: long or malformed parameters are refused before it runs. */
  @Get('item/:ref')
  item(@Param('ref') ref: string) {
    return { ref };
  }

  /** An answer larger than the gateway buffers: it is streamed through. */
  @Get('besar')
  besar() {
    return { isi: 'abcdefghij'.repeat(40_000) };
  }

  /** What the service received: the path and query, the correlation id and the headers. */
  @Get('echo')
  echo(@Headers() headers: Record<string, string>, @Req() request: FastifyRequest) {
    return {
      url: request.url,
      correlationId: currentCorrelationId(),
      headerCorrelationId: headers['x-correlation-id'],
      forwardedFor: headers['x-forwarded-for'],
      forwardedProto: headers['x-forwarded-proto'],
      forwardedHost: headers['x-forwarded-host'],
      host: headers.host,
      headerNames: Object.keys(headers).sort(),
    };
  }
}

export interface ProbeService {
  app: NestFastifyApplication;
  url: string;
  /** How many API requests (`/api/...`) reached the service: proves what the gateway held back. */
  apiRequests(): number;
  close(): Promise<void>;
}

/** Starts the probe service on a free port of 127.0.0.1, as `service` (default personnel). */
export async function startProbeService(service: ServiceName = 'personnel', env: Record<string, string> = {}): Promise<ProbeService> {
  const config = loadServiceConfig(service, { LOG_LEVEL: 'error', ...process.env, ...env });
  @Module({ imports: [PlatformHttpModule, AuthModule.forRoot(config.auth, service)], controllers: [ProbeController] })
  class ProbeModule {}
  const app = await createHttpApp(ProbeModule, config, { title: `${service} (probe)` });
  let apiRequests = 0;
  app.getHttpAdapter().getInstance().addHook('onRequest', (request, _reply, done) => {
    if (request.url.startsWith('/api/')) apiRequests++;
    done();
  });
  serveOpenApi(app as INestApplication, { title: `${service} (probe)` });
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return { app, url, apiRequests: () => apiRequests, close: () => app.close() };
}
