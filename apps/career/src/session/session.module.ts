import { Module } from '@nestjs/common';
import { PartnerModule } from '../partner/partner.module';
import { SessionRepository } from './infrastructure/session.repository';
import { SessionQueries } from './session.queries';
import { SessionsHttpController } from './sessions.http.controller';
import { CreateSession } from './use-cases/create-session';

/** Sessions of programs (dates, place, quota, cost, registration window); the repository serves enrolments. */
@Module({
  imports: [PartnerModule],
  controllers: [SessionsHttpController],
  providers: [CreateSession, SessionQueries, SessionRepository],
  exports: [SessionRepository],
})
export class SessionModule {}
