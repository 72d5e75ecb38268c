import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { addDays } from '../cadence/domain/cadence';
import { Clock, type BerakhlakValue } from '@capaian/kinerja';
import { hasAnyRole, type Principal } from '@capaian/shared/auth';
import { DataSource, type EntityManager } from 'typeorm';
import { auditTransition, partyOf, type ActingParty } from '../common/actor';
import { AppraisalPeople } from '../personnel-view/appraisal-people';
import { draftSkp } from './create-skp.use-case';
import { changedRhkIds, type Actor, type Skp, type SkpState } from './domain/skp';
import { SkpRepository } from './infrastructure/skp.repository';
import type { SkpContentDto } from './skp-content.dto';
import { contentFromDto } from './skp-content';
import type { CloseSkpDto, ReasonDto, SetSkpDto } from './skp-transition.dto';
import { SkpEventRecorder } from './skp.events';
import { SkpMessages } from './skp.messages';

function actorOf(principal: Principal): Actor {
  return { nip: principal.nip ?? null, admin: hasAnyRole(principal, ['admin-bkpsdm']) };
}

/**
 * The workflow transitions of an SKP, one method per use case: each loads and locks the SKP,
 * calls the aggregate's transition, saves it, and records audit and outbox events in one
 * transaction.
 */
@Injectable()
export class SkpTransitions {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly skps: SkpRepository,
    private readonly events: SkpEventRecorder,
    private readonly directory: AppraisalPeople,
    private readonly clock: Clock,
  ) {}

  edit(id: string, body: SkpContentDto, principal: Principal): Promise<SkpState> {
    return this.run(id, principal, (skp) => skp.edit(actorOf(principal), contentFromDto(body)), 'skp.edited');
  }

  submit(id: string, principal: Principal): Promise<SkpState> {
    return this.run(id, principal, async (skp, m) => {
      const s = skp.toState();
      const penilaiSkp = s.penilaiNip ? await this.skps.findSetSkpOf(m, s.penilaiNip, s.year) : null;
      return skp.submit(actorOf(principal), new Set(penilaiSkp?.rhk.map((r) => r.id) ?? []));
    });
  }

  set(id: string, body: SetSkpDto, principal: Principal): Promise<SkpState> {
    return this.run(id, principal, async (skp, m) => {
      const before = skp.toState();
      const previous = before.version > 1 ? await this.skps.findPreviousVersion(m, before.lineageId, before.version) : null;
      const t = skp.set(actorOf(principal), (body.expectations ?? {}) as Partial<Record<BerakhlakValue, string>>, this.clock.today(), previous?.id ?? null);
      if (previous) {
        // A revised SKP of a penilai: subordinates whose RHK support a changed RHK are told.
        const changed = changedRhkIds(previous.rhk, skp.toState().rhk);
        const dependents = (await this.skps.findLinkedTo(m, changed)).filter((d) => d.snapshot.nip !== before.snapshot.nip);
        await this.events.linkedRhkChanged(m, partyOf(principal), skp.toState(), dependents, changed);
      }
      return t;
    });
  }

  return(id: string, body: ReasonDto, principal: Principal): Promise<SkpState> {
    return this.run(id, principal, (skp) => skp.return(actorOf(principal), body.reason));
  }

  /** Revises a set SKP: the old version stays (DIGANTI), the new draft version is returned. */
  async revise(id: string, body: ReasonDto, principal: Principal): Promise<SkpState> {
    return this.dataSource.transaction(async (m) => {
      const skp = await this.load(m, id);
      const from = skp.status;
      const { next } = skp.revise(actorOf(principal), body.reason, randomUUID());
      const now = this.clock.now();
      await this.skps.update(m, skp, now);
      await this.events.record(m, partyOf(principal), skp, from);
      await this.skps.insert(m, next, now);
      return next.toState();
    });
  }

  /**
   * BKPSDM closes an SKP (transfer, promotion); with `openNew`, a new draft SKP opens the next day
   * for the employee's current position and appraisers as the projection knows them.
   */
  async close(id: string, body: CloseSkpDto, principal: Principal): Promise<{ closed: SkpState; opened: SkpState | null }> {
    return this.dataSource.transaction(async (m) => {
      const skp = await this.load(m, id);
      const from = skp.status;
      skp.close(actorOf(principal), body.reason, body.endDate);
      const now = this.clock.now();
      await this.skps.update(m, skp, now);
      await this.events.record(m, partyOf(principal), skp, from);
      const closed = skp.toState();
      let opened: SkpState | null = null;
      if (body.openNew && closed.endDate < `${closed.year}-12-31`) {
        const employee = await this.directory.employeeByNip(m, closed.snapshot.nip);
        if (!employee) throw SkpMessages.error('PEGAWAI_TIDAK_DITEMUKAN', { nip: closed.snapshot.nip });
        opened = await draftSkp(m, this.skps, partyOf(principal), now, {
          employee,
          year: closed.year,
          startDate: addDays(closed.endDate, 1),
          endDate: `${closed.year}-12-31`,
          content: { pendekatan: closed.pendekatan, rhk: [], annex: { resources: [], accountability: [], consequences: [] } },
        });
      }
      return { closed, opened };
    });
  }

  /** The projection says an employee's penilai changed: every open SKP follows the new penilai. */
  async reassignPenilai(m: EntityManager, who: ActingParty, nip: string, penilaiNip: string | null): Promise<number> {
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

  private async load(m: EntityManager, id: string): Promise<Skp> {
    const skp = await this.skps.lock(m, id);
    if (!skp) throw SkpMessages.error('SKP_TIDAK_DITEMUKAN');
    return skp;
  }

  private run(id: string, principal: Principal, transition: (skp: Skp, m: EntityManager) => unknown, auditAction?: string): Promise<SkpState> {
    return this.dataSource.transaction(async (m) => {
      const skp = await this.load(m, id);
      const from = skp.status;
      await transition(skp, m);
      await this.skps.update(m, skp, this.clock.now());
      if (auditAction) {
        await auditTransition(m, partyOf(principal), { action: auditAction, entityType: 'skp', entityId: id, from, to: skp.status });
      }
      await this.events.record(m, partyOf(principal), skp, from);
      return skp.toState();
    });
  }
}
