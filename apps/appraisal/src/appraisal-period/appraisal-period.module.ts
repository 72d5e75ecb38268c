import { Module } from '@nestjs/common';
import { AppraisalPeriodsHttpController } from './appraisal-periods.http.controller';
import { CreateAppraisalPeriod } from './create-appraisal-period.use-case';
import { AppraisalPeriodRepository } from './infrastructure/appraisal-period.repository';
import { ListAppraisalPeriods } from './list-appraisal-periods.query';

/** The appraisal-period aggregate: its use cases, its query and the repository of its table. */
@Module({
  controllers: [AppraisalPeriodsHttpController],
  providers: [CreateAppraisalPeriod, ListAppraisalPeriods, AppraisalPeriodRepository],
})
export class AppraisalPeriodModule {}
