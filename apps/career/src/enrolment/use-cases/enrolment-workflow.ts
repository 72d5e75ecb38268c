import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock } from '@capaian/kinerja';
import type { Principal } from '@capaian/shared/auth';
import { OutboxService } from '@capaian/shared/messaging';
import { DataSource, type EntityManager } from 'typeorm';
import { thresholdIfCrossed } from '../../budget/budget.events';
import { BudgetMessages } from '../../budget/budget.messages';
import { CENTRAL_BUDGET_OWNER, formatRupiah } from '../../budget/domain/budget';
import { BudgetRepository, type BudgetRecord } from '../../budget/infrastructure/budget.repository';
import { audit, CareerPeople } from '../../common/career-people';
import { SessionRepository, type SessionRecord } from '../../session/infrastructure/session.repository';
import type { Enrolment, EnrolmentStatus } from '../domain/enrolment';
import { canManage, canSee, requireBkpsdm } from '../enrolment.access';
import { publishEnrolmentChanges } from '../enrolment.events';
import { EnrolmentMessages as M } from '../enrolment.messages';
import { EnrolmentRepository, type EnrolmentRow } from '../infrastructure/enrolment.repository';
import { PromoteWaitlist } from './promote-waitlist';
import { RegisterEnrolment } from './register-enrolment';

/**
 * The transitions after registration, each one transaction: lock the place, let the aggregate
 * refuse what its status does not allow, move the budget and the seat with conditional
 * statements, save, audit, and hand the aggregate's events to the outbox.
 */
@Injectable()
export class EnrolmentWorkflow {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly enrolments: EnrolmentRepository,
    private readonly sessions: SessionRepository,
    private readonly budgets: BudgetRepository,
    private readonly people: CareerPeople,
    private readonly register: RegisterEnrolment,
    private readonly waitlist: PromoteWaitlist,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  private async run<T>(
    actor: Principal,
    id: string,
    action: string,
    work: (m: EntityManager, row: EnrolmentRow, e: Enrolment, session: SessionRecord) => Promise<T>,
    afterSave?: (m: EntityManager, session: SessionRecord) => Promise<unknown>,
  ): Promise<T> {
    return this.dataSource.transaction(async (m) => {
      const { row, enrolment } = await this.enrolments.lock(m, id);
      const session = (await this.sessions.find(m, row.sessionId))!;
      const from: EnrolmentStatus = enrolment.status;
      const result = await work(m, row, enrolment, session);
      await this.enrolments.save(m, enrolment, this.clock.now());
      await audit(m, actor, { action: `enrolment.${action}`, entityType: 'enrolment', entityId: id, from, to: enrolment.status, reason: enrolment.snapshot().reason });
      await publishEnrolmentChanges(m, this.outbox, enrolment, row, session);
      // A freed seat moves the waitlist up in the same transaction: nothing half-written.
      if (afterSave) await afterSave(m, session);
      return result;
    });
  }

  /** BKPSDM verifies: eligibility and schedule again (facts may have changed), and that a budget could pay. */
  async verify(actor: Principal, id: string) {
    requireBkpsdm(actor);
    const row = await this.enrolments.find(this.dataSource.manager, id);
    if (!row) throw M.error('PENDAFTARAN_TIDAK_DITEMUKAN');
    const session = (await this.sessions.find(this.dataSource.manager, row.sessionId))!;
    const person = await this.people.byNip(row.nip);
    await this.register.checkPerson(session, person, session.id);
    const year = Number(session.startDate.slice(0, 4));
    const owners = [person.opdCode, CENTRAL_BUDGET_OWNER].filter((x): x is string => !!x);
    const budgets = await Promise.all(owners.map((o) => this.budgets.findFor(this.dataSource.manager, year, o)));
    if (!budgets.some((b) => b && b.balance >= session.costPerParticipant)) {
      const best = budgets.reduce((s, b) => Math.max(s, b?.balance ?? 0), 0);
      throw BudgetMessages.error('ANGGARAN_TIDAK_MENCUKUPI', { owner: owners.join('/'), year, balance: formatRupiah(best), amount: formatRupiah(session.costPerParticipant) });
    }
    return this.run(actor, id, 'verified', async (_m, _row, e) => e.verify()).then(() => this.view(id));
  }

  async reject(actor: Principal, id: string, reason: string) {
    requireBkpsdm(actor);
    await this.run(actor, id, 'rejected', async (m, _row, e, session) => {
      e.reject(reason);
      await this.sessions.freeSeat(m, session.id);
    }, (m, session) => this.waitlist.afterSeatFreed(m, actor, session));
    return this.view(id);
  }

