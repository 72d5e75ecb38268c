import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface JpEntry {
  employeeId: string;
  nip: string;
  opdCode: string | null;
  jenisAsn: string;
  year: number;
  jp: number;
  source: 'PENDAFTARAN' | 'KLAIM_EKSTERNAL' | 'KOREKSI';
  sourceId: string;
  note?: string | null;
  recognisedBy: string;
  recognisedAt: Date;
}

/** The only writer of `jp_ledger`. A source (an enrolment, a claim) is recognised at most once: the unique key says so. */
@Injectable()
export class JpLedgerRepository {
  /** Records the entry; null when that source was already recognised. Returns the employee's total for the year after it. */
  async recognise(m: EntityManager, e: JpEntry): Promise<{ yearTotalJp: number } | null> {
    const inserted = await m.query(
      `INSERT INTO jp_ledger (employee_id, nip, opd_code, jenis_asn, year, jp, source, source_id, note, recognised_by, recognised_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (source, source_id) DO NOTHING RETURNING id`,
      [e.employeeId, e.nip, e.opdCode, e.jenisAsn, e.year, e.jp, e.source, e.sourceId, e.note ?? null, e.recognisedBy, e.recognisedAt],
    );
    if (inserted.length === 0) return null;
    return { yearTotalJp: await this.yearTotal(m, e.employeeId, e.year) };
  }

  async yearTotal(m: EntityManager, employeeId: string, year: number): Promise<number> {
    const [row] = await m.query(`SELECT COALESCE(sum(jp), 0)::int AS total FROM jp_ledger WHERE employee_id = $1 AND year = $2`, [employeeId, year]);
    return row.total;
  }
}
