import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EmployeeHiredV1 } from '@capaian/contracts';
import { isIsoDate, normalizeGolongan, todayInJakarta, type Violation } from '@capaian/kinerja';
import type { Principal } from '@capaian/shared/auth';
import { recordAudit } from '@capaian/shared/persistence';
import { DataSource } from 'typeorm';
import { AccountsService, type AccountState } from '../../accounts/accounts.service';
import { actorOf } from '../../common/access';
import { PersonnelEvents } from '../../common/events';
import { PersonnelMessages } from '../../common/personnel.messages';
import { employeeSnapshot } from '../../common/snapshots';
import { effectiveDate } from '../../common/temporal';
import { readAfterCommit, sideEffectAfterCommit, type SavedWithoutView } from '../../common/after-commit';
import { inTransaction } from '../../common/transaction';
import { conflictOnUnique, refuse, refuseAll } from '../../common/violations';
import { PositionPlacement } from '../../position/position-placement';
import { ReportingLineTracker } from '../../reporting/reporting-line.tracker';
import { checkCapacity, checkJabatanForJenisAsn, derivedPangkat, validateEmployeeFacts } from '../domain/employee.rules';
import type { HireEmployeeDto } from '../dto/hire-employee.dto';
import { EmployeeAccess } from '../employee-access';
import { EmployeeMessages } from '../employee.messages';
import { EmployeeQueries } from '../employee.queries';
import type { EmployeeView } from '../infrastructure/employee.read-model';
import { EmployeeRepository } from '../infrastructure/employee.repository';

/** Pengangkatan: a new employee in a vacant position, with an SSO account unless asked not to. */
@Injectable()
export class HireEmployee {
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

  async execute(p: Principal, dto: HireEmployeeDto): Promise<{ employee: EmployeeView | SavedWithoutView; account: AccountState | null }> {
    const actor = actorOf(p);
    const golongan = dto.golongan ? normalizeGolongan(dto.golongan, dto.jenisAsn) : null;
    const dates: Violation[] = [];
    if (!isIsoDate(dto.birthDate)) dates.push(PersonnelMessages.violation('TANGGAL_TIDAK_VALID', {}, 'birthDate'));
    if (dto.tmtJabatan !== undefined && !isIsoDate(dto.tmtJabatan)) dates.push(PersonnelMessages.violation('TANGGAL_TIDAK_VALID', {}, 'tmtJabatan'));
    refuseAll(dates);
    refuseAll(validateEmployeeFacts({ nip: dto.nip, jenisAsn: dto.jenisAsn, birthDate: dto.birthDate, sex: dto.sex, golongan, pangkat: dto.pangkat }));
    const date = effectiveDate(dto.effectiveDate);
    const duplicate = () => EmployeeMessages.error('NIP_SUDAH_TERDAFTAR', { nip: dto.nip }, 'nip');
    const id = await inTransaction(this.dataSource, async (m) => {
      const pos = await this.placement.lock(m, dto.positionId, date);
      this.access.assertCanManage(p, pos.opd_code);
      refuse(checkJabatanForJenisAsn(dto.jenisAsn, pos.jenis_jabatan));
      refuse(checkCapacity(pos.code, pos.capacity, pos.occupied));
      if (await this.employees.idByNip(m, dto.nip)) throw duplicate();
      const lines = await this.tracker.before(m, { positionIds: [pos.id] });

      const id = randomUUID();
      try {
        await this.employees.insert(m, {
          id,
          nip: dto.nip,
          name: dto.name.trim(),
          jenisAsn: dto.jenisAsn,
          birthDate: dto.birthDate,
          sex: dto.sex,
          golongan,
          pangkat: derivedPangkat(golongan),
          position: { id: pos.id, unitId: pos.unit_id, opdId: pos.opd_id },
          tmtJabatan: dto.tmtJabatan ?? date,
          email: dto.email?.toLowerCase() ?? null,
          validFrom: date,
        });
      } catch (e) {
        conflictOnUnique(e, { employee_nip_uq: duplicate });
      }
      await this.employees.historise(m, id, date, ['PENGANGKATAN'], actor);
      await recordAudit(m, {
        actor: actor.subject,
        actorNip: actor.nip,
        action: 'employee.hired',
        entityType: 'employee',
        entityId: id,
        toState: 'AKTIF',
        details: { nip: dto.nip, positionId: pos.id, jenisAsn: dto.jenisAsn, golongan },
      });
      await this.events.emit(m, EmployeeHiredV1, id, await employeeSnapshot(m, id, date, todayInJakarta()));
      await this.tracker.after(m, lines, { effectiveDate: date, reason: 'Pengangkatan pegawai', skip: [id] });
      return id;
    });
    const notProvisioned: AccountState = { status: 'GAGAL', accountId: null, username: dto.nip, error: 'Akun belum dibuat karena gangguan sementara; buat akun pegawai ini lagi nanti' };
    const account = dto.createAccount === false ? null : await sideEffectAfterCommit('provisioning the account', () => this.accounts.provision(id, actor), notProvisioned);
    return { employee: await readAfterCommit(id, () => this.queries.view(id)), account };
  }
}
