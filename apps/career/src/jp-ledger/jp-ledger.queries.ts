import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CompetencyDevelopmentPolicy } from '@capaian/kinerja';
import type { Principal } from '@capaian/shared/auth';
import { DataSource, type EntityManager } from 'typeorm';
import { COMPETENCY_DEVELOPMENT_POLICY } from '../career.config';
import { CareerPeople, isBkpsdm, isOpdAdminOf } from '../common/career-people';
import { opdCompliance, personCompliance, type OpdCompliance, type PersonCompliance, type PersonYear } from './domain/compliance';
import { JpLedgerMessages as M } from './jp-ledger.messages';

export interface PersonYearRow extends PersonYear {
  nip: string;
  name: string;
  opdCode: string | null;
}

/**
 * Per active employee of the projection: JP recognised in the year, and JP of places that may still
 * bring a certificate in it (approved or later, not yet recognised, session ending that year).
 */
const PEOPLE_YEAR = `
  WITH rec AS (SELECT employee_id, sum(jp)::int AS jp FROM jp_ledger WHERE year = $1 GROUP BY employee_id),
       plan AS (SELECT e.employee_id, sum(p.jp)::int AS jp FROM enrolment e JOIN program_session s ON s.id = e.session_id JOIN development_program p ON p.id = s.program_id
                 WHERE e.status IN ('DISETUJUI', 'LULUS', 'SERTIFIKAT_DIUNGGAH') AND s.end_date BETWEEN make_date($1, 1, 1) AND make_date($1, 12, 31) GROUP BY e.employee_id)
  SELECT pe.id AS "employeeId", pe.nip, pe.name, pe.opd_code AS "opdCode", pe.jenis_asn AS "jenisAsn",
         COALESCE(rec.jp, 0) AS "recognisedJp", COALESCE(plan.jp, 0) AS "plannedJp"
    FROM personnel_employee pe LEFT JOIN rec ON rec.employee_id = pe.id LEFT JOIN plan ON plan.employee_id = pe.id
   WHERE pe.core_version IS NOT NULL AND pe.status IN ('AKTIF', 'CUTI')`;

/** The JP ledger's reads: a person's year, compliance per OPD, the at-risk list. */
@Injectable()
export class JpLedgerQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly people: CareerPeople,
    @Inject(COMPETENCY_DEVELOPMENT_POLICY) private readonly policy: CompetencyDevelopmentPolicy,
  ) {}

  /** One employee's year: entries and where they stand (themselves, their supervisor, their OPD's admin, BKPSDM). */
  async personYear(actor: Principal, nip: string, year: number) {
    const person = await this.people.byNip(nip);
    const self = await this.people.selfOrNull(actor);
    if (actor.nip !== nip && !isBkpsdm(actor) && !isOpdAdminOf(actor, person.opdCode) && self?.id !== person.supervisorId) throw M.error('AKSES_JP_DITOLAK');
    const entries = await this.dataSource.query(
      `SELECT jp, source, source_id AS "sourceId", note, recognised_at AS "recognisedAt" FROM jp_ledger WHERE employee_id = $1 AND year = $2 ORDER BY recognised_at, id`,
      [person.id, year],
    );
    const [row]: PersonYearRow[] = await this.dataSource.query(`${PEOPLE_YEAR} AND pe.id = $2`, [year, person.id]);
    return { nip, name: person.name, year, entries, ...personCompliance(row ?? { employeeId: person.id, jenisAsn: person.jenisAsn, recognisedJp: 0, plannedJp: 0 }, this.policy) };
  }

  /** Compliance of every OPD (BKPSDM) or of the admin's own OPD. */
  async compliance(actor: Principal, year: number): Promise<(OpdCompliance & { opdCode: string | null })[]> {
    const rows: PersonYearRow[] = await this.dataSource.query(PEOPLE_YEAR, [year]);
    const byOpd = new Map<string | null, PersonYearRow[]>();
    for (const r of rows) {
      if (!isBkpsdm(actor) && r.opdCode !== actor.opd) continue;
      const list = byOpd.get(r.opdCode) ?? [];
      list.push(r);
      byOpd.set(r.opdCode, list);
    }
    return [...byOpd.entries()].map(([opdCode, people]) => ({ opdCode, ...opdCompliance(people, this.policy) })).sort((a, b) => String(a.opdCode).localeCompare(String(b.opdCode)));
  }

  /** Who cannot reach their yearly minimum even with every place they hold: BKPSDM (all, or one OPD) or an OPD admin (theirs). */
  async atRisk(actor: Principal, year: number, opd?: string): Promise<(PersonCompliance & { nip: string; name: string; opdCode: string | null })[]> {
    const scope = isBkpsdm(actor) ? opd : actor.opd;
    const params: unknown[] = [year];
    const rows: PersonYearRow[] = await this.dataSource.query(`${PEOPLE_YEAR}${scope ? ` AND pe.opd_code = $${params.push(scope)}` : ''} ORDER BY pe.opd_code, pe.name`, params);
    return rows
      .map((r) => ({ nip: r.nip, name: r.name, opdCode: r.opdCode, ...personCompliance(r, this.policy) }))
      .filter((c) => c.atRisk);
  }

  /** Everyone at risk in the city (the year-end job), optionally inside the job's transaction. */
  async atRiskCity(year: number, manager?: EntityManager): Promise<(PersonCompliance & { nip: string; name: string; opdCode: string | null })[]> {
    const rows: PersonYearRow[] = await (manager ?? this.dataSource.manager).query(`${PEOPLE_YEAR} ORDER BY pe.opd_code, pe.name`, [year]);
    return rows.map((r) => ({ nip: r.nip, name: r.name, opdCode: r.opdCode, ...personCompliance(r, this.policy) })).filter((c) => c.atRisk);
  }

  /** Per-OPD recap rows for the XLSX export. */
  recapRows(actor: Principal, year: number) {
    return this.compliance(actor, year);
  }
}
