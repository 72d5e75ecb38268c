import { type DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from '@capaian/shared/auth';
import type { ServiceConfig } from '@capaian/shared/config';
import { PlatformHttpModule } from '@capaian/shared/http';
import { MessagingModule } from '@capaian/shared/messaging';
import { IdempotencyModule, PersistenceModule } from '@capaian/shared/persistence';
import { appraisalDataSourceOptions } from './data-source';
import { PeriodsModule } from './periods/periods.module';

export const APPRAISAL_EVENT_SOURCE = '/capaian/appraisal';

@Module({})
export class AppModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformHttpModule,
        PersistenceModule.forRoot(appraisalDataSourceOptions(config)),
        IdempotencyModule,
        MessagingModule.forRoot({ config, source: APPRAISAL_EVENT_SOURCE }),
        AuthModule.forRoot(config.auth, config.service),
        PeriodsModule,
      ],
    };
  }
}
