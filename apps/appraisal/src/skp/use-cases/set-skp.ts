import { Injectable } from '@nestjs/common';
import { Clock, type BerakhlakValue } from '@capaian/kinerja';
import type { Principal } from '@capaian/shared/auth';
import { partyOf } from '../../common/actor';
import { changedRhkIds, type SkpState } from '../domain/skp';
import type { SetSkpDto } from '../dto/set-skp.dto';
import { SkpRepository } from '../infrastructure/skp.repository';
import { SkpEventRecorder } from '../skp.events';
import { actorOf, SkpWorkflow } from '../skp.workflow';

/**
 * The penilai sets the SKP with the expectation for each BerAKHLAK value. When it is a revised
 * version, the subordinates whose RHK support a changed RHK are told.
 */
@Injectable()
export class SetSkp {
  constructor(
    private readonly workflow: SkpWorkflow,
    private readonly skps: SkpRepository,
    private readonly events: SkpEventRecorder,
    private readonly clock: Clock,
  ) {}

  execute(principal: Principal, id: string, body: SetSkpDto): Promise<SkpState> {
    return this.workflow.run(id, partyOf(principal), async (skp, m) => {
      const before = skp.toState();
      const previous = before.version > 1 ? await this.skps.findPreviousVersion(m, before.lineageId, before.version) : null;
      skp.set(actorOf(principal), (body.expectations ?? {}) as Partial<Record<BerakhlakValue, string>>, this.clock.today(), previous?.id ?? null);
      if (!previous) return;
      const changed = changedRhkIds(previous.rhk, skp.toState().rhk);
      const dependents = (await this.skps.findLinkedTo(m, changed)).filter((d) => d.snapshot.nip !== before.snapshot.nip);
      await this.events.linkedRhkChanged(m, partyOf(principal), skp.toState(), dependents, changed);
    });
  }
}
