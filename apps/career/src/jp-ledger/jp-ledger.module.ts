import { Module } from '@nestjs/common';
import { CareerPeopleModule } from '../common/career-people.module';
import { JpLedgerRepository } from './infrastructure/jp-ledger.repository';
import { JpLedgerHttpController } from './jp-ledger.http.controller';
import { JpLedgerQueries } from './jp-ledger.queries';

/** The JP ledger per employee per year: a person's year, compliance per OPD, the at-risk list, the recap export. */
@Module({
  imports: [CareerPeopleModule],
  controllers: [JpLedgerHttpController],
  providers: [JpLedgerQueries, JpLedgerRepository],
})
export class JpLedgerModule {}
