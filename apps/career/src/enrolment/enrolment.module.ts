import { Module } from '@nestjs/common';
import { BudgetModule } from '../budget/budget.module';
import { CareerPeopleModule } from '../common/career-people.module';
import { JpLedgerRepository } from '../jp-ledger/infrastructure/jp-ledger.repository';
import { SessionModule } from '../session/session.module';
import { EnrolmentQueries } from './enrolment.queries';
import { EnrolmentsHttpController } from './enrolments.http.controller';
import { EnrolmentRepository } from './infrastructure/enrolment.repository';
import { ApproveEnrolment } from './use-cases/approve-enrolment';
import { CancelEnrolment } from './use-cases/cancel-enrolment';
import { CompleteEnrolment } from './use-cases/complete-enrolment';
import { EnrolmentTransaction } from './use-cases/enrolment-transaction';
import { PromoteWaitlist } from './use-cases/promote-waitlist';
import { RecordAttendance } from './use-cases/record-attendance';
import { RegisterEnrolment } from './use-cases/register-enrolment';
import { RejectEnrolment } from './use-cases/reject-enrolment';
import { UploadCertificate } from './use-cases/upload-certificate';
import { VerifyCertificate } from './use-cases/verify-certificate';
import { VerifyEnrolment } from './use-cases/verify-enrolment';

/** The enrolment aggregate: registration, BKPSDM's workflow, the waitlist, certificates and JP recognition. */
@Module({
  imports: [CareerPeopleModule, SessionModule, BudgetModule],
  controllers: [EnrolmentsHttpController],
  providers: [
    RegisterEnrolment,
    VerifyEnrolment,
    RejectEnrolment,
    ApproveEnrolment,
    RecordAttendance,
    CompleteEnrolment,
    CancelEnrolment,
    UploadCertificate,
    VerifyCertificate,
    PromoteWaitlist,
    EnrolmentTransaction,
    EnrolmentQueries,
    EnrolmentRepository,
    JpLedgerRepository,
  ],
  exports: [EnrolmentRepository],
})
export class EnrolmentModule {}
