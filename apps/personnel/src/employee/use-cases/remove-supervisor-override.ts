import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@capaian/shared/auth';
import { recordAudit } from '@capaian/shared/persistence';
import { DataSource } from 'typeorm';
import { actorOf } from '../../common/access';
import { lockStructure } from '../../common/refs';
import { effectiveDate } from '../../common/temporal';
import { readAfterCommit, type SavedWithoutView } from '../../common/after-commit';
import { inTransaction } from '../../common/transaction';
import { ReportingLineTracker } from '../../reporting/reporting-line.tracker';
import type { RemoveOverrideDto } from '../dto/remove-supervisor-override.dto';
import { EmployeeAccess } from '../employee-access';
import { EmployeeMessages } from '../employee.messages';
import { EmployeeQueries } from '../employee.queries';
import type { EmployeeView } from '../infrastructure/employee.read-model';
import { EmployeeRepository } from '../infrastructure/employee.repository';

/** Back to the supervisor the position tree gives. */
@Injectable()
export class RemoveSupervisorOverride {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly employees: EmployeeRepository,
    private readonly access: EmployeeAccess,
    private readonly tracker: ReportingLineTracker,
    private readonly queries: EmployeeQueries,
  ) {}

  async execute(p: Principal, ref: string, dto: RemoveOverrideDto): Promise<EmployeeView | SavedWithoutView> {
    const actor = actorOf(p);
    const key = await this.access.find(ref);
    const date = effectiveDate(dto.effectiveDate);
    const id = await inTransaction(this.dataSource, async (m) => {
      await lockStructure(m);
      const e = await this.employees.lock(m, key.id);
      this.access.assertCanManage(p, e.opd_code);
      if (!e.supervisor_override_id) throw EmployeeMessages.error('ATASAN_KHUSUS_TIDAK_ADA');
      const lines = await this.tracker.before(m, { employeeIds: [e.id] });

      await this.employees.setSupervisorOverride(m, e.id, null, null);
      await this.employees.historise(m, e.id, date, ['ATASAN_KHUSUS_DICABUT'], actor, { reason: dto.reason });
      await recordAudit(m, {
        actor: actor.subject,
        actorNip: actor.nip,
        action: 'employee.supervisor-override-removed',
        entityType: 'employee',
        entityId: e.id,
        fromState: e.supervisor_override_id,
        reason: dto.reason,
      });
      await this.tracker.after(m, lines, { effectiveDate: date, reason: dto.reason });
      return e.id;
    });
    return readAfterCommit(id, () => this.queries.view(id));
  }
}
