import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { calendarPeriods, type Cadence, type CalendarPeriod } from './domain/cadence';
import { CadenceRepository } from './infrastructure/cadence.repository';

@Injectable()
export class CadenceQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cadences: CadenceRepository,
  ) {}

  /** An OPD's calendar for a year with its periods and deadlines (the default calendar when BKPSDM set none). */
  async get(year: number, opdCode: string): Promise<Cadence & { periods: CalendarPeriod[] }> {
    const cadence = await this.cadences.get(this.dataSource.manager, opdCode, year);
    return { ...cadence, periods: calendarPeriods(cadence) };
  }
}
