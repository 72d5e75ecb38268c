import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, throwIfAny } from '@capaian/kinerja';
import type { Principal } from '@capaian/shared/auth';
import { DataSource } from 'typeorm';
import { auditTransition, partyOf } from '../../common/actor';
import { AppraisalPeople } from '../../personnel-view/appraisal-people';
import { CadenceMessages } from '../cadence.messages';
import { calendarPeriods, checkCadence, type Cadence, type CalendarPeriod } from '../domain/cadence';
import type { SetCadenceDto } from '../dto/set-cadence.dto';
import { CadenceRepository } from '../infrastructure/cadence.repository';

/** BKPSDM sets an OPD's calendar for a year (frequency and deadlines). */
@Injectable()
export class SetCadence {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cadences: CadenceRepository,
    private readonly people: AppraisalPeople,
    private readonly clock: Clock,
  ) {}

  execute(principal: Principal, year: number, opdCode: string, body: SetCadenceDto): Promise<Cadence & { periods: CalendarPeriod[] }> {
    const cadence: Cadence = { year, ...body };
    throwIfAny(checkCadence(cadence));
    return this.dataSource.transaction(async (m) => {
      if (!(await this.people.opdExists(m, opdCode))) throw CadenceMessages.error('OPD_TIDAK_DIKENAL', { code: opdCode });
      await this.cadences.upsert(m, opdCode, cadence, this.clock.now(), principal.subject);
      await auditTransition(m, partyOf(principal), { action: 'cadence.set', entityType: 'opd-cadence', entityId: `${opdCode}/${year}`, details: { ...body } });
      return { ...cadence, periods: calendarPeriods(cadence) };
    });
  }
}
