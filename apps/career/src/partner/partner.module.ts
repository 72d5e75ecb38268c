import { Module } from '@nestjs/common';
import { PartnerRepository } from './infrastructure/partner.repository';
import { PartnerQueries } from './partner.queries';
import { PartnersHttpController } from './partners.http.controller';
import { AddAgreement } from './use-cases/add-agreement';
import { CreatePartner } from './use-cases/create-partner';

/** Partner institutions, their agreements (validity, quota) and scorecards; the repository serves sessions. */
@Module({
  controllers: [PartnersHttpController],
  providers: [CreatePartner, AddAgreement, PartnerQueries, PartnerRepository],
  exports: [PartnerRepository],
})
export class PartnerModule {}
