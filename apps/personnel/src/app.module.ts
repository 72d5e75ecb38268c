import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from '@capaian/shared/auth';
import { PlatformHttpModule } from '@capaian/shared/http';
import { MessagingModule, type MessagingModuleOptions } from '@capaian/shared/messaging';
import { IdempotencyModule, PersistenceModule } from '@capaian/shared/persistence';
import { AccountsHttpController } from './accounts/accounts.http.controller';
import type { AccountDirectory } from './accounts/domain/account-directory.port';
import { KeycloakAccountDirectory } from './accounts/infrastructure/keycloak-account-directory';
import { PersonnelCoreModule } from './common/personnel-core.module';
import { personnelDataSourceOptions } from './data-source';
import { EmployeeModule } from './employee/employee.module';
import { ImportModule } from './import/import.module';
import { OrgUnitModule } from './org-unit/org-unit.module';
import type { PersonnelConfig } from './personnel.config';
import { PositionModule } from './position/position.module';
import { ReportingHttpController } from './reporting/reporting.http.controller';
import { RepublishModule } from './republish/republish.module';

export interface PersonnelModuleOptions {
  /** Replace the Keycloak directory (unit tests use InMemoryAccountDirectory). */
  accountDirectory?: AccountDirectory;
  messaging?: Partial<Omit<MessagingModuleOptions, 'config' | 'source'>>;
}

/**
 * The personnel service: platform modules, then one feature module per aggregate (organisation
 * units, positions, employees, imports). Reporting lines and SSO accounts are served from here and
 * from `PersonnelCoreModule`, which every feature shares (docs/adr/0003-service-anatomy.md).
 */
@Module({})
export class AppModule {
  static forRoot(config: PersonnelConfig, options: PersonnelModuleOptions = {}): DynamicModule {
    const directory = options.accountDirectory ?? new KeycloakAccountDirectory(config.keycloakAdmin);
    return {
      module: AppModule,
      imports: [
        PlatformHttpModule,
        PersistenceModule.forRoot(personnelDataSourceOptions(config.service.database)),
        IdempotencyModule,
        MessagingModule.forRoot({ config: config.service, source: '/capaian/personnel', ...options.messaging }),
        AuthModule.forRoot(config.service.auth, config.service.service),
        PersonnelCoreModule.forRoot(directory),
        OrgUnitModule,
        PositionModule,
        EmployeeModule,
        ImportModule.forRoot(config.imports),
        RepublishModule.forRoot(directory),
      ],
      controllers: [ReportingHttpController, AccountsHttpController],
      exports: [OrgUnitModule, PositionModule, EmployeeModule, ImportModule],
    };
  }
}
