import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { todayInJakarta } from '@capaian/kinerja';
import type { Principal } from '@capaian/shared/auth';
import { recordAudit } from '@capaian/shared/persistence';
import { DataSource } from 'typeorm';
import { actorOf } from '../../common/access';
import { lockStructure } from '../../common/refs';
import { effectiveDate } from '../../common/temporal';
import { readAfterCommit, type SavedWithoutView } from '../../common/after-commit';
import { inTransaction } from '../../common/transaction';
import { refuse } from '../../common/violations';
import { chainIdsAt, supervisorIdAt } from '../../reporting/infrastructure/reporting.queries';
import { ReportingLineTracker } from '../../reporting/reporting-line.tracker';
import { checkStillWorking, checkSupervisorOverride } from '../domain/employee.rules';
import type { SupervisorOverrideDto } from '../dto/set-supervisor-override.dto';
import { EmployeeAccess } from '../employee-access';
import { EmployeeQueries } from '../employee.queries';
import type { EmployeeView } from '../infrastructure/employee.read-model';
import { EmployeeRepository } from '../infrastructure/employee.repository';

/** Names a supervisor other than the position tree's (audited, with a reason). */
@Injectable()
export class SetSupervisorOverride {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly employees: EmployeeRepository,
    private readonly access: EmployeeAccess,
    private readonly tracker: ReportingLineTracker,
    private readonly queries: EmployeeQueries,
  ) {}

  async execute(p: Principal, ref: string, dto: SupervisorOverrideDto): Promise<EmployeeView | SavedWithoutView> {
    const actor = actorOf(p);
    const key = await this.access.find(ref);
    const target = await this.access.find(dto.supervisorId);
    const date = effectiveDate(dto.effectiveDate);
    const id = await inTransaction(this.dataSource, async (m) => {
      // Two overrides at once could close a loop that neither sees alone.
      await lockStructure(m);
      const e = await this.employees.lock(m, key.id);
      this.access.assertCanManage(p, e.opd_code);
      refuse(checkStillWorking(e.status, 'diberi atasan khusus'));
      const candidate = (await this.employees.statusOf(m, target.id))!;
      refuse(checkSupervisorOverride(e.id, candidate, await chainIdsAt(m, candidate.id, todayInJakarta())));
      const previous = await supervisorIdAt(m, e.id, todayInJakarta());
      const lines = await this.tracker.before(m, { employeeIds: [e.id] });

      await this.employees.setSupervisorOverride(m, e.id, candidate.id, dto.reason);
      await this.employees.historise(m, e.id, date, ['ATASAN_KHUSUS'], actor, { reason: dto.reason });
      await recordAudit(m, {
        actor: actor.subject,
        actorNip: actor.nip,
        action: 'employee.supervisor-overridden',
        entityType: 'employee',
        entityId: e.id,
        fromState: previous,
        toState: candidate.id,
        reason: dto.reason,
        details: { effectiveDate: date },
      });
      await this.tracker.after(m, lines, { effectiveDate: date, reason: dto.reason });
      return e.id;
    });
    return readAfterCommit(id, () => this.queries.view(id));
  }
}
