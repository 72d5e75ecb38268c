import { DynamicModule, Global, Module } from '@nestjs/common';
import { AccountsService } from '../accounts/accounts.service';
import { ACCOUNT_DIRECTORY, type AccountDirectory } from '../accounts/domain/account-directory.port';
import { EmployeeAccess } from '../employee/employee-access';
import { EmployeeRepository } from '../employee/infrastructure/employee.repository';
import { OrgUnitRepository } from '../org-unit/infrastructure/org-unit.repository';
import { PositionRepository } from '../position/infrastructure/position.repository';
import { ReportingLineTracker } from '../reporting/reporting-line.tracker';
import { ReportingService } from '../reporting/reporting.service';
import { PersonnelEvents } from './events';

/**
 * What every personnel feature uses: the event outbox, the reporting-line tracker, SSO accounts,
 * the repositories (a unit's change moves positions and employees, a position's change moves its
 * holders and its unit's head) and the employee access checks. Global, so that feature modules
 * depend on features only, never in a circle.
 */
@Global()
@Module({})
export class PersonnelCoreModule {
  static forRoot(directory: AccountDirectory): DynamicModule {
    const providers = [PersonnelEvents, ReportingLineTracker, ReportingService, AccountsService, OrgUnitRepository, PositionRepository, EmployeeRepository, EmployeeAccess];
    return {
      module: PersonnelCoreModule,
      providers: [{ provide: ACCOUNT_DIRECTORY, useValue: directory }, ...providers],
      exports: [ACCOUNT_DIRECTORY, ...providers],
    };
  }
}
