import { type DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from '@capaian/shared/auth';
import { PlatformHttpModule } from '@capaian/shared/http';
import type { GatewayConfig } from './gateway.config';
import { GATEWAY_CONFIG } from './gateway.tokens';
import { AggregatedHealthController, AggregatedHealthService } from './health/aggregated-health.controller';
import { OpenApiAggregator } from './openapi/openapi-aggregator.service';

/**
 * The gateway's Nest side: health, metrics, `whoami` and the aggregated `/health`. The proxy itself
 * is a Fastify plugin (gateway.app.ts): proxied routes are Fastify routes, not Nest routes.
 */
@Module({})
export class GatewayModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: GatewayModule,
      imports: [PlatformHttpModule, AuthModule.forRoot(config.auth, 'gateway')],
      controllers: [AggregatedHealthController],
      providers: [{ provide: GATEWAY_CONFIG, useValue: config }, AggregatedHealthService, OpenApiAggregator],
      exports: [OpenApiAggregator],
    };
  }
}
