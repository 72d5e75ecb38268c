import { Module } from '@nestjs/common';
import { PeriodePenilaianHttpController } from './periode-penilaian.http.controller';
import { PeriodePenilaianService } from './periode-penilaian.service';

@Module({
  controllers: [PeriodePenilaianHttpController],
  providers: [PeriodePenilaianService],
  exports: [PeriodePenilaianService],
})
export class PeriodsModule {}
