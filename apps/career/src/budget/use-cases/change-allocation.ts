import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock } from '@capaian/kinerja';
import type { Principal } from '@capaian/shared/auth';
import { OutboxService } from '@capaian/shared/messaging';
import { DataSource } from 'typeorm';
import { audit, isBkpsdm, isOpdAdminOf } from '../../common/career-people';
import { allocationChanged } from '../budget.events';
import { BudgetMessages as M } from '../budget.messages';
import { formatRupiah } from '../domain/budget';
import type { ChangeAllocationDto } from '../dto/change-allocation.dto';
import { BudgetRepository, type BudgetRecord } from '../infrastructure/budget.repository';

/** BKPSDM (any budget) or an OPD admin (their OPD's) raises or cuts a yearly allocation. */
@Injectable()
export class ChangeAllocation {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly budgets: BudgetRepository,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Principal, dto: ChangeAllocationDto): Promise<BudgetRecord> {
    if (!isBkpsdm(actor) && !isOpdAdminOf(actor, dto.ownerCode)) throw M.error('AKSES_ANGGARAN_DITOLAK');
    if (dto.change === 0) throw M.error('JUMLAH_NOL', {}, 'change');
    return this.dataSource.transaction(async (m) => {
      const at = this.clock.now();
      await this.budgets.ensure(m, dto.fiscalYear, dto.ownerCode, at);
      const updated = await this.budgets.changeAllocation(m, dto.fiscalYear, dto.ownerCode, dto.change, { actor: actor.subject, at, note: dto.note ?? null });
      if (!updated) {
        const current = await this.budgets.findFor(m, dto.fiscalYear, dto.ownerCode);
        throw M.error('PENGURANGAN_MELEBIHI_SISA', { amount: formatRupiah(-dto.change), balance: formatRupiah(current?.balance ?? 0) }, 'change');
      }
      await audit(m, actor, { action: 'budget.allocation-changed', entityType: 'budget', entityId: updated.id, details: { change: dto.change, allocated: updated.allocated, balance: updated.balance, note: dto.note ?? null } });
      await allocationChanged(m, this.outbox, updated, dto.change);
      return updated;
    });
  }
}
