import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@capaian/shared/auth';
import { StatisticsDto } from './dto/statistics.dto';
import { StatisticsQueryDto } from './dto/statistics-query.dto';
import { StatisticsQueries } from './statistics.queries';

@ApiTags('Statistik notifikasi')
@ApiBearerAuth()
@Controller('statistik')
export class StatisticsHttpController {
  constructor(private readonly statistics: StatisticsQueries) {}

  @Get()
  @Roles('admin-bkpsdm')
  @ApiOperation({ summary: 'Terkirim, gagal, menunggu dan tingkat baca per kategori dan OPD (admin BKPSDM)' })
  @ApiOkResponse({ type: StatisticsDto })
  get(@Query() query: StatisticsQueryDto): Promise<StatisticsDto> {
    return this.statistics.summary(query);
  }
}
