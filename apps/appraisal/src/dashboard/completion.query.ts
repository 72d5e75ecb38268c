import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock } from '@capaian/kinerja';
import type { Principal } from '@capaian/shared/auth';
import { DataSource } from 'typeorm';
import { CadenceRepository } from '../cadence/infrastructure/cadence.repository';
import { SkpAccess } from '../common/access';
import { AppraisalPeople } from '../personnel-view/appraisal-people';
import { DashboardMessages } from './dashboard.messages';
import { completion, type PenilaiBacklog, type Person as PersonLine, type SkpFacts } from './domain/completion';

export interface UnitCompletion {
  unitId: string;
  code: string;
  name: string;
  employees: number;
  notPlanned: number;
  notReported: number;
  notRated: number;
}

export type { PenilaiBacklog, PersonLine };

export interface CompletionDashboard {
  opdCode: string;
  year: number;
  asOf: string;
  /** The OPD calendar's planning deadline, and whether it has passed (then everyone not planned is late). */
  planning: { deadline: string; passed: boolean };
  totals: Omit<UnitCompletion, 'unitId' | 'code' | 'name'>;
  units: UnitCompletion[];
  notPlanned: PersonLine[];
  notReported: (PersonLine & { missingPeriods: number[] })[];
  notRated: PersonLine[];
  penilai: PenilaiBacklog[];
}

interface SkpRow extends Omit<SkpFacts, 'reported'> {
  reported: number[] | null;
}

/**
 * The completion of one OPD's year, for BKPSDM and the OPD's admin (and its pimpinan): who has not
 * planned (no set SKP), not reported (a period past its report deadline without a report), not been
 * rated (an ended SKP without a rating), and which penilai holds how many people up — with the
 * numbers per unit. Two queries over the OPD's rows; the rest is arithmetic.
 */
@Injectable()
export class CompletionQuery {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly directory: AppraisalPeople,
    private readonly cadences: CadenceRepository,
    private readonly access: SkpAccess,
    private readonly clock: Clock,
  ) {}

  async of(year: number, opdCode: string, principal: Principal): Promise<CompletionDashboard> {
    if (!this.access.canReadOpd(principal, opdCode)) throw DashboardMessages.error('AKSES_DASBOR_DITOLAK');
    const m = this.dataSource.manager;
    const today = this.clock.today();
    const [people, units, cadence] = await Promise.all([this.directory.employeesOfOpd(m, opdCode), this.directory.unitsOfOpd(m, opdCode), this.cadences.get(m, opdCode, year)]);
    // Per SKP, one probe of its reports (both figures from one lateral aggregate) and one of its
    // evaluation by the unique index. An EXISTS for `rated` let the planner hash every evaluation of
    // the city, and two report subqueries read each SKP's reports twice.
    const skps: SkpRow[] = await m.query(
      `SELECT s.nip, s.status, s.set_on IS NOT NULL AS "wasSet", s.start_date::text AS start, s.end_date::text AS "end", s.penilai_nip AS "penilaiNip",
              r.reported, r."awaitingFeedback", COALESCE((SELECT true FROM evaluation e WHERE e.skp_id = s.id), false) AS rated
         FROM skp s
         LEFT JOIN LATERAL (SELECT array_agg(r.period_no) FILTER (WHERE r.status <> 'TERBUKA') AS reported,
                                   count(*) FILTER (WHERE r.status = 'DILAPORKAN')::int AS "awaitingFeedback"
                              FROM periodic_report r WHERE r.skp_id = s.id) r ON true
        WHERE s.opd_code = $1 AND s.year = $2 AND s.status IN ('DRAFT','DIAJUKAN','DITETAPKAN','DIKEMBALIKAN','DITUTUP')`,
      [opdCode, year],
    );
    const c = completion(
      people.map((p) => ({ nip: p.nip, name: p.name, unitId: p.unitId })),
      skps.map((r) => ({ ...r, reported: r.reported ?? [] })),
      cadence,
      today,
    );
    const { notPlanned, notReported, notRated } = c;
    const count = (list: { unitId: string | null }[], unitId: string) => list.filter((l) => l.unitId === unitId).length;
    const unitRows: UnitCompletion[] = units.map((u) => ({
      unitId: u.unitId,
      code: u.code,
      name: u.name,
      employees: count(people, u.unitId),
      notPlanned: count(notPlanned, u.unitId),
      notReported: count(notReported, u.unitId),
      notRated: count(notRated, u.unitId),
    }));
    return {
      opdCode,
      year,
      asOf: today,
      planning: { deadline: cadence.planningDeadline, passed: today > cadence.planningDeadline },
      totals: { employees: people.length, notPlanned: notPlanned.length, notReported: notReported.length, notRated: notRated.length },
      units: unitRows,
      notPlanned,
      notReported,
      notRated,
      penilai: c.penilai,
    };
  }
}
