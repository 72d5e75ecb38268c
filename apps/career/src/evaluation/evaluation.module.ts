import { Module } from '@nestjs/common';
import { CareerPeopleModule } from '../common/career-people.module';
import { EnrolmentModule } from '../enrolment/enrolment.module';
import { SessionModule } from '../session/session.module';
import { EvaluationHttpController } from './evaluation.http.controller';
import { EvaluationRepository } from './infrastructure/evaluation.repository';
import { GiveFeedback } from './use-cases/give-feedback';
import { GiveFollowUp } from './use-cases/give-follow-up';

/** Participants' feedback and supervisors' follow-ups; they feed the partner scorecard. */
@Module({
  imports: [CareerPeopleModule, EnrolmentModule, SessionModule],
  controllers: [EvaluationHttpController],
  providers: [GiveFeedback, GiveFollowUp, EvaluationRepository],
})
export class EvaluationModule {}
