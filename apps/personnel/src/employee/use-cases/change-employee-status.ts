import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EmployeeChangedV1, EmployeeLeftV1 } from '@capaian/contracts';
import { isActiveStatus, todayInJakarta } from '@capaian/kinerja';
import type { Principal } from '@capaian/shared/auth';
import { recordAudit } from '@capaian/shared/persistence';
import { DataSource } from 'typeorm';
import { AccountsService } from '../../accounts/accounts.service';
import { actorOf } from '../../common/access';
import { PersonnelEvents } from '../../common/events';
import { employeeSnapshot } from '../../common/snapshots';
import { effectiveDate } from '../../common/temporal';
import { readAfterCommit, sideEffectAfterCommit, type SavedWithoutView } from '../../common/after-commit';
import { inTransaction } from '../../common/transaction';
import { refuse } from '../../common/violations';
import { ReportingLineTracker } from '../../reporting/reporting-line.tracker';
import { checkStatusChange } from '../domain/employee.rules';
import type { ChangeStatusDto } from '../dto/change-employee-status.dto';
import { EmployeeAccess } from '../employee-access';
import { EmployeeQueries } from '../employee.queries';
import type { EmployeeView } from '../infrastructure/employee.read-model';
import { EmployeeRepository } from '../infrastructure/employee.repository';

/** AKTIF ↔ CUTI, or leaving (PENSIUN, KELUAR): the position is freed and the SSO account disabled. */
@Injectable()
export class ChangeEmployeeStatus {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly employees: EmployeeRepository,
    private readonly access: EmployeeAccess,
    private readonly events: PersonnelEvents,
    private readonly tracker: ReportingLineTracker,
    private readonly accounts: AccountsService,
    private readonly queries: EmployeeQueries,
  ) {}

  async execute(p: Principal, ref: string, dto: ChangeStatusDto): Promise<EmployeeView | SavedWithoutView> {
    const actor = actorOf(p);
    const key = await this.access.find(ref);
    const date = effectiveDate(dto.effectiveDate);
    const leaving = !isActiveStatus(dto.status);
    const id = await inTransaction(this.dataSource, async (m) => {
      const e = await this.employees.lock(m, key.id);
      this.access.assertCanManage(p, e.opd_code);
      refuse(checkStatusChange(e.status, dto.status));
      const before = await employeeSnapshot(m, e.id, date, todayInJakarta());
      const lines = await this.tracker.before(m, { positionIds: e.position_id ? [e.position_id] : [], employeeIds: [e.id] });

      await this.employees.setStatus(m, e.id, dto.status, leaving);
      await this.employees.historise(m, e.id, date, [dto.status], actor, { nomorSk: dto.nomorSk, reason: dto.reason });
      await recordAudit(m, {
        actor: actor.subject,
        actorNip: actor.nip,
        action: leaving ? 'employee.left' : 'employee.status-changed',
        entityType: 'employee',
        entityId: e.id,
        fromState: e.status,
        toState: dto.status,
        reason: dto.reason,
        details: { nomorSk: dto.nomorSk ?? null, effectiveDate: date },
      });
      const after = await employeeSnapshot(m, e.id, date, todayInJakarta());
      if (leaving) {
        await this.events.emit(m, EmployeeLeftV1, e.id, { ...after, reason: dto.reason, lastPosition: before.position, lastOpd: before.opd });
      } else {
        await this.events.emit(m, EmployeeChangedV1, e.id, { ...after, changes: ['status'] });
      }
      await this.tracker.after(m, lines, { effectiveDate: date, reason: dto.reason, skip: [e.id] });
      return e.id;
    });
    if (leaving) await sideEffectAfterCommit('disabling the account', () => this.accounts.disable(id, actor), undefined);
    return readAfterCommit(id, () => this.queries.view(id));
  }
}
