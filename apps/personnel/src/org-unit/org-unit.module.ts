import { Module } from '@nestjs/common';
import { PositionModule } from '../position/position.module';
import { OrgUnitQueries } from './org-unit.queries';
import { OrgUnitsHttpController } from './org-units.http.controller';
import { CloseUnit } from './use-cases/close-unit';
import { CreateUnit } from './use-cases/create-unit';
import { MoveUnit } from './use-cases/move-unit';
import { UpdateUnit } from './use-cases/update-unit';

/** The organisation tree of the city (Pemerintah Kota → OPD → bidang → seksi). */
@Module({
  imports: [PositionModule],
  controllers: [OrgUnitsHttpController],
  providers: [OrgUnitQueries, CreateUnit, UpdateUnit, MoveUnit, CloseUnit],
  exports: [OrgUnitQueries],
})
export class OrgUnitModule {}
