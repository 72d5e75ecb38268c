import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, throwIfAny } from '@capaian/kinerja';
import type { Principal } from '@capaian/shared/auth';
import { recordAudit } from '@capaian/shared/persistence';
import { DataSource } from 'typeorm';
import type { CreateDevelopmentProgramDto } from '../dto/create-development-program.dto';
import { DevelopmentProgramQueries } from '../development-program.queries';
import type { DevelopmentProgramView } from '../development-program.view';
import { checkNewDevelopmentProgram, type NewDevelopmentProgram } from '../domain/development-program';
import { DEFAULT_JP_CONVERSION, type JpConversion } from '../domain/jp-conversion';
import { DevelopmentProgramRepository } from '../infrastructure/development-program.repository';

/**
 * BKPSDM adds a program to the catalog: the rules across fields first (every violation at once),
 * then the program, planned (`DIRENCANAKAN`), and its audit entry in one transaction.
 */
@Injectable()
export class CreateDevelopmentProgram {
  /** The JP conversion in force: the institutional guideline's numbers until BKPSDM configures its own. */
  private readonly conversion: JpConversion = DEFAULT_JP_CONVERSION;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly programs: DevelopmentProgramRepository,
    private readonly queries: DevelopmentProgramQueries,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Principal, dto: CreateDevelopmentProgramDto): Promise<DevelopmentProgramView> {
    const input: NewDevelopmentProgram = { ...dto, scope: dto.scope ?? 'nasional' };
    throwIfAny(checkNewDevelopmentProgram(input, this.conversion));
    const id = await this.dataSource.transaction(async (m) => {
      const saved = await this.programs.insert(m, {
        ...input,
        competencies: dto.competencies ?? [],
        eligiblePositionKinds: dto.eligiblePositionKinds ?? [],
        stages: dto.stages ?? [],
        status: 'DIRENCANAKAN',
        createdAt: this.clock.now(),
        createdBy: actor.subject,
      });
      await recordAudit(m, {
        actor: actor.subject,
        actorNip: actor.nip ?? null,
        action: 'development-program.created',
        entityType: 'development-program',
        entityId: saved.id,
        toState: saved.status,
        details: {
          name: saved.name,
          form: saved.form,
          jp: saved.jp,
          quota: saved.quota,
          budgetCeiling: saved.budgetCeiling,
          costPerParticipant: saved.costPerParticipant,
          startDate: saved.startDate,
          endDate: saved.endDate,
        },
      });
      return saved.id;
    });
    return this.queries.view(id);
  }
}
