import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock } from '@capaian/kinerja';
import type { Principal } from '@capaian/shared/auth';
import { DataSource } from 'typeorm';
import { periodsOfSkp } from '../cadence/domain/cadence';
import { CadenceRepository } from '../cadence/infrastructure/cadence.repository';
import { SkpAccess } from '../common/access';
import { AppraisalPeople } from '../personnel-view/appraisal-people';
import { DashboardMessages } from './dashboard.messages';

export interface PersonLine {
  nip: string;
  name: string;
  unitId: string | null;
}

export interface UnitCompletion {
  unitId: string;
  code: string;
  name: string;
  employees: number;
  notPlanned: number;
  notReported: number;
  notRated: number;
}

export interface PenilaiBacklog {
  nip: string;
  name: string;
  /** SKPs submitted and waiting to be set or returned. */
  skpToSet: number;
  /** Period reports waiting for feedback. */
  reportsToAnswer: number;
  /** Ended SKPs without a year-end rating. */
  toRate: number;
  /** How many people these hold up. */
  peopleWaiting: number;
}

export interface CompletionDashboard {
  opdCode: string;
  year: number;
  asOf: string;
  totals: Omit<UnitCompletion, 'unitId' | 'code' | 'name'>;
  units: UnitCompletion[];
  notPlanned: PersonLine[];
  notReported: (PersonLine & { missingPeriods: number[] })[];
  notRated: PersonLine[];
  penilai: PenilaiBacklog[];
}

interface SkpRow {
  id: string;
  nip: string;
  status: string;
  start: string;
  end: string;
  penilaiNip: string | null;
  reported: number[] | null;
  awaitingFeedback: number;
  rated: boolean;
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
    const skps: SkpRow[] = await m.query(
      `SELECT s.id, s.nip, s.status, s.start_date::text AS start, s.end_date::text AS "end", s.penilai_nip AS "penilaiNip",
              (SELECT array_agg(r.period_no) FROM periodic_report r WHERE r.skp_id = s.id AND r.status <> 'TERBUKA') AS reported,
              (SELECT count(*)::int FROM periodic_report r WHERE r.skp_id = s.id AND r.status = 'DILAPORKAN') AS "awaitingFeedback",
              EXISTS (SELECT 1 FROM evaluation e WHERE e.skp_id = s.id) AS rated
         FROM skp s WHERE s.opd_code = $1 AND s.year = $2 AND s.status IN ('DRAFT','DIAJUKAN','DITETAPKAN','DIKEMBALIKAN','DITUTUP')`,
      [opdCode, year],
    );
    const byNip = new Map<string, SkpRow[]>();
    for (const s of skps) byNip.set(s.nip, [...(byNip.get(s.nip) ?? []), s]);
    const backlog = new Map<string, PenilaiBacklog & { waiting: Set<string> }>();
    const hold = (penilai: { nip: string; name: string } | null, nip: string, field: 'skpToSet' | 'reportsToAnswer' | 'toRate', n = 1) => {
      if (!penilai || n === 0) return;
      const b = backlog.get(penilai.nip) ?? { nip: penilai.nip, name: penilai.name, skpToSet: 0, reportsToAnswer: 0, toRate: 0, peopleWaiting: 0, waiting: new Set<string>() };
      b[field] += n;
      b.waiting.add(nip);
      backlog.set(penilai.nip, b);
    };
    const notPlanned: PersonLine[] = [];
    const notReported: (PersonLine & { missingPeriods: number[] })[] = [];
    const notRated: PersonLine[] = [];
    for (const p of people) {
      const line = { nip: p.nip, name: p.name, unitId: p.unitId };
      const mine = byNip.get(p.nip) ?? [];
      const set = mine.filter((s) => s.status === 'DITETAPKAN' || (s.status === 'DITUTUP' && s.reported !== null));
      const penilai = p.penilai ? { nip: p.penilai.nip, name: p.penilai.name } : null;
      for (const s of mine) if (s.status === 'DIAJUKAN') hold(penilai, p.nip, 'skpToSet');
      if (set.length === 0) {
        notPlanned.push(line);
        continue;
      }
      const missing: number[] = [];
      for (const s of set) {
        const done = new Set(s.reported ?? []);
        for (const period of periodsOfSkp(cadence, s.start, s.end)) if (period.reportDue < today && !done.has(period.number)) missing.push(period.number);
        hold(penilai, p.nip, 'reportsToAnswer', s.awaitingFeedback);
        if (s.end < today && !s.rated) {
          notRated.push(line);
          hold(penilai, p.nip, 'toRate');
        }
      }
      if (missing.length > 0) notReported.push({ ...line, missingPeriods: [...new Set(missing)].sort((a, b) => a - b) });
    }
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
      totals: { employees: people.length, notPlanned: notPlanned.length, notReported: notReported.length, notRated: notRated.length },
      units: unitRows,
      notPlanned,
      notReported,
      notRated,
      penilai: [...backlog.values()]
        .map(({ waiting, ...b }) => ({ ...b, peopleWaiting: waiting.size }))
        .sort((a, b) => b.peopleWaiting - a.peopleWaiting || a.nip.localeCompare(b.nip)),
    };
  }
}
