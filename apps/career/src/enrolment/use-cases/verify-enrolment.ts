import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@capaian/shared/auth';
import { DataSource } from 'typeorm';
import { BudgetMessages } from '../../budget/budget.messages';
import { CENTRAL_BUDGET_OWNER, formatRupiah } from '../../budget/domain/budget';
import { BudgetRepository } from '../../budget/infrastructure/budget.repository';
import { CareerPeople } from '../../common/career-people';
import { SessionRepository } from '../../session/infrastructure/session.repository';
import { SessionMessages } from '../../session/session.messages';
import { requireBkpsdm } from '../enrolment.access';
import { EnrolmentMessages as M } from '../enrolment.messages';
import { EnrolmentRepository, type EnrolmentRow } from '../infrastructure/enrolment.repository';
import { EnrolmentTransaction } from './enrolment-transaction';
import { RegisterEnrolment } from './register-enrolment';

/**
 * BKPSDM verifies a place: eligibility and schedule again (personnel facts may have changed since
 * registration), the seat is already held, and the person's OPD budget or the central one could pay.
 */
@Injectable()
export class VerifyEnrolment {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly enrolments: EnrolmentRepository,
    private readonly sessions: SessionRepository,
    private readonly budgets: BudgetRepository,
    private readonly people: CareerPeople,
    private readonly register: RegisterEnrolment,
    private readonly tx: EnrolmentTransaction,
  ) {}

  async execute(actor: Principal, id: string): Promise<EnrolmentRow> {
    requireBkpsdm(actor);
    const m = this.dataSource.manager;
    const row = await this.enrolments.find(m, id);
    if (!row) throw M.error('PENDAFTARAN_TIDAK_DITEMUKAN');
    const session = await this.sessions.find(m, row.sessionId);
    if (!session) throw SessionMessages.error('SESI_TIDAK_DITEMUKAN');
    const person = await this.people.byNip(row.nip);
    await this.register.checkPerson(session, person, session.id);
    const year = Number(session.startDate.slice(0, 4));
    const owners = [person.opdCode, CENTRAL_BUDGET_OWNER].filter((x): x is string => !!x);
    const budgets = await Promise.all(owners.map((o) => this.budgets.findFor(m, year, o)));
    if (!budgets.some((b) => b && b.balance >= session.costPerParticipant)) {
      const best = budgets.reduce((s, b) => Math.max(s, b?.balance ?? 0), 0);
      throw BudgetMessages.error('ANGGARAN_TIDAK_MENCUKUPI', { owner: owners.join('/'), year, balance: formatRupiah(best), amount: formatRupiah(session.costPerParticipant) });
    }
    await this.tx.run(actor, id, 'verified', async (_m, _row, e) => e.verify());
    return this.tx.view(id);
  }
}
