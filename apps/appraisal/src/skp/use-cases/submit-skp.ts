import { Injectable } from '@nestjs/common';
import type { Principal } from '@capaian/shared/auth';
import { partyOf } from '../../common/actor';
import type { SkpState } from '../domain/skp';
import { SkpRepository } from '../infrastructure/skp.repository';
import { actorOf, SkpWorkflow } from '../skp.workflow';

/** The owner submits; each RHK must support an RHK of the penilai's set SKP of the year (unless at the top of the OPD). */
@Injectable()
export class SubmitSkp {
  constructor(
    private readonly workflow: SkpWorkflow,
    private readonly skps: SkpRepository,
  ) {}

  execute(principal: Principal, id: string): Promise<SkpState> {
    return this.workflow.run(id, partyOf(principal), async (skp, m) => {
      const s = skp.toState();
      const penilaiSkp = s.penilaiNip ? await this.skps.findSetSkpOf(m, s.penilaiNip, s.year) : null;
      skp.submit(actorOf(principal), new Set(penilaiSkp?.rhk.map((r) => r.id) ?? []));
    });
  }
}
