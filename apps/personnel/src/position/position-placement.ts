import { Injectable } from '@nestjs/common';
import type { IsoDate } from '@capaian/kinerja';
import type { EntityManager } from 'typeorm';
import { EmployeeRepository } from '../employee/infrastructure/employee.repository';
import { PositionRepository, resolvePositionId, type PositionRecord } from './infrastructure/position.repository';
import { PositionMessages } from './position.messages';

/**
 * The position an employee is placed in (hiring, transfer): open, existing on the effective date,
 * locked so that two placements at once cannot both take the last seat.
 */
@Injectable()
export class PositionPlacement {
  constructor(
    private readonly positions: PositionRepository,
    private readonly employees: EmployeeRepository,
  ) {}

  async lock(m: EntityManager, ref: string, date: IsoDate): Promise<PositionRecord & { occupied: number }> {
    const id = await resolvePositionId(m, ref);
    const pos = await this.positions.load(m, id, true);
    if (pos.status !== 'AKTIF') throw PositionMessages.error('JABATAN_SUDAH_DITUTUP', { code: pos.code }, 'positionId');
    if (!(await this.positions.activeOn(m, id, date))) throw PositionMessages.error('JABATAN_BELUM_ADA_PADA_TANGGAL', { code: pos.code, date }, 'positionId');
    return { ...pos, occupied: await this.employees.countWorkingIn(m, id) };
  }
}
