import { Module } from '@nestjs/common';
import { CareerPeopleModule } from '../common/career-people.module';
import { ExternalClaimRepository } from './infrastructure/external-claim.repository';
import { JpLedgerRepository } from './infrastructure/jp-ledger.repository';
import { JpClaimsHttpController } from './jp-claims.http.controller';
import { JpLedgerHttpController } from './jp-ledger.http.controller';
import { JpLedgerJobs } from './jp-ledger.jobs';
import { JpLedgerQueries } from './jp-ledger.queries';
import { AnnounceAtRisk } from './use-cases/announce-at-risk';
import { AttachClaimCertificate } from './use-cases/attach-claim-certificate';
import { CorrectJp } from './use-cases/correct-jp';
import { RejectClaim } from './use-cases/reject-claim';
import { SubmitClaim } from './use-cases/submit-claim';
import { VerifyClaim } from './use-cases/verify-claim';

/** The JP ledger per employee per year: reports, outside claims verified by BKPSDM, corrections, the recap export, the year-end at-risk job. */
@Module({
  imports: [CareerPeopleModule],
  controllers: [JpLedgerHttpController, JpClaimsHttpController],
  providers: [JpLedgerQueries, JpLedgerRepository, ExternalClaimRepository, SubmitClaim, AttachClaimCertificate, VerifyClaim, RejectClaim, CorrectJp, AnnounceAtRisk, JpLedgerJobs],
})
export class JpLedgerModule {}
