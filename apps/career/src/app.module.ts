import { type DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from '@capaian/shared/auth';
import type { CompetencyDevelopmentPolicy } from '@capaian/kinerja';
import type { ServiceConfig } from '@capaian/shared/config';
import { PlatformHttpModule } from '@capaian/shared/http';
import { MessagingModule } from '@capaian/shared/messaging';
import { IdempotencyModule, PersistenceModule } from '@capaian/shared/persistence';
import { PersonnelProjectionModule } from '@capaian/shared/projection';
import { SchedulingModule, type SchedulingModuleOptions } from '@capaian/shared/scheduling';
import { loadStorageConfig, StorageModule } from '@capaian/shared/storage';
import { COMPETENCY_DEVELOPMENT_POLICY, DEFAULT_COMPETENCY_DEVELOPMENT_POLICY } from './career.config';
import { careerDataSourceOptions } from './data-source';
import { BudgetModule } from './budget/budget.module';
import { DevelopmentProgramModule } from './development-program/development-program.module';
import { EnrolmentModule } from './enrolment/enrolment.module';
import { EvaluationModule } from './evaluation/evaluation.module';
import { JpLedgerModule } from './jp-ledger/jp-ledger.module';
import { PartnerModule } from './partner/partner.module';
import { SessionModule } from './session/session.module';

export const CAREER_EVENT_SOURCE = '/capaian/career';

@Module({})
export class AppModule {
  static forRoot(config: ServiceConfig, options: { scheduling?: SchedulingModuleOptions; competencyDevelopment?: CompetencyDevelopmentPolicy } = {}): DynamicModule {
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
        // Certificates go to the platform's S3 storage.
        StorageModule.forRoot(loadStorageConfig('capaian-career')),
        // Who works where and reports to whom, from personnel's events (career never calls personnel).
        PersonnelProjectionModule,
        DevelopmentProgramModule,
        PartnerModule,
        SessionModule,
        BudgetModule,
        EnrolmentModule,
        JpLedgerModule,
        EvaluationModule,
      ],
      // The yearly JP duty per kind of ASN in force, for every feature (global through AppModule's exports).
      providers: [{ provide: COMPETENCY_DEVELOPMENT_POLICY, useValue: options.competencyDevelopment ?? DEFAULT_COMPETENCY_DEVELOPMENT_POLICY }],
      exports: [COMPETENCY_DEVELOPMENT_POLICY],
      global: true,
    };
  }
}
