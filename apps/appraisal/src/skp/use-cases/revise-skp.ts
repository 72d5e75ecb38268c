import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock } from '@capaian/kinerja';
import type { Principal } from '@capaian/shared/auth';
import { DataSource } from 'typeorm';
import { partyOf } from '../../common/actor';
import type { Skp, SkpState } from '../domain/skp';
import type { ReasonDto } from '../dto/reason.dto';
import { SkpRepository } from '../infrastructure/skp.repository';
import { actorOf, SkpWorkflow } from '../skp.workflow';

/** A revision after a dialogue: the set version is kept (DIGANTI) and the new draft version is answered. */
@Injectable()
export class ReviseSkp {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly workflow: SkpWorkflow,
    private readonly skps: SkpRepository,
    private readonly clock: Clock,
  ) {}

  execute(principal: Principal, id: string, body: ReasonDto): Promise<SkpState> {
    return this.dataSource.transaction(async (m) => {
      const versions: Skp[] = [];
      await this.workflow.runIn(m, id, partyOf(principal), (skp) => versions.push(skp.revise(actorOf(principal), body.reason, randomUUID()).next));
      const [next] = versions;
      await this.skps.insert(m, next, this.clock.now());
      return next.toState();
    });
  }
}
