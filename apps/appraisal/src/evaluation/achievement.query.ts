import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PeriodicReportRepository } from '../realization/infrastructure/periodic-report.repository';
import type { SkpState } from '../skp/domain/skp';
import { capaian, classifyRhk, suggestedRating, type RhkClass } from './domain/achievement';

export interface AchievementView {
  indicators: { indicatorId: string; rhkId: string; target: number | null; realization: number | null; capaian: number | null }[];
  rhk: RhkClass[];
  suggestedRatingHasilKerja: ReturnType<typeof suggestedRating>;
}

/**
 * The year's realization of each indicator from the periodic reports — summed for kuantitas and
 * biaya (counts and money add up over the year), averaged for kualitas and waktu (a level, not a
 * total) — then capaian, the class of each RHK and the suggested rating.
 */
@Injectable()
export class AchievementQuery {
  constructor(private readonly reports: PeriodicReportRepository) {}

  async of(m: EntityManager, skp: SkpState): Promise<AchievementView> {
    const values = new Map<string, number[]>();
    for (const r of await this.reports.listOf(m, skp.id)) {
      if (r.status === 'TERBUKA') continue;
      for (const line of r.realizations) values.set(line.indicatorId, [...(values.get(line.indicatorId) ?? []), line.value]);
    }
    const indicators: AchievementView['indicators'] = [];
    const rhk = skp.rhk.map((r) => {
      const percents: number[] = [];
      for (const i of r.indicators) {
        const vs = values.get(i.id);
        const realization = vs && vs.length > 0 ? (i.aspek === 'KUANTITAS' || i.aspek === 'BIAYA' ? vs.reduce((a, b) => a + b, 0) : vs.reduce((a, b) => a + b, 0) / vs.length) : null;
        const c = capaian(i.aspek, i.direction, i.target, realization);
        if (c !== null) percents.push(c);
        indicators.push({ indicatorId: i.id, rhkId: r.id, target: i.target, realization, capaian: c });
      }
      return classifyRhk({ rhkId: r.id, kind: r.kind, capaian: percents });
    });
    return { indicators, rhk, suggestedRatingHasilKerja: suggestedRating(rhk) };
  }
}
