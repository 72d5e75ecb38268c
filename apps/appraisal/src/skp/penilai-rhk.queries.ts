import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@capaian/shared/auth';
import { DataSource, type EntityManager } from 'typeorm';
import { AppraisalPeople } from '../personnel-view/appraisal-people';
import { mayReadPenilaiRhk, penilaiRhkOptions, type PenilaiRhkOption } from './domain/penilai-rhk';
import type { SkpState } from './domain/skp';
import { SkpRepository } from './infrastructure/skp.repository';
import { snapshotOf } from './use-cases/create-skp';
import { SkpMessages } from './skp.messages';

/** The RHK an employee's RHK may link to (intervensi): those of the penilai's set SKP of the year. */
export interface PenilaiRhkView {
  year: number;
  /** False at the top of an OPD: its RHK link to nothing inside the system. */
  linkRequired: boolean;
  penilai: { nip: string; name: string } | null;
  /** The penilai's set SKP the links point into; null while the penilai has none set for the year. */
  skp: { id: string; startDate: string; endDate: string; setOn: string | null } | null;
  rhk: PenilaiRhkOption[];
}

/**
 * Reads of the penilai's RHK for the subordinate's planning form: for an SKP already drafted (its
 * owner or its penilai may ask; the same set SKP that submitting checks the links against), or for
 * the caller's next SKP (the penilai personnel names for them today, as a new SKP will record).
 */
@Injectable()
export class PenilaiRhkQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly skps: SkpRepository,
    private readonly people: AppraisalPeople,
  ) {}

  async forSkp(principal: Principal, skpId: string): Promise<PenilaiRhkView> {
    const m = this.dataSource.manager;
    const s = await this.skps.find(m, skpId);
    if (!s) throw SkpMessages.error('SKP_TIDAK_DITEMUKAN');
    if (!mayReadPenilaiRhk(principal.nip, s)) throw SkpMessages.error('AKSES_RHK_PENILAI_DITOLAK');
    const fromSnapshot = s.snapshot.pejabatPenilai?.nip === s.penilaiNip ? s.snapshot.pejabatPenilai : null;
    const penilai = s.penilaiNip ? (fromSnapshot ?? (await this.people.employeeByNip(m, s.penilaiNip)) ?? { nip: s.penilaiNip, name: s.penilaiNip }) : null;
    return this.view(m, s.year, !s.snapshot.topOfOpd, penilai);
  }

  async forCaller(principal: Principal, year: number): Promise<PenilaiRhkView> {
    const m = this.dataSource.manager;
    const me = principal.nip ? await this.people.employeeByNip(m, principal.nip) : null;
    if (!me) throw SkpMessages.error('PEGAWAI_TIDAK_DITEMUKAN', { nip: principal.nip ?? '-' });
    return this.view(m, year, !snapshotOf(me).topOfOpd, me.pejabatPenilai);
  }

  private async view(m: EntityManager, year: number, linkRequired: boolean, penilai: { nip: string; name: string } | null): Promise<PenilaiRhkView> {
    const set: SkpState | null = penilai ? await this.skps.findSetSkpOf(m, penilai.nip, year) : null;
    return {
      year,
      linkRequired,
      penilai: penilai ? { nip: penilai.nip, name: penilai.name } : null,
      skp: set ? { id: set.id, startDate: set.startDate, endDate: set.endDate, setOn: set.setOn } : null,
      rhk: set ? penilaiRhkOptions(set.rhk) : [],
    };
  }
}
