import { Injectable } from '@nestjs/common';
import type { Principal } from '@capaian/shared/auth';
import { partyOf } from '../../common/actor';
import type { SkpState } from '../domain/skp';
import type { ReasonDto } from '../dto/reason.dto';
import { actorOf, SkpWorkflow } from '../skp.workflow';

/** The penilai returns a submitted SKP to its owner with notes. */
@Injectable()
export class ReturnSkp {
  constructor(private readonly workflow: SkpWorkflow) {}

  execute(principal: Principal, id: string, body: ReasonDto): Promise<SkpState> {
    return this.workflow.run(id, partyOf(principal), (skp) => skp.return(actorOf(principal), body.reason));
  }
}
