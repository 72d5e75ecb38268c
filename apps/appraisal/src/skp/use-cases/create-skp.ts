import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, isoDate } from '@capaian/kinerja';
import type { Principal } from '@capaian/shared/auth';
import { DataSource, type EntityManager } from 'typeorm';
import { auditTransition, partyOf, type ActingParty } from '../../common/actor';
import { AppraisalPeople, type EmployeeView } from '../../personnel-view/appraisal-people';
import type { CreateSkpDto } from '../dto/create-skp.dto';
import { Skp, type SkpContent, type SkpSnapshot, type SkpState } from '../domain/skp';
import { SkpRepository } from '../infrastructure/skp.repository';
import { contentFromDto } from '../skp-content';
import { SkpMessages } from '../skp.messages';

/** The snapshot of position, unit, golongan and appraisers taken from the projection when an SKP is created. */
export function snapshotOf(e: EmployeeView): SkpSnapshot {
  const headOfOpd = !!e.jabatan?.unitHead && !!e.unit && !!e.opd && e.unit.unitId === e.opd.unitId;
  return {
    employeeId: e.employeeId,
    nip: e.nip,
    name: e.name,
    golongan: e.golongan,
    jenisAsn: e.jenisAsn ?? 'PNS',
    jabatan: e.jabatan ? { positionId: e.jabatan.positionId, name: e.jabatan.name, jenisJabatan: e.jabatan.jenisJabatan, unitHead: e.jabatan.unitHead } : null,
    unit: e.unit ? { unitId: e.unit.unitId, name: e.unit.name } : null,
    opd: e.opd ? { unitId: e.opd.unitId, code: e.opd.code, name: e.opd.name } : null,
    pejabatPenilai: e.pejabatPenilai ? { employeeId: e.pejabatPenilai.employeeId, nip: e.pejabatPenilai.nip, name: e.pejabatPenilai.name } : null,
    atasanPejabatPenilai: e.atasanPejabatPenilai ? { employeeId: e.atasanPejabatPenilai.employeeId, nip: e.atasanPejabatPenilai.nip, name: e.atasanPejabatPenilai.name } : null,
    topOfOpd: headOfOpd || !e.pejabatPenilai,
  };
}

/** Drafts an SKP in the caller's transaction, refusing an overlap with another open SKP of the employee. */
export async function draftSkp(
  m: EntityManager,
  repo: SkpRepository,
  who: ActingParty,
  now: Date,
  input: { employee: EmployeeView; year: number; startDate: string; endDate: string; content: SkpContent },
): Promise<SkpState> {
  const skp = Skp.draft({ id: randomUUID(), year: input.year, startDate: input.startDate, endDate: input.endDate, snapshot: snapshotOf(input.employee), content: input.content });
  await repo.lockEmployee(m, input.employee.nip);
  if (await repo.findOverlapping(m, input.employee.nip, input.startDate, input.endDate)) throw SkpMessages.error('SKP_TUMPANG_TINDIH', {}, 'startDate');
  await repo.insert(m, skp, now);
  const s = skp.toState();
  await auditTransition(m, who, { action: 'skp.created', entityType: 'skp', entityId: s.id, to: s.status, details: { year: s.year, startDate: s.startDate, endDate: s.endDate, version: s.version } });
  return s;
}

/** The caller drafts their own SKP for a year (or part of it). */
@Injectable()
export class CreateSkp {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly skps: SkpRepository,
    private readonly directory: AppraisalPeople,
    private readonly clock: Clock,
  ) {}

  async execute(principal: Principal, input: CreateSkpDto): Promise<SkpState> {
    return this.dataSource.transaction(async (m) => {
      const employee = principal.nip ? await this.directory.employeeByNip(m, principal.nip) : null;
      if (!employee) throw SkpMessages.error('PEGAWAI_TIDAK_DITEMUKAN', { nip: principal.nip ?? '-' });
      return draftSkp(m, this.skps, partyOf(principal), this.clock.now(), {
        employee,
        year: input.year,
        startDate: input.startDate ?? isoDate(input.year, 1, 1),
        endDate: input.endDate ?? isoDate(input.year, 12, 31),
        content: contentFromDto(input),
      });
    });
  }
}
