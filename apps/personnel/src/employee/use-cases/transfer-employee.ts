import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EmployeeTransferredV1 } from '@capaian/contracts';
import { todayInJakarta } from '@capaian/kinerja';
import type { Principal } from '@capaian/shared/auth';
import { recordAudit } from '@capaian/shared/persistence';
import { DataSource } from 'typeorm';
import { AccountsService } from '../../accounts/accounts.service';
import { actorOf } from '../../common/access';
import { PersonnelEvents } from '../../common/events';
import { employeeSnapshot } from '../../common/snapshots';
import { effectiveDate, optionalDate } from '../../common/temporal';
import { readAfterCommit, sideEffectAfterCommit, type SavedWithoutView } from '../../common/after-commit';
import { inTransaction } from '../../common/transaction';
import { refuse } from '../../common/violations';
import { PositionPlacement } from '../../position/position-placement';
import { ReportingLineTracker } from '../../reporting/reporting-line.tracker';
import { checkCapacity, checkJabatanForJenisAsn, checkStillWorking } from '../domain/employee.rules';
import type { TransferEmployeeDto } from '../dto/transfer-employee.dto';
import { EmployeeAccess } from '../employee-access';
import { EmployeeMessages } from '../employee.messages';
import { EmployeeQueries } from '../employee.queries';
import type { EmployeeView } from '../infrastructure/employee.read-model';
import { EmployeeRepository } from '../infrastructure/employee.repository';

/** Mutasi: another position (in the same OPD or, by BKPSDM, another), effective from its TMT. */
@Injectable()
export class TransferEmployee {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly employees: EmployeeRepository,
    private readonly placement: PositionPlacement,
    private readonly access: EmployeeAccess,
    private readonly events: PersonnelEvents,
    private readonly tracker: ReportingLineTracker,
    private readonly accounts: AccountsService,
    private readonly queries: EmployeeQueries,
  ) {}

  async execute(p: Principal, ref: string, dto: TransferEmployeeDto): Promise<EmployeeView | SavedWithoutView> {
    const actor = actorOf(p);
    const key = await this.access.find(ref);
    optionalDate(dto.tmtJabatan, 'tmtJabatan');
    const date = effectiveDate(dto.effectiveDate);
    const result = await inTransaction(this.dataSource, async (m) => {
      const e = await this.employees.lock(m, key.id);
      this.access.assertCanManage(p, e.opd_code);
      refuse(checkStillWorking(e.status, 'dimutasi'));
      const pos = await this.placement.lock(m, dto.positionId, date);
      this.access.assertCanManage(p, pos.opd_code);
      if (pos.id === e.position_id) throw EmployeeMessages.error('MUTASI_KE_JABATAN_SAMA');
      refuse(checkJabatanForJenisAsn(e.jenis_asn, pos.jenis_jabatan));
      refuse(checkCapacity(pos.code, pos.capacity, pos.occupied));
      const before = await employeeSnapshot(m, e.id, date, todayInJakarta());
      const lines = await this.tracker.before(m, { positionIds: [e.position_id!, pos.id], employeeIds: [e.id] });

      await this.employees.place(m, e.id, { positionId: pos.id, unitId: pos.unit_id, opdId: pos.opd_id }, dto.tmtJabatan ?? date);
      await this.employees.historise(m, e.id, date, ['MUTASI'], actor, { nomorSk: dto.nomorSk, reason: dto.reason });
      await recordAudit(m, {
        actor: actor.subject,
        actorNip: actor.nip,
        action: 'employee.transferred',
        entityType: 'employee',
        entityId: e.id,
        fromState: e.position_id,
        toState: pos.id,
        reason: dto.reason ?? null,
        details: { nomorSk: dto.nomorSk ?? null, fromOpd: e.opd_id, toOpd: pos.opd_id, effectiveDate: date },
      });
      await this.events.emit(m, EmployeeTransferredV1, e.id, {
        ...(await employeeSnapshot(m, e.id, date, todayInJakarta())),
        from: { position: before.position, unit: before.unit, opd: before.opd },
        betweenOpd: e.opd_id !== pos.opd_id,
        nomorSk: dto.nomorSk ?? null,
        reason: dto.reason ?? null,
      });
      await this.tracker.after(m, lines, { effectiveDate: date, reason: dto.reason ?? 'Mutasi pegawai', skip: [e.id] });
      return { id: e.id, opdChanged: e.opd_id !== pos.opd_id };
    });
    if (result.opdChanged) await sideEffectAfterCommit('syncing the account', () => this.accounts.syncProfile(result.id, actor, { opdChanged: true }), undefined);
    return readAfterCommit(result.id, () => this.queries.view(result.id));
  }
}
