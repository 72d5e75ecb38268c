import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock } from '@capaian/kinerja';
import { hasAnyRole, type Principal } from '@capaian/shared/auth';
import { DataSource, type EntityManager } from 'typeorm';
import type { ActingParty } from '../common/actor';
import type { Actor, Skp, SkpState } from './domain/skp';
import { SkpRepository } from './infrastructure/skp.repository';
import { SkpEventRecorder } from './skp.events';
import { SkpMessages } from './skp.messages';

/** The caller as the SKP aggregate sees them: a NIP, and whether they act for BKPSDM. */
export function actorOf(principal: Principal): Actor {
  return { nip: principal.nip ?? null, admin: hasAnyRole(principal, ['admin-bkpsdm']) };
}

/**
 * The frame every SKP transition runs in: one transaction that locks the SKP, runs the aggregate's
 * transition, saves it, and records its audit entries and outbox events.
 */
@Injectable()
export class SkpWorkflow {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly skps: SkpRepository,
    private readonly events: SkpEventRecorder,
    private readonly clock: Clock,
  ) {}

  run(id: string, who: ActingParty, transition: (skp: Skp, m: EntityManager) => unknown): Promise<SkpState> {
    return this.dataSource.transaction((m) => this.runIn(m, id, who, transition));
  }

  async runIn(m: EntityManager, id: string, who: ActingParty, transition: (skp: Skp, m: EntityManager) => unknown): Promise<SkpState> {
    const skp = await this.skps.lock(m, id);
    if (!skp) throw SkpMessages.error('SKP_TIDAK_DITEMUKAN');
    const from = skp.status;
    await transition(skp, m);
    await this.skps.update(m, skp, this.clock.now());
    await this.events.record(m, who, skp, from);
    return skp.toState();
  }
}
