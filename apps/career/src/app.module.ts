import { type DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from '@capaian/shared/auth';
import type { ServiceConfig } from '@capaian/shared/config';
import { PlatformHttpModule } from '@capaian/shared/http';
import { MessagingModule } from '@capaian/shared/messaging';
import { IdempotencyModule, PersistenceModule } from '@capaian/shared/persistence';
import { careerDataSourceOptions } from './data-source';
import { ProgramsModule } from './programs/programs.module';

export const CAREER_EVENT_SOURCE = '/capaian/career';

@Module({})
export class AppModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformHttpModule,
        PersistenceModule.forRoot(careerDataSourceOptions(config)),
        IdempotencyModule,
        MessagingModule.forRoot({ config, source: CAREER_EVENT_SOURCE }),
        AuthModule.forRoot(config.auth, config.service),
        ProgramsModule,
      ],
    };
  }
}
