import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EmployeePromotedV1 } from '@capaian/contracts';
import { normalizeGolongan, todayInJakarta } from '@capaian/kinerja';
import type { Principal } from '@capaian/shared/auth';
import { recordAudit } from '@capaian/shared/persistence';
import { DataSource } from 'typeorm';
import { actorOf } from '../../common/access';
import { PersonnelEvents } from '../../common/events';
import { employeeSnapshot } from '../../common/snapshots';
import { effectiveDate } from '../../common/temporal';
import { readAfterCommit, type SavedWithoutView } from '../../common/after-commit';
import { inTransaction } from '../../common/transaction';
import { refuse } from '../../common/violations';
import { checkPromotion, checkStillWorking, derivedPangkat } from '../domain/employee.rules';
import type { PromoteEmployeeDto } from '../dto/promote-employee.dto';
import { EmployeeAccess } from '../employee-access';
import { EmployeeQueries } from '../employee.queries';
import type { EmployeeView } from '../infrastructure/employee.read-model';
import { EmployeeRepository } from '../infrastructure/employee.repository';

/** Kenaikan pangkat: a higher golongan on the employee's own scale, from its TMT. */
@Injectable()
export class PromoteEmployee {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly employees: EmployeeRepository,
    private readonly access: EmployeeAccess,
    private readonly events: PersonnelEvents,
    private readonly queries: EmployeeQueries,
  ) {}

  async execute(p: Principal, ref: string, dto: PromoteEmployeeDto): Promise<EmployeeView | SavedWithoutView> {
    const actor = actorOf(p);
    const key = await this.access.find(ref);
    const date = effectiveDate(dto.effectiveDate);
    const id = await inTransaction(this.dataSource, async (m) => {
      const e = await this.employees.lock(m, key.id);
      this.access.assertCanManage(p, e.opd_code);
      refuse(checkStillWorking(e.status, 'naik pangkat'));
      const golongan = normalizeGolongan(dto.golongan, e.jenis_asn);
      refuse(checkPromotion(e.jenis_asn, e.golongan, golongan));

      await this.employees.setGolongan(m, e.id, golongan, derivedPangkat(golongan));
      await this.employees.historise(m, e.id, date, ['KENAIKAN_PANGKAT'], actor, { nomorSk: dto.nomorSk });
      await recordAudit(m, {
        actor: actor.subject,
        actorNip: actor.nip,
        action: 'employee.promoted',
        entityType: 'employee',
        entityId: e.id,
        fromState: e.golongan,
        toState: golongan,
        details: { nomorSk: dto.nomorSk ?? null, effectiveDate: date },
      });
      await this.events.emit(m, EmployeePromotedV1, e.id, {
        ...(await employeeSnapshot(m, e.id, date, todayInJakarta())),
        fromGolongan: e.golongan,
        fromPangkat: e.pangkat,
        nomorSk: dto.nomorSk ?? null,
      });
      return e.id;
    });
    return readAfterCommit(id, () => this.queries.view(id));
  }
}
