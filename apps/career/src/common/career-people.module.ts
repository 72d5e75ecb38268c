import { Module } from '@nestjs/common';
import { PersonnelProjectionModule } from '@capaian/shared/projection';
import { CareerPeople } from './career-people';

/** Who is who, from the personnel projection, for every feature module. */
@Module({
  imports: [PersonnelProjectionModule],
  providers: [CareerPeople],
  exports: [CareerPeople],
})
export class CareerPeopleModule {}
