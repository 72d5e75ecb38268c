import { Module } from '@nestjs/common';
import { StatisticsHttpController } from './statistics.http.controller';
import { StatisticsQueries } from './statistics.queries';

@Module({ controllers: [StatisticsHttpController], providers: [StatisticsQueries] })
export class StatisticsModule {}
