import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CompetencyDevelopmentPolicy } from '@capaian/kinerja';
import type { Principal } from '@capaian/shared/auth';
import { DataSource, type EntityManager } from 'typeorm';
import { COMPETENCY_DEVELOPMENT_POLICY } from '../career.config';
import { CareerPeople, isBkpsdm, isOpdAdminOf } from '../common/career-people';
import { opdComplianceOfGroups, personCompliance, type OpdCompliance, type PersonCompliance, type PersonYear, type PersonYearGroup } from './domain/compliance';
import { JpLedgerMessages as M } from './jp-ledger.messages';

export interface PersonYearRow extends PersonYear {
  nip: string;
  name: string;
  opdCode: string | null;
}

/** JP recognised in the year per employee, and JP of places that may still bring a certificate in it. */
const YEAR_TOTALS = `
  WITH rec AS (SELECT employee_id, sum(jp)::int AS jp FROM jp_ledger WHERE year = $1 GROUP BY employee_id),
       plan AS (SELECT e.employee_id, sum(p.jp)::int AS jp FROM enrolment e JOIN program_session s ON s.id = e.session_id JOIN development_program p ON p.id = s.program_id
                 WHERE e.status IN ('DISETUJUI', 'LULUS', 'SERTIFIKAT_DIUNGGAH') AND s.end_date BETWEEN make_date($1, 1, 1) AND make_date($1, 12, 31) GROUP BY e.employee_id)`;

/** The active employees of the projection with their year's totals. */
const ACTIVE_PEOPLE = `
    FROM personnel_employee pe LEFT JOIN rec ON rec.employee_id = pe.id LEFT JOIN plan ON plan.employee_id = pe.id
   WHERE pe.core_version IS NOT NULL AND pe.status IN ('AKTIF', 'CUTI')`;

/**
 * Per active employee of the projection: JP recognised in the year, and JP of places that may still
 * bring a certificate in it (approved or later, not yet recognised, session ending that year).
 */
const PEOPLE_YEAR = `${YEAR_TOTALS}
  SELECT pe.id AS "employeeId", pe.nip, pe.name, pe.opd_code AS "opdCode", pe.jenis_asn AS "jenisAsn",
         COALESCE(rec.jp, 0) AS "recognisedJp", COALESCE(plan.jp, 0) AS "plannedJp"${ACTIVE_PEOPLE}`;

/**
 * The same people counted per OPD, kind of ASN and totals: the compliance report needs only how many
 * stand where, and sending the city's 12,000 rows to be judged one by one cost about 250 ms a call.
 */
const GROUPS_YEAR = `${YEAR_TOTALS}
  SELECT pe.opd_code AS "opdCode", pe.jenis_asn AS "jenisAsn", COALESCE(rec.jp, 0) AS "recognisedJp", COALESCE(plan.jp, 0) AS "plannedJp",
         count(*)::int AS people${ACTIVE_PEOPLE}`;

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
    const params: unknown[] = [year];
    // An OPD admin without an OPD in the token matches no row (opd_code = NULL), as before.
    const scope = isBkpsdm(actor) ? '' : ` AND pe.opd_code = $${params.push(actor.opd ?? null)}`;
    const rows: (PersonYearGroup & { opdCode: string | null })[] = await this.dataSource.query(`${GROUPS_YEAR}${scope} GROUP BY 1, 2, 3, 4`, params);
    const byOpd = new Map<string | null, PersonYearGroup[]>();
    for (const r of rows) {
      const list = byOpd.get(r.opdCode) ?? [];
      list.push(r);
      byOpd.set(r.opdCode, list);
    }
    return [...byOpd.entries()].map(([opdCode, groups]) => ({ opdCode, ...opdComplianceOfGroups(groups, this.policy) })).sort((a, b) => String(a.opdCode).localeCompare(String(b.opdCode)));
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
