import { Injectable } from '@nestjs/common';
import { Clock } from '@capaian/kinerja';
import type { EntityManager } from 'typeorm';
import type { ActingParty } from '../../common/actor';
import { SkpRepository } from '../infrastructure/skp.repository';
import { SkpEventRecorder } from '../skp.events';

/** A new pejabat penilai takes over every open SKP of an employee (with its reports and rating); runs in the caller's transaction. */
@Injectable()
export class ReassignPenilai {
  constructor(
    private readonly skps: SkpRepository,
    private readonly events: SkpEventRecorder,
    private readonly clock: Clock,
  ) {}

  async execute(m: EntityManager, who: ActingParty, nip: string, penilaiNip: string | null): Promise<number> {
    let moved = 0;
    for (const skp of await this.skps.lockOpenOf(m, nip)) {
      const from = skp.status;
      if (!skp.reassignPenilai(penilaiNip)) continue;
      await this.skps.update(m, skp, this.clock.now());
      await this.events.record(m, who, skp, from);
      moved++;
    }
    return moved;
  }
}
