import { type DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from '@capaian/shared/auth';
import type { ServiceConfig } from '@capaian/shared/config';
import { PlatformHttpModule } from '@capaian/shared/http';
import { MessagingModule } from '@capaian/shared/messaging';
import { IdempotencyModule, PersistenceModule } from '@capaian/shared/persistence';
import { PersonnelProjectionModule } from '@capaian/shared/projection';
import { SchedulingModule, type SchedulingModuleOptions } from '@capaian/shared/scheduling';
import { appraisalDataSourceOptions } from './data-source';
import { AppraisalPeriodModule } from './appraisal-period/appraisal-period.module';
import { SkpYearModule } from './skp-year.module';
import { StorageModule, loadStorageConfig } from '@capaian/shared/storage';

export const APPRAISAL_EVENT_SOURCE = '/capaian/appraisal';

@Module({})
export class AppModule {
  static forRoot(config: ServiceConfig, options: { scheduling?: SchedulingModuleOptions; relay?: boolean } = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformHttpModule,
        PersistenceModule.forRoot(appraisalDataSourceOptions(config)),
        IdempotencyModule,
        MessagingModule.forRoot({ config, source: APPRAISAL_EVENT_SOURCE, relay: options.relay }),
        AuthModule.forRoot(config.auth, config.service),
        // The clock every time-based rule reads, and the scheduler for deadline and reminder jobs.
        SchedulingModule.forRoot(options.scheduling),
        // Evidence files go to the S3-compatible object store (S3Proxy in development and tests).
        StorageModule.forRoot(loadStorageConfig('capaian-appraisal')),
        // The local read model of personnel, fed by personnel's events (never a call to personnel).
        PersonnelProjectionModule,
        AppraisalPeriodModule,
        SkpYearModule,
      ],
    };
  }
}
