import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from '@capaian/shared/auth';
import { PlatformHttpModule } from '@capaian/shared/http';
import { MessagingModule, type MessagingModuleOptions } from '@capaian/shared/messaging';
import { IdempotencyModule, PersistenceModule } from '@capaian/shared/persistence';
import { AccountsHttpController } from './accounts/accounts.http.controller';
import { AccountsService } from './accounts/accounts.service';
import { ACCOUNT_DIRECTORY, type AccountDirectory } from './accounts/domain/account-directory.port';
import { KeycloakAccountDirectory } from './accounts/infrastructure/keycloak-account-directory';
import { PersonnelEvents } from './common/events';
import { personnelDataSourceOptions } from './data-source';
import { EmployeeAccess } from './employee/employee-access';
import { EmployeeService } from './employee/employee.service';
import { EmployeesHttpController } from './employee/employees.http.controller';
import { ImportService, IMPORT_SETTINGS } from './import/import.service';
import { ImportsHttpController } from './import/imports.http.controller';
import { EmployeeBulkWriter } from './import/infrastructure/employee-bulk-writer';
import { OrgUnitService } from './org-unit/org-unit.service';
import { OrgUnitsHttpController } from './org-unit/org-units.http.controller';
import type { PersonnelConfig } from './personnel.config';
import { PositionTree } from './position/position-tree';
import { PositionService } from './position/position.service';
import { PositionsHttpController } from './position/positions.http.controller';
import { ReportingLineTracker } from './reporting/reporting-line.tracker';
import { ReportingHttpController } from './reporting/reporting.http.controller';
import { ReportingService } from './reporting/reporting.service';
import { RepublishModule } from './republish/republish.module';

export interface PersonnelModuleOptions {
  /** Replace the Keycloak directory (unit tests use InMemoryAccountDirectory). */
  accountDirectory?: AccountDirectory;
  messaging?: Partial<Omit<MessagingModuleOptions, 'config' | 'source'>>;
}

/** The personnel service: organisation, positions, employees, reporting lines, imports, SSO accounts. */
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
        RepublishModule.forRoot(directory),
      ],
      controllers: [
        OrgUnitsHttpController,
        PositionsHttpController,
        EmployeesHttpController,
        ReportingHttpController,
        AccountsHttpController,
        ImportsHttpController,
      ],
      providers: [
        { provide: ACCOUNT_DIRECTORY, useValue: directory },
        { provide: IMPORT_SETTINGS, useValue: config.imports },
        PersonnelEvents,
        ReportingLineTracker,
        ReportingService,
        PositionTree,
        OrgUnitService,
        PositionService,
        EmployeeAccess,
        AccountsService,
        EmployeeService,
        EmployeeBulkWriter,
        ImportService,
      ],
      exports: [PersonnelEvents, OrgUnitService, PositionService, EmployeeService, EmployeeBulkWriter, PositionTree, ReportingService, AccountsService, ImportService],
    };
  }
}
