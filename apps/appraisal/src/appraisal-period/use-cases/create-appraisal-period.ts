import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, throwIfAny, ViolationError } from '@capaian/kinerja';
import type { Principal } from '@capaian/shared/auth';
import { recordAudit } from '@capaian/shared/persistence';
import { DataSource } from 'typeorm';
import { AppraisalPeriodQueries } from '../appraisal-period.queries';
import type { AppraisalPeriodView } from '../appraisal-period.view';
import type { CreateAppraisalPeriodDto } from '../dto/create-appraisal-period.dto';
import { checkNewAppraisalPeriod, defaultPeriodName, overlapViolation } from '../domain/appraisal-period';
import { AppraisalPeriodRepository, isOverlapRace } from '../infrastructure/appraisal-period.repository';

/**
 * BKPSDM opens an appraisal period. The calendar rules come first (every violation at once); an
 * overlap with a period of the same kind is a conflict naming the clash. The pre-check gives the
 * friendly answer; the table's exclusion constraints close the race between concurrent requests.
 */
@Injectable()
export class CreateAppraisalPeriod {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly periods: AppraisalPeriodRepository,
    private readonly queries: AppraisalPeriodQueries,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Principal, input: CreateAppraisalPeriodDto): Promise<AppraisalPeriodView> {
    throwIfAny(checkNewAppraisalPeriod(input));
    const name = input.name?.trim() || defaultPeriodName(input);
    try {
      const id = await this.dataSource.transaction(async (m) => {
        const clash = await this.periods.findOverlapping(m, input.kind, input);
        if (clash) throw new ViolationError(overlapViolation(input.kind, clash));
        const saved = await this.periods.insert(m, {
          year: input.year,
          kind: input.kind,
          name,
          startDate: input.startDate,
          endDate: input.endDate,
          createdAt: this.clock.now(),
          createdBy: actor.subject,
        });
        await recordAudit(m, {
          actor: actor.subject,
          actorNip: actor.nip ?? null,
          action: 'appraisal-period.created',
          entityType: 'appraisal-period',
          entityId: saved.id,
          details: { year: saved.year, kind: saved.kind, name: saved.name, startDate: saved.startDate, endDate: saved.endDate },
        });
        return saved.id;
      });
      return await this.queries.view(id);
    } catch (error) {
      if (isOverlapRace(error)) throw new ViolationError(overlapViolation(input.kind));
      throw error;
    }
  }
}
