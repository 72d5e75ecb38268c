import { Module } from '@nestjs/common';
import { StatisticsHttpController } from './statistics.http.controller';
import { StatisticsQuery } from './statistics.query';

@Module({ controllers: [StatisticsHttpController], providers: [StatisticsQuery] })
export class StatisticsModule {}
