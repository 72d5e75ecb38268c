import { Module } from '@nestjs/common';
import { AppraisalPeriodQueries } from './appraisal-period.queries';
import { AppraisalPeriodsHttpController } from './appraisal-periods.http.controller';
import { AppraisalPeriodRepository } from './infrastructure/appraisal-period.repository';
import { CreateAppraisalPeriod } from './use-cases/create-appraisal-period';

/** The appraisal-period aggregate: its use cases, its queries and the repository of its table. */
@Module({
  controllers: [AppraisalPeriodsHttpController],
  providers: [CreateAppraisalPeriod, AppraisalPeriodQueries, AppraisalPeriodRepository],
})
export class AppraisalPeriodModule {}
