import { Module } from '@nestjs/common';
import { PositionModule } from '../position/position.module';
import { OrgUnitService } from './org-unit.service';
import { OrgUnitsHttpController } from './org-units.http.controller';

/** The organisation tree of the city (Pemerintah Kota → OPD → bidang → seksi). */
@Module({
  imports: [PositionModule],
  controllers: [OrgUnitsHttpController],
  providers: [OrgUnitService],
  exports: [OrgUnitService],
})
export class OrgUnitModule {}
