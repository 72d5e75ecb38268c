import { Injectable } from '@nestjs/common';
import type { Principal } from '@capaian/shared/auth';
import { auditTransition, partyOf } from '../../common/actor';
import type { SkpState } from '../domain/skp';
import type { SkpContentDto } from '../dto/skp-content.dto';
import { contentFromDto } from '../skp-content';
import { actorOf, SkpWorkflow } from '../skp.workflow';

/** The owner edits the plan while it is a draft or was returned. */
@Injectable()
export class EditSkp {
  constructor(private readonly workflow: SkpWorkflow) {}

  execute(principal: Principal, id: string, body: SkpContentDto): Promise<SkpState> {
    return this.workflow.run(id, partyOf(principal), async (skp, m) => {
      const t = skp.edit(actorOf(principal), contentFromDto(body));
      await auditTransition(m, partyOf(principal), { action: 'skp.edited', entityType: 'skp', entityId: id, from: t.from, to: t.to });
    });
  }
}
