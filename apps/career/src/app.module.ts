import { type DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from '@capaian/shared/auth';
import type { ServiceConfig } from '@capaian/shared/config';
import { PlatformHttpModule } from '@capaian/shared/http';
import { MessagingModule } from '@capaian/shared/messaging';
import { IdempotencyModule, PersistenceModule } from '@capaian/shared/persistence';
import { SchedulingModule, type SchedulingModuleOptions } from '@capaian/shared/scheduling';
import { careerDataSourceOptions } from './data-source';
import { DevelopmentProgramModule } from './development-program/development-program.module';

export const CAREER_EVENT_SOURCE = '/capaian/career';

@Module({})
export class AppModule {
  static forRoot(config: ServiceConfig, options: { scheduling?: SchedulingModuleOptions } = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformHttpModule,
        PersistenceModule.forRoot(careerDataSourceOptions(config)),
        IdempotencyModule,
        MessagingModule.forRoot({ config, source: CAREER_EVENT_SOURCE }),
        AuthModule.forRoot(config.auth, config.service),
        // The clock every time-based rule reads, and the scheduler for year-end and reminder jobs.
        SchedulingModule.forRoot(options.scheduling),
        DevelopmentProgramModule,
      ],
    };
  }
}
