import { Module } from '@nestjs/common';
import { BudgetModule } from '../budget/budget.module';
import { CareerPeopleModule } from '../common/career-people.module';
import { JpLedgerRepository } from '../jp-ledger/infrastructure/jp-ledger.repository';
import { SessionModule } from '../session/session.module';
import { EnrolmentQueries } from './enrolment.queries';
import { EnrolmentsHttpController } from './enrolments.http.controller';
import { EnrolmentRepository } from './infrastructure/enrolment.repository';
import { EnrolmentCertificate } from './use-cases/certificate';
import { EnrolmentWorkflow } from './use-cases/enrolment-workflow';
import { PromoteWaitlist } from './use-cases/promote-waitlist';
import { RegisterEnrolment } from './use-cases/register-enrolment';

/** The enrolment aggregate: registration, BKPSDM's workflow, the waitlist, certificates and JP recognition. */
@Module({
  imports: [CareerPeopleModule, SessionModule, BudgetModule],
  controllers: [EnrolmentsHttpController],
  providers: [RegisterEnrolment, EnrolmentWorkflow, PromoteWaitlist, EnrolmentCertificate, EnrolmentQueries, EnrolmentRepository, JpLedgerRepository],
  exports: [EnrolmentRepository],
})
export class EnrolmentModule {}
