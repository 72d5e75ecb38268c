import { Module } from '@nestjs/common';
import { PositionPlacement } from './position-placement';
import { PositionTree } from './position-tree';
import { PositionQueries } from './position.queries';
import { PositionsHttpController } from './positions.http.controller';
import { ClosePosition } from './use-cases/close-position';
import { CreatePosition } from './use-cases/create-position';
import { UpdatePosition } from './use-cases/update-position';

/** Positions (jabatan), the position tree that reporting lines follow, and placing employees in positions. */
@Module({
  controllers: [PositionsHttpController],
  providers: [PositionTree, PositionPlacement, PositionQueries, CreatePosition, UpdatePosition, ClosePosition],
  exports: [PositionTree, PositionPlacement, PositionQueries],
})
export class PositionModule {}
