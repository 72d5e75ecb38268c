import { Module } from '@nestjs/common';
import { PositionTree } from './position-tree';
import { PositionService } from './position.service';
import { PositionsHttpController } from './positions.http.controller';

/** Positions (jabatan) and the position tree that reporting lines follow. */
@Module({
  controllers: [PositionsHttpController],
  providers: [PositionService, PositionTree],
  exports: [PositionService, PositionTree],
})
export class PositionModule {}