  /**
   * Approval commits the cost against the chosen budget in one conditional UPDATE: never below
   * zero, whatever number of approvals run at once; a refused commitment rolls the approval back.
   */
  async approve(actor: Principal, id: string, fundedBy: 'OPD' | 'BKPSDM') {
    let budget: BudgetRecord | null = null;
    let cost = 0;
    await this.run(
      actor,
      id,
      'approved',
      async (m, row, e, session) => {
        const owner = fundedBy === 'BKPSDM' ? CENTRAL_BUDGET_OWNER : row.opdCode;
        if (!canManage(actor, row) || (fundedBy === 'BKPSDM' && !actor.roles.includes('admin-bkpsdm'))) throw M.error('AKSES_PENDAFTARAN_DITOLAK');
        const year = Number(session.startDate.slice(0, 4));
        budget = owner ? await this.budgets.findFor(m, year, owner) : null;
        if (!budget) throw BudgetMessages.error('ANGGARAN_BELUM_DIALOKASIKAN', { owner: owner ?? 'OPD', year });
        cost = session.costPerParticipant;
        e.approve(budget.id, cost); // refuses a place that is not DIVERIFIKASI
      },
      // The commitment is the transaction's last write: the budget row stays locked only from this
      // UPDATE to the commit, so concurrent approvals queue on it as briefly as possible.
      async (m) => {
        const b = budget as BudgetRecord | null;
        if (!b) return;
        const committed = await this.budgets.commit(m, b.id, cost, { actor: actor.subject, at: this.clock.now(), enrolmentId: id });
        if (!committed) {
          const now = await this.budgets.find(m, b.id);
          throw BudgetMessages.error('ANGGARAN_TIDAK_MENCUKUPI', { owner: b.ownerCode, year: b.fiscalYear, balance: formatRupiah(now?.balance ?? 0), amount: formatRupiah(cost) });
        }
        await audit(m, actor, { action: 'budget.committed', entityType: 'budget', entityId: b.id, details: { enrolmentId: id, amount: cost, balance: committed.after.balance } });
        await thresholdIfCrossed(m, this.outbox, committed.before, committed.after);
      },
    );
    return this.view(id);
  }

  async attend(actor: Principal, id: string, day: string, present: boolean) {
    requireBkpsdm(actor);
    await this.run(actor, id, 'attendance-recorded', async (m, _row, e, session) => {
      if (e.status !== 'DISETUJUI') e.recordAttendance(day, session, false, present); // refuses with the status's message
      const inside = day >= session.startDate && day <= session.endDate;
      const before = inside ? await this.enrolments.recordAttendance(m, id, day, present, actor.subject, this.clock.now()) : null;
      e.recordAttendance(day, session, before === true, present);
    });
    return this.view(id);
  }

  /** Passed or failed: the commitment becomes realization. */
  async complete(actor: Principal, id: string, passed: boolean) {
    requireBkpsdm(actor);
    await this.run(actor, id, passed ? 'passed' : 'failed', async (m, _row, e) => {
      const spent = e.complete(passed);
      if (spent.budgetId && spent.amount > 0) {
        await this.budgets.realize(m, spent.budgetId, spent.amount, { actor: actor.subject, at: this.clock.now(), enrolmentId: id });
        await audit(m, actor, { action: 'budget.realized', entityType: 'budget', entityId: spent.budgetId, details: { enrolmentId: id, amount: spent.amount } });
      }
    });
    return this.view(id);
  }

  /** Withdrawn by the person, their supervisor or a manager: the seat goes to the waitlist and the commitment back to the budget. */
  async cancel(actor: Principal, id: string, reason: string) {
    const self = await this.people.selfOrNull(actor);
    await this.run(actor, id, 'cancelled', async (m, row, e, session) => {
      if (!canSee(actor, self, row)) throw M.error('AKSES_PENDAFTARAN_DITOLAK');
      const release = e.cancel(reason);
      if (release.seat) await this.sessions.freeSeat(m, session.id);
      if (release.budgetId && release.amount > 0) {
        await this.budgets.release(m, release.budgetId, release.amount, { actor: actor.subject, at: this.clock.now(), enrolmentId: id });
        await audit(m, actor, { action: 'budget.released', entityType: 'budget', entityId: release.budgetId, details: { enrolmentId: id, amount: release.amount } });
      }
    }, (m, session) => this.waitlist.afterSeatFreed(m, actor, session));
    return this.view(id);
  }

  async view(id: string): Promise<EnrolmentRow> {
    return (await this.enrolments.find(this.dataSource.manager, id))!;
  }
}
