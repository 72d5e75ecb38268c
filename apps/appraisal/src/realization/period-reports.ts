import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { Clock } from '@capaian/kinerja';
import type { Principal } from '@capaian/shared/auth';
import type { EntityManager } from 'typeorm';
import { CadenceMessages } from '../cadence/cadence.messages';
import { periodsOfSkp } from '../cadence/domain/cadence';
import { CadenceRepository } from '../cadence/infrastructure/cadence.repository';
import type { SkpState } from '../skp/domain/skp';
import { SkpRepository } from '../skp/infrastructure/skp.repository';
import { SkpMessages } from '../skp/skp.messages';
import { PeriodicReport } from './domain/periodic-report';
import { PeriodicReportRepository } from './infrastructure/periodic-report.repository';
import { RealizationMessages } from './realization.messages';

/** What the realization use cases share: the owner's set SKP, and the report of one of its periods (opened on first touch). */
@Injectable()
export class PeriodReports {
  constructor(
    private readonly skps: SkpRepository,
    private readonly reports: PeriodicReportRepository,
    private readonly cadences: CadenceRepository,
    private readonly clock: Clock,
  ) {}

  /** The caller's own SKP, set (or closed after a move); a refused upload's body is drained so the answer can go out. */
  async ownSetSkp(m: EntityManager, principal: Principal, skpId: string, drain?: Readable): Promise<SkpState> {
    const s = await this.skps.find(m, skpId);
    try {
      if (!s) throw SkpMessages.error('SKP_TIDAK_DITEMUKAN');
      if (principal.nip !== s.snapshot.nip) throw SkpMessages.error('BUKAN_PEMILIK_SKP', { aksi: 'melaporkan realisasi' });
      if (s.status !== 'DITETAPKAN' && s.status !== 'DITUTUP') throw RealizationMessages.error('SKP_BELUM_DITETAPKAN_UNTUK_REALISASI');
    } catch (e) {
      drain?.resume();
      throw e;
    }
    return s;
  }

  /** The locked report of period `number` of the SKP's calendar, created TERBUKA when first touched. */
  async reportOf(m: EntityManager, skp: SkpState, number: number): Promise<PeriodicReport> {
    const existing = await this.reports.lock(m, skp.id, number);
    if (existing) return existing;
    const cadence = await this.cadences.get(m, skp.snapshot.opd?.code ?? null, skp.year);
    const period = periodsOfSkp(cadence, skp.startDate, skp.endDate).find((p) => p.number === number);
    if (!period) throw CadenceMessages.error('PERIODE_TIDAK_ADA', { number });
    const fresh = PeriodicReport.open({ id: randomUUID(), skpId: skp.id, number, start: period.start, end: period.end, reportDue: period.reportDue, feedbackDue: period.feedbackDue });
    return this.reports.ensure(m, fresh, this.clock.now());
  }
}
