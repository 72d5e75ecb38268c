import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@capaian/shared/auth';
import { DataSource } from 'typeorm';
import { SkpReader } from '../common/skp-reader';
import type { SkpState } from './domain/skp';

/** Reads of SKPs, each checked against who may see them. */
@Injectable()
export class SkpQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reader: SkpReader,
  ) {}

  /** One SKP the caller may read; 404 for one that does not exist, 403 for one they may not see. */
  async get(id: string, principal: Principal): Promise<SkpState> {
    return this.reader.readable(this.dataSource.manager, principal, id);
  }

  /** The caller's own SKPs and those of the people they appraise, for a year. */
  async mine(principal: Principal, year: number): Promise<{ own: SkpSummary[]; appraisees: SkpSummary[] }> {
    const nip = principal.nip ?? '';
    const rows: (SkpSummary & { mine: boolean })[] = await this.dataSource.query(
      `SELECT id, lineage_id AS "lineageId", version, nip, snapshot->>'name' AS name, year, start_date::text AS "startDate", end_date::text AS "endDate", status, penilai_nip AS "penilaiNip", (nip = $1) AS mine
         FROM skp WHERE year = $2 AND (nip = $1 OR (penilai_nip = $1 AND status <> 'DIGANTI')) ORDER BY nip, start_date, version`,
      [nip, year],
    );
    const strip = ({ mine: _m, ...r }: SkpSummary & { mine: boolean }) => r;
    return { own: rows.filter((r) => r.mine).map(strip), appraisees: rows.filter((r) => !r.mine).map(strip) };
  }
}

export interface SkpSummary {
  id: string;
  lineageId: string;
  version: number;
  nip: string;
  name: string;
  year: number;
  startDate: string;
  endDate: string;
  status: string;
  penilaiNip: string | null;
}
