import { Global, Module } from '@nestjs/common';
import { HealthController, HealthService } from './health';
import { MetricsController, MetricsService } from './metrics';

/** Health and metrics endpoints every service exposes. Import once in the app module. */
@Global()
@Module({
  controllers: [HealthController, MetricsController],
  providers: [HealthService, MetricsService],
  exports: [HealthService, MetricsService],
})
export class PlatformHttpModule {}
