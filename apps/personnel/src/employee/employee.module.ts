import { Module } from '@nestjs/common';
import { PositionModule } from '../position/position.module';
import { EmployeeQueries } from './employee.queries';
import { EmployeesHttpController } from './employees.http.controller';
import { ChangeEmployeeStatus } from './use-cases/change-employee-status';
import { CorrectEmployee } from './use-cases/correct-employee';
import { HireEmployee } from './use-cases/hire-employee';
import { PromoteEmployee } from './use-cases/promote-employee';
import { RemoveSupervisorOverride } from './use-cases/remove-supervisor-override';
import { SetSupervisorOverride } from './use-cases/set-supervisor-override';
import { TransferEmployee } from './use-cases/transfer-employee';

/**
 * Employees: one use case per write (hire, correct, transfer, promote, change status, set and
 * remove a supervisor override) and the read queries. The repository and access checks are in
 * `PersonnelCoreModule`, because units and positions need them too.
 */
@Module({
  imports: [PositionModule],
  controllers: [EmployeesHttpController],
  providers: [EmployeeQueries, HireEmployee, CorrectEmployee, TransferEmployee, PromoteEmployee, ChangeEmployeeStatus, SetSupervisorOverride, RemoveSupervisorOverride],
  exports: [EmployeeQueries],
})
export class EmployeeModule {}
