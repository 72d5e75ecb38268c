import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EmployeeChangedV1 } from '@capaian/contracts';
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
import { refuse, refuseAll } from '../../common/violations';
import { checkJenisAsnChange, validateEmployeeFacts } from '../domain/employee.rules';
import type { UpdateEmployeeDto } from '../dto/correct-employee.dto';
import { EmployeeAccess } from '../employee-access';
import { EmployeeQueries } from '../employee.queries';
import type { EmployeeView } from '../infrastructure/employee.read-model';
import { EmployeeRepository } from '../infrastructure/employee.repository';

/** Corrects an employee's facts: name, e-mail, birth date and sex (as the NIP says), CPNS → PNS. */
@Injectable()
export class CorrectEmployee {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly employees: EmployeeRepository,
    private readonly access: EmployeeAccess,
    private readonly events: PersonnelEvents,
    private readonly accounts: AccountsService,
    private readonly queries: EmployeeQueries,
  ) {}

  async execute(p: Principal, ref: string, dto: UpdateEmployeeDto): Promise<EmployeeView | SavedWithoutView> {
    const actor = actorOf(p);
    const key = await this.access.find(ref);
    optionalDate(dto.birthDate, 'birthDate');
    optionalDate(dto.tmtJabatan, 'tmtJabatan');
    const date = effectiveDate(dto.effectiveDate);
    const result = await inTransaction(this.dataSource, async (m) => {
      const e = await this.employees.lock(m, key.id);
      this.access.assertCanManage(p, e.opd_code);
      const next = {
        name: dto.name?.trim() ?? e.name,
        email: dto.email === undefined ? e.email : dto.email === null ? null : dto.email.toLowerCase(),
        birthDate: dto.birthDate ?? e.birth_date,
        sex: dto.sex ?? e.sex,
        jenisAsn: dto.jenisAsn ?? e.jenis_asn,
        tmtJabatan: dto.tmtJabatan ?? e.tmt_jabatan,
      };
      refuse(checkJenisAsnChange(e.jenis_asn, next.jenisAsn));
      refuseAll(validateEmployeeFacts({ nip: e.nip, jenisAsn: next.jenisAsn, birthDate: next.birthDate, sex: next.sex, golongan: e.golongan }));
      const before = { name: e.name, email: e.email, birthDate: e.birth_date, sex: e.sex, jenisAsn: e.jenis_asn, tmtJabatan: e.tmt_jabatan };
      const changes = (Object.keys(next) as (keyof typeof next)[]).filter((k) => next[k] !== before[k]);
      if (changes.length === 0) return { id: e.id, changes };

      await this.employees.updateFacts(m, e.id, next);
      if (changes.includes('jenisAsn')) await this.employees.historise(m, e.id, date, ['PENGANGKATAN_PNS'], actor);
      await recordAudit(m, {
        actor: actor.subject,
        actorNip: actor.nip,
        action: 'employee.changed',
        entityType: 'employee',
        entityId: e.id,
        details: { changes, before },
      });
      await this.events.emit(m, EmployeeChangedV1, e.id, { ...(await employeeSnapshot(m, e.id, date, todayInJakarta())), changes });
      return { id: e.id, changes };
    });
    if (result.changes.some((c) => c === 'name' || c === 'email')) await sideEffectAfterCommit('syncing the account', () => this.accounts.syncProfile(result.id, actor), undefined);
    return readAfterCommit(result.id, () => this.queries.view(result.id));
  }
}
